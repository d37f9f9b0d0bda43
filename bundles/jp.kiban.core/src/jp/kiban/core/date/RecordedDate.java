package jp.kiban.core.date;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kiban.core.DomainException;

/**
 * 記録上の年月日: a date as it stands on a record, such as a date of birth. The records allow
 * partly unknown dates (日不詳, 月日不詳, 年月日不詳, 昭和20年頃) and even dates that do not exist
 * (2月30日, 平成元年1月1日) when that is what the source document says. None of these is a day, so
 * only an {@link Kind#EXACT} date ever yields a {@link LocalDate}; nothing is silently assumed.
 * <p>
 * Partial and impossible dates keep the era as written (令和2年 stays 令和2年, so 平成31年 and
 * 令和元年 are not conflated); an era of {@code null} means a Gregorian year (e.g. for foreign
 * residents). Exact dates are plain days; their era follows from the day.
 * <p>
 * <b>Storage encoding</b> ({@link #toStorageString()}), where {@code Y} is a 4-digit Gregorian year
 * or an era letter with a 2-digit era year ({@code R02}):
 * <pre>
 * EXACT              2024-04-01    (always Gregorian)
 * DAY_UNKNOWN        R02-03-00  or 2020-03-00
 * MONTH_DAY_UNKNOWN  R02-00-00  or 2020-00-00
 * UNKNOWN            0000-00-00
 * APPROXIMATE_YEAR   ~S20       or ~1945
 * IMPOSSIBLE         !R02-02-30 or !2020-02-30
 * </pre>
 * The storage string does not sort chronologically; use {@link #sortKey()}.
 */
public final class RecordedDate implements Comparable<RecordedDate> {

    /** What is known about the date. */
    public enum Kind {
        /** A real day. */
        EXACT,
        /** 日不詳: year and month known. */
        DAY_UNKNOWN,
        /** 月日不詳: only the year known. */
        MONTH_DAY_UNKNOWN,
        /** 年月日不詳. */
        UNKNOWN,
        /** 頃: the year is approximate. */
        APPROXIMATE_YEAR,
        /** A date written on the record that does not exist, kept as written. */
        IMPOSSIBLE
    }

    /** Whether parsing may produce {@link Kind#IMPOSSIBLE} dates. */
    public enum Leniency {
        /** Dates that do not exist are refused (the default, for new input). */
        STRICT,
        /** Dates that do not exist are kept as IMPOSSIBLE (for transcribing existing records). */
        ALLOW_IMPOSSIBLE
    }

    private static final String UNKNOWN_TEXT = "年月日不詳";
    private static final Pattern MONTH_DAY_UNKNOWN = Pattern.compile(DateText.YEAR + "月日不詳");
    private static final Pattern DAY_UNKNOWN = Pattern.compile(DateText.YEAR + "(\\d{1,2})月日不詳");
    private static final Pattern APPROXIMATE = Pattern.compile(DateText.YEAR + "頃");
    private static final Pattern STORAGE = Pattern.compile("([~!]?)(?:([MTSHR])(\\d{2})|(\\d{4}))(?:-(\\d{2})-(\\d{2}))?");

    private final Kind kind;
    private final DateText.Written written; // era null for EXACT; 0 for unknown parts

    private RecordedDate(Kind kind, Era era, int year, int month, int day) {
        this.kind = kind;
        this.written = new DateText.Written(era, year, month, day);
    }

    public static RecordedDate exact(LocalDate date) {
        WarekiDate.of(date); // refuses lunisolar dates
        return new RecordedDate(Kind.EXACT, null, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** 日不詳. {@code era} null means a Gregorian year. */
    public static RecordedDate dayUnknown(Era era, int year, int month) {
        RecordedDate d = new RecordedDate(Kind.DAY_UNKNOWN, era, year, month, 0);
        YearMonth ym = d.checkYear().checkedMonth();
        DateText.checkInEra(era, ym.atDay(1), ym.atEndOfMonth(), d.format());
        return d;
    }

    /** 月日不詳. {@code era} null means a Gregorian year. */
    public static RecordedDate monthDayUnknown(Era era, int year) {
        return new RecordedDate(Kind.MONTH_DAY_UNKNOWN, era, year, 0, 0).checkYearInEra();
    }

    /** 年月日不詳. */
    public static RecordedDate unknown() {
        return new RecordedDate(Kind.UNKNOWN, null, 0, 0, 0);
    }

    /** e.g. 昭和20年頃. {@code era} null means a Gregorian year. */
    public static RecordedDate approximateYear(Era era, int year) {
        return new RecordedDate(Kind.APPROXIMATE_YEAR, era, year, 0, 0).checkYearInEra();
    }

    /**
     * A written date that does not exist (2月30日, or outside its era such as 平成元年1月1日). Month
     * 1–12 and day 1–31 are still required, and lunisolar dates (before 1873) are not accepted.
     */
    public static RecordedDate impossible(Era era, int year, int month, int day) {
        RecordedDate d = new RecordedDate(Kind.IMPOSSIBLE, era, year, month, day).checkYear();
        if (d.written.gregorianYear() < Era.FIRST_GREGORIAN_DAY.getYear()) {
            throw new DomainException("date.lunisolar", d.format());
        }
        if (day < 1 || day > 31) {
            throw new DomainException("date.noSuchDay", d.format());
        }
        d.checkedMonth();
        try {
            d.written.toLocalDate();
        } catch (DomainException expected) {
            return d;
        }
        throw new DomainException("date.notImpossible", d.format());
    }

    /** {@link #parse(String, Leniency)} with {@link Leniency#STRICT}. */
    public static RecordedDate parse(String text) {
        return parse(text, Leniency.STRICT);
    }

    /**
     * Parses 年月日不詳, 令和2年月日不詳, 令和2年3月日不詳, 昭和20年頃 (also with a Gregorian year such
     * as 1980年3月日不詳) and every exact form accepted by {@link WarekiDate#parse(String)}.
     */
    public static RecordedDate parse(String text, Leniency leniency) {
        String t = DateText.normalise(text);
        if (t.equals(UNKNOWN_TEXT)) {
            return unknown();
        }
        Matcher m;
        if ((m = MONTH_DAY_UNKNOWN.matcher(t)).matches()) {
            DateText.Written w = DateText.year(m, 1, 0, 0);
            return monthDayUnknown(w.era(), w.year());
        }
        if ((m = DAY_UNKNOWN.matcher(t)).matches()) {
            DateText.Written w = DateText.year(m, 1, Integer.parseInt(m.group(4)), 0);
            return dayUnknown(w.era(), w.year(), w.month());
        }
        if ((m = APPROXIMATE.matcher(t)).matches()) {
            DateText.Written w = DateText.year(m, 1, 0, 0);
            return approximateYear(w.era(), w.year());
        }
        DateText.Written w = DateText.parse(text);
        try {
            return exact(w.toLocalDate());
        } catch (DomainException e) {
            if (leniency == Leniency.ALLOW_IMPOSSIBLE && !e.code().equals("date.lunisolar")) {
                return impossible(w.era(), w.year(), w.month(), w.day());
            }
            throw e;
        }
    }

    /** Reads the encoding described in the class comment. */
    public static RecordedDate fromStorageString(String stored) {
        Matcher m = STORAGE.matcher(stored == null ? "" : stored);
        if (!m.matches()) {
            throw new DomainException("date.storage", stored);
        }
        Era era = m.group(2) == null ? null : Era.ofLetter(m.group(2));
        int year = Integer.parseInt(era == null ? m.group(4) : m.group(3));
        boolean hasMonthDay = m.group(5) != null;
        int month = hasMonthDay ? Integer.parseInt(m.group(5)) : 0;
        int day = hasMonthDay ? Integer.parseInt(m.group(6)) : 0;
        RecordedDate result;
        if (m.group(1).equals("~") && !hasMonthDay) {
            result = approximateYear(era, year);
        } else if (m.group(1).equals("!") && hasMonthDay) {
            result = impossible(era, year, month, day);
        } else if (!m.group(1).isEmpty() || !hasMonthDay) {
            throw new DomainException("date.storage", stored);
        } else if (era == null && year == 0 && month == 0 && day == 0) {
            result = unknown();
        } else if (day == 0) {
            result = month == 0 ? monthDayUnknown(era, year) : dayUnknown(era, year, month);
        } else if (era == null) {
            result = exact(new DateText.Written(null, year, month, day).toLocalDate());
        } else {
            throw new DomainException("date.storage", stored);
        }
        if (!result.toStorageString().equals(stored)) { // only the canonical form is accepted
            throw new DomainException("date.storage", stored);
        }
        return result;
    }

    /** Encoding for the database, see the class comment; round-trips every kind. */
    public String toStorageString() {
        String y = written.era() == null ? String.format("%04d", written.year())
                : String.format("%s%02d", written.era().letter(), written.year());
        return switch (kind) {
            case EXACT, DAY_UNKNOWN, MONTH_DAY_UNKNOWN -> String.format("%s-%02d-%02d", y, written.month(), written.day());
            case UNKNOWN -> "0000-00-00";
            case APPROXIMATE_YEAR -> "~" + y;
            case IMPOSSIBLE -> String.format("!%s-%02d-%02d", y, written.month(), written.day());
        };
    }

    /** The Japanese text as on the record, e.g. 令和2年3月日不詳 or 昭和20年頃. */
    public String format() {
        return switch (kind) {
            case EXACT -> DateText.longText(exactDate().orElseThrow());
            case DAY_UNKNOWN -> written.yearText() + written.month() + "月日不詳";
            case MONTH_DAY_UNKNOWN -> written.yearText() + "月日不詳";
            case UNKNOWN -> UNKNOWN_TEXT;
            case APPROXIMATE_YEAR -> written.yearText() + "頃";
            case IMPOSSIBLE -> written.longText();
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The day, only for {@link Kind#EXACT}. */
    public Optional<LocalDate> exactDate() {
        return kind == Kind.EXACT ? Optional.of(LocalDate.of(written.year(), written.month(), written.day()))
                : Optional.empty();
    }

    /** The era as written; empty for exact dates, Gregorian years and unknown dates. */
    public Optional<Era> era() {
        return Optional.ofNullable(written.era());
    }

    /** The year as written (era year if {@link #era()} is present, else Gregorian); empty if unknown. */
    public OptionalInt year() {
        return kind == Kind.UNKNOWN ? OptionalInt.empty() : OptionalInt.of(written.year());
    }

    /** The month, if known. */
    public OptionalInt month() {
        return written.month() == 0 ? OptionalInt.empty() : OptionalInt.of(written.month());
    }

    /** The day, if known. */
    public OptionalInt day() {
        return written.day() == 0 ? OptionalInt.empty() : OptionalInt.of(written.day());
    }

    /**
     * Chronological key yyyymmdd (Gregorian year), with 0 for unknown parts: a date with unknown
     * day sorts before every known day of its month, one with unknown month before every known
     * month of its year, and 年月日不詳 (0) before everything. An approximate year sorts like 月日不詳
     * of that year; an impossible date sorts where it is written (2月30日 after 2月29日).
     */
    public int sortKey() {
        return kind == Kind.UNKNOWN ? 0 : written.gregorianYear() * 10000 + written.month() * 100 + written.day();
    }

    /** By {@link #sortKey()}, then kind, then storage string (consistent with equals). */
    @Override
    public int compareTo(RecordedDate other) {
        int c = Integer.compare(sortKey(), other.sortKey());
        if (c == 0) {
            c = kind.compareTo(other.kind);
        }
        return c != 0 ? c : toStorageString().compareTo(other.toStorageString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedDate r && kind == r.kind && written.equals(r.written);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, written);
    }

    @Override
    public String toString() {
        return format();
    }

    private RecordedDate checkYear() {
        boolean ok = written.era() == null ? written.year() >= 1000 && written.year() <= 9999
                : written.year() >= 1 && written.year() <= 99;
        if (!ok) {
            throw new DomainException("date.noSuchDay", format());
        }
        return this;
    }

    private RecordedDate checkYearInEra() {
        checkYear();
        int y = written.gregorianYear();
        DateText.checkInEra(written.era(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), format());
        return this;
    }

    private YearMonth checkedMonth() {
        if (written.month() < 1 || written.month() > 12) {
            throw new DomainException("date.noSuchDay", format());
        }
        return YearMonth.of(written.gregorianYear(), written.month());
    }
}
