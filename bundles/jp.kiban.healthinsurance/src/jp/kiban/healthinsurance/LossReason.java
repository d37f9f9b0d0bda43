package jp.kiban.healthinsurance;

/** 資格喪失事由 (国民健康保険法第8条). */
public enum LossReason {
    /** 転出: the day after the person stopped living here (第8条第1項). */
    MOVE_OUT,
    /** 死亡: the day after death. */
    DEATH,
    /** 社保加入: joined employee health insurance (第6条第1号〜第7号), the day after. */
    JOINED_EMPLOYEE_INSURANCE,
    /** 生保開始: public assistance began (第6条第9号), from that day (第8条第2項). */
    WELFARE_STARTED,
    /** 後期高齢者医療へ移行: from the 75th birthday (第6条第8号; 高齢者医療確保法第50条・第52条). */
    LATE_ELDERLY,
    /** その他. */
    OTHER
}
