package jp.kiban.childallowance.ui.internal;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import jp.kiban.core.date.WarekiDate;
import jp.kiban.ui.UiTexts;

/** This bundle's UI texts (messages*.properties beside this class); see {@link UiTexts}. */
public final class Messages {
    private static final UiTexts TEXTS = UiTexts.of("jp.kiban.childallowance.ui.internal.messages",
            Messages.class.getClassLoader());

    private Messages() {
    }

    public static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }

    static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
    }

    static String date(LocalDate day) {
        return WarekiDate.of(day).format();
    }

    /** 令和8年12月 for 2026-12. */
    static String month(YearMonth m) {
        String f = WarekiDate.of(m.atDay(1)).format();
        return f.substring(0, f.indexOf('月') + 1);
    }

    /** 令和8年度（2026年度）. */
    static String fiscalYear(int year) {
        return get("fiscalYear", year, year - 2018);
    }
}
