package jp.kiban.resident.notification;

/** 交付請求者区分 of an issued certificate (標準仕様書 8.1.1). */
public enum RequesterClass {
    /** Not yet recorded at the counter. */
    UNRECORDED("未登録"),
    /** 本人 (or the person's household): no notice. */
    SELF("本人"),
    /** 代理人 (with a 委任状). */
    AGENT("代理人"),
    /** 第三者 (第12条の3: 弁護士等の職務上請求を含む). */
    THIRD_PARTY("第三者");

    private final String label;

    RequesterClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
