package jp.kiban.forms;

/**
 * The items a 住民票記載事項証明書 proves besides 氏名, 生年月日, 性別 and 住所 (always printed): only
 * those the applicant asked for are printed. {@link #INDIVIDUAL_NUMBER} also needs
 * {@code Permission.USE_INDIVIDUAL_NUMBER}.
 */
public enum StatedItem {
    /** 世帯主 (the head's name) and 続柄. */
    RELATIONSHIP,
    /** 本籍 and 筆頭者 (Japanese residents). */
    DOMICILE,
    /** 住民となった年月日 (外国人住民となった年月日). */
    BECAME_RESIDENT,
    /** 住所を定めた年月日. */
    ADDRESS_SINCE,
    /** 届出の年月日 and 従前の住所. */
    NOTIFICATION,
    /** フリガナ. */
    FURIGANA,
    /** 住民票コード. */
    RESIDENT_RECORD_CODE,
    /** 個人番号. */
    INDIVIDUAL_NUMBER
}
