package jp.kiban.residenttax.ui.internal;

import jp.kiban.ui.UiTexts;

/** This bundle's UI texts (messages*.properties beside this class); see {@link UiTexts}. */
public final class Messages {
    private static final UiTexts TEXTS = UiTexts.of("jp.kiban.residenttax.ui.internal.messages",
            Messages.class.getClassLoader());

    private Messages() {
    }

    public static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }

    /** 令和8年度（2026年度）. */
    public static String taxYear(int year) {
        return get("taxYear", year, year - 2018);
    }
}
