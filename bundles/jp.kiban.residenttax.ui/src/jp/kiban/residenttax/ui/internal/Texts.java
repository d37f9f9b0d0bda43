package jp.kiban.residenttax.ui.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.eclipse.swt.widgets.Composite;

import jp.kiban.residenttax.ResidentTax;
import jp.kiban.ui.Form;

/** Small parsers and formats shared by the parts. */
final class Texts {
    private Texts() {
    }

    /**
     * A one-column form as the 住民税 screens have it: narrower drop-downs (9 characters) and a message that
     * takes only the room it needs (none while there is nothing to say).
     */
    static Form form(Composite parent) {
        return new Form(parent, 1, 9, 0);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    static int currentYear() {
        return ResidentTax.taxYearOf(today());
    }

    /** A tax year typed as 2026, ２０２６ or 令和8 / R8 (年度 optional). */
    static int taxYear(String text) {
        return Form.fiscalYear(text, 2021, 2099);
    }

    static String yen(long amount) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.JAPAN).format(amount);
    }

    static String date(LocalDate day) {
        return jp.kiban.core.date.WarekiDate.of(day).format();
    }
}
