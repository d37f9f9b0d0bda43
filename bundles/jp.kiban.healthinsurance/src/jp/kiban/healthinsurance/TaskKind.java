package jp.kiban.healthinsurance;

/** What a clerk has to look at, raised by a resident event. */
public enum TaskKind {
    /** 転入: 国保加入の確認 (is the person insured elsewhere?). */
    CONFIRM_ENROLMENT,
    /** 転出: the 資格 was lost automatically on the day after the 転出予定日; confirm (other prefecture: 転出日). */
    CONFIRM_MOVE_OUT,
    /** 世帯分離・合併・世帯主変更: check the 国保世帯 and the 納税義務者. */
    HOUSEHOLD_CHANGE,
    /** A resident change was cancelled (取消): check the 資格 it caused. */
    CANCELLATION,
    /** The person's date of birth is not exact: 資格 could not be processed. */
    BIRTH_DATE_UNKNOWN
}
