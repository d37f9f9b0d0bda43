package jp.kiban.addressee;

import java.util.Locale;
import java.util.Objects;

import jp.kiban.core.DomainException;

/**
 * Why one line of a 住所辞書 CSV file was refused.
 *
 * @param line   the line number in the file (1 = the header); for a quoted field spanning lines,
 *               the line where the record starts
 * @param column the column name ({@code code}, {@code name}, …), or empty if the problem is the
 *               line as a whole
 * @param reason the refusal: {@link DomainException#code()} is the stable message key,
 *               {@link DomainException#getMessage(Locale)} the text in a language
 */
public record TownCsvProblem(int line, String column, DomainException reason) {

    public TownCsvProblem {
        Objects.requireNonNull(reason, "reason");
        column = column == null ? "" : column;
    }

    /** The message key, e.g. {@code csv.columnCount} or {@code address.postalCodeForm}. */
    public String messageKey() {
        return reason.code();
    }

    /** English, for the CLI and logs: {@code line 5, column postal_code: A postal code is written as …}. */
    public String message() {
        return message(Locale.ROOT);
    }

    /** In the given language, e.g. {@code 5行目 postal_code: 郵便番号は…}. */
    public String message(Locale locale) {
        boolean japanese = locale.getLanguage().equals(Locale.JAPANESE.getLanguage());
        String where = japanese ? line + "行目" + (column.isEmpty() ? "" : " " + column) + "："
                : "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": ";
        return where + reason.getMessage(locale);
    }

    @Override
    public String toString() {
        return message();
    }
}
