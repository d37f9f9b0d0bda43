package jp.kiban.childallowance.ui.internal;

import java.text.Normalizer;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kiban.ui.Form;

/** Small parsers shared by the parts: a month and a fiscal year as the clerk types them. */
final class Parse {
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");
    private static final Pattern REIWA = Pattern.compile("(?:令和|R|r)\\s*(\\d{1,2}|元)\\s*[年.\\-/]\\s*(\\d{1,2})\\s*月?");

    private Parse() {
    }

    /** A month typed as 2026-12, 2026/12, 2026年12月, 令和8年12月 or R8.12. */
    static YearMonth month(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace("分", "");
        Matcher w = WESTERN.matcher(s);
        Matcher r = REIWA.matcher(s);
        int year;
        int month;
        if (w.matches()) {
            year = Integer.parseInt(w.group(1));
            month = Integer.parseInt(w.group(2));
        } else if (r.matches()) {
            year = 2018 + (r.group(1).equals("元") ? 1 : Integer.parseInt(r.group(1)));
            month = Integer.parseInt(r.group(2));
        } else {
            throw new IllegalArgumentException(Messages.get("form.month", text));
        }
        if (month < 1 || month > 12 || year < 2000 || year > 2200) {
            throw new IllegalArgumentException(Messages.get("form.month", text));
        }
        return YearMonth.of(year, month);
    }

    /** A fiscal year typed as 2026, ２０２６ or 令和8 / R8 (年度 optional). */
    static int fiscalYear(String text) {
        return Form.fiscalYear(text, 2000, 2200);
    }
}
