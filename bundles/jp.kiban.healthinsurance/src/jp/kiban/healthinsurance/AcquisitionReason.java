package jp.kiban.healthinsurance;

/** 資格取得事由 (国民健康保険法第7条: the day the person came to live here or stopped being excluded by 第6条). */
public enum AcquisitionReason {
    /** 転入 (国内・国外). */
    MOVE_IN,
    /** 出生. */
    BIRTH,
    /** 社保離脱: left employee health insurance (健康保険等の資格喪失). */
    LEFT_EMPLOYEE_INSURANCE,
    /** 生保廃止: public assistance ended (第6条第9号に該当しなくなった). */
    WELFARE_ENDED,
    /** その他 (e.g. 外国人の在留資格取得). */
    OTHER
}
