package jp.kiban.residenttax.ui.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.kiban.residenttax.ResidentTax;

/** Small parsers and formats shared by the parts. */
final class Texts {
    private Texts() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    static int currentYear() {
        return ResidentTax.taxYearOf(today());
    }

    /** A tax year typed as 2026, ２０２６ or 令和8 / R8 (年度 optional). */
    static int taxYear(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace("年度", "").replace("年", "");
        int year;
        try {
            if (s.startsWith("令和") || s.startsWith("R") || s.startsWith("r")) {
                String n = s.replaceFirst("^(令和|R|r)", "");
                year = n.equals("元") ? 2019 : 2018 + Integer.parseInt(n);
            } else {
                year = Integer.parseInt(s);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.get("form.year", text));
        }
        if (year < 2021 || year > 2099) {
            throw new IllegalArgumentException(Messages.get("form.year", text));
        }
        return year;
    }

    static String yen(long amount) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.JAPAN).format(amount);
    }

    static String date(LocalDate day) {
        return jp.kiban.core.date.WarekiDate.of(day).format();
    }
}
