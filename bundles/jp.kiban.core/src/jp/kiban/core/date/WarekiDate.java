package jp.kiban.core.date;

import java.time.LocalDate;
import java.util.Objects;

import jp.kiban.core.DomainException;

/**
 * A real calendar day as shown in 和暦. Clerks and residents read and write dates as 令和6年4月1日;
 * this type converts between that and {@link LocalDate} and refuses era dates that never existed
 * (平成31年5月1日) instead of silently moving them into the next era.
 * <p>
 * Only days from {@link Era#FIRST_GREGORIAN_DAY} (1873-01-01) on are supported; earlier days used
 * the lunisolar calendar.
 *
 * @param date the Gregorian date
 */
public record WarekiDate(LocalDate date) implements Comparable<WarekiDate> {

    private static final String WEEKDAYS = "月火水木金土日";

    public WarekiDate {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(Era.FIRST_GREGORIAN_DAY)) {
            throw new DomainException("date.lunisolar", date);
        }
    }

    public static WarekiDate of(LocalDate date) {
        return new WarekiDate(date);
    }

    /** From era, year of the era (1 = 元年), month and day; refuses days outside the era. */
    public static WarekiDate of(Era era, int year, int month, int day) {
        return new WarekiDate(new DateText.Written(Objects.requireNonNull(era, "era"), year, month, day).toLocalDate());
    }

    /**
     * Parses 令和6年4月1日 (also 令和元年, full-width digits), R6.4.1 / R06.04.01 / r6/4/1 / R6-4-1,
     * 2024-04-01, 2024/4/1, 2024年4月1日 and 20240401.
     */
    public static WarekiDate parse(String text) {
        return new WarekiDate(DateText.parse(text).toLocalDate());
    }

    public Era era() {
        return Era.of(date);
    }

    /** Year of the era, 1 for 元年. */
    public int eraYear() {
        return date.getYear() - era().firstDay().getYear() + 1;
    }

    /** Long form, e.g. 令和6年4月1日 or 令和元年5月1日. */
    public String format() {
        return DateText.longText(date);
    }

    /** Long form with the day of the week, e.g. 令和6年4月1日(月). */
    public String formatWithWeekday() {
        return format() + "(" + WEEKDAYS.charAt(date.getDayOfWeek().getValue() - 1) + ")";
    }

    /** Short form, e.g. R6.4.1. */
    public String formatShort() {
        return era().letter() + eraYear() + "." + date.getMonthValue() + "." + date.getDayOfMonth();
    }

    /** Zero-padded short form, e.g. R06.04.01. */
    public String formatShortPadded() {
        return String.format("%s%02d.%02d.%02d", era().letter(), eraYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** ISO 8601, e.g. 2024-04-01. */
    public String formatIso() {
        return date.toString();
    }

    @Override
    public int compareTo(WarekiDate other) {
        return date.compareTo(other.date);
    }

    @Override
    public String toString() {
        return format();
    }
}
