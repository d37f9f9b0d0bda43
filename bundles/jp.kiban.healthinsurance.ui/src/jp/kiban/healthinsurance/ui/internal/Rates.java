package jp.kiban.healthinsurance.ui.internal;

import jp.kiban.ui.Form;

/** Small parsers shared by the parts. */
final class Rates {
    private Rates() {
    }

    /** A fiscal year typed as 2026, ２０２６ or 令和8 / R8 (年度 optional). */
    static int fiscalYear(String text) {
        return Form.fiscalYear(text, 2000, 2200);
    }

    static String yen(long amount) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.JAPAN).format(amount);
    }

    static String date(java.time.LocalDate day) {
        return jp.kiban.core.date.WarekiDate.of(day).format();
    }
}
