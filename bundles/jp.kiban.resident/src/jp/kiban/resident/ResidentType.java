package jp.kiban.resident;

/** 住民種別: which items the record carries (本籍 for Japanese, 国籍・在留 for foreign residents). */
public enum ResidentType {
    /** 日本人住民 (住民基本台帳法 第7条). */
    JAPANESE("1", "日本人"),
    /** 外国人住民 (住民基本台帳法 第30条の45). */
    FOREIGN("2", "外国人");

    private final String code;
    private final String label;

    ResidentType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
