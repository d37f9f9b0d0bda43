package jp.kiban.healthinsurance.ui.internal;

import jp.kiban.ui.UiTexts;

/** This bundle's UI texts (messages*.properties beside this class); see {@link UiTexts}. */
public final class Messages {
    private static final UiTexts TEXTS = UiTexts.of("jp.kiban.healthinsurance.ui.internal.messages",
            Messages.class.getClassLoader());

    private Messages() {
    }

    public static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }

    /** 令和8年度（2026年度）. */
    public static String fiscalYear(int year) {
        return get("fiscalYear", year, year - 2018);
    }

    /** The Japanese label of an enum constant ({@code AcquisitionReason.MOVE_IN} → {@code 転入}). */
    public static String label(Enum<?> e) {
        return get(e.getDeclaringClass().getSimpleName() + "." + e.name());
    }
}
