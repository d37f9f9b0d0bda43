package jp.kiban.core.date;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/** Parsing and validation of written dates, shared by {@link WarekiDate} and {@link RecordedDate}. */
final class DateText {

    static final Label LABEL = new Label("date");

    private static final String ERA = "(明治|大正|昭和|平成|令和)";
    /** Groups: era kanji, era year (元 or digits), Gregorian year. */
    static final String YEAR = "(?:" + ERA + "(元|\\d{1,2})|(\\d{4}))年";
    private static final Pattern LONG = Pattern.compile(YEAR + "(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern SHORT = Pattern.compile("([MTSHR])(\\d{1,2})([./-])(\\d{1,2})\\3(\\d{1,2})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile("(\\d{4})([./-])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private DateText() {
    }

    /**
     * A date as written. {@code era} is null when the year is Gregorian; month and day are 0 when
     * not written. Not necessarily a real date.
     */
    record Written(Era era, int year, int month, int day) {

        int gregorianYear() {
            return era == null ? year : era.toGregorianYear(year);
        }

        /** E.g. 令和元年 or 2024年. */
        String yearText() {
            return era == null ? year + "年" : era.kanji() + (year == 1 ? "元" : String.valueOf(year)) + "年";
        }

        String longText() {
            return yearText() + month + "月" + day + "日";
        }

        /** The real date, or a DomainException saying why there is none. */
        LocalDate toLocalDate() {
            if (gregorianYear() < Era.FIRST_GREGORIAN_DAY.getYear()) {
                throw new DomainException("date.lunisolar", longText());
            }
            LocalDate date;
            try {
                date = LocalDate.of(gregorianYear(), month, day);
            } catch (DateTimeException e) {
                throw new DomainException("date.noSuchDay", longText());
            }
            checkInEra(era, date, date, longText());
            return date;
        }
    }

    /** Refuses a written era date (or month or year, given as a range of days) that falls outside its era. */
    static void checkInEra(Era era, LocalDate from, LocalDate to, String text) {
        if (era == null || to.isBefore(Era.FIRST_GREGORIAN_DAY)) {
            return; // Gregorian, or lunisolar Meiji dates that cannot be compared
        }
        if (to.isBefore(era.firstDay())) {
            throw new DomainException("date.beforeEraStart", text, era.kanji(), longText(era.firstDay()), era.firstDay());
        }
        LocalDate last = era.lastDay().orElse(LocalDate.MAX);
        if (from.isAfter(last)) {
            throw new DomainException("date.afterEraEnd", text, era.kanji(), longText(last), last);
        }
    }

    static String longText(LocalDate date) {
        Era era = Era.of(date);
        return new Written(era, date.getYear() - era.firstDay().getYear() + 1, date.getMonthValue(), date.getDayOfMonth())
                .longText();
    }

    /** Full-width to half-width, all white space removed. */
    static String normalise(String input) {
        return CounterInput.toHalfWidth(CounterInput.requireText(input, LABEL)).replaceAll("\\s+", "");
    }

    /** The era/Gregorian year matched by {@link #YEAR} starting at {@code group}. */
    static Written year(Matcher m, int group, int month, int day) {
        if (m.group(group) != null) {
            String y = m.group(group + 1);
            return new Written(Era.ofKanji(m.group(group)), y.equals("元") ? 1 : Integer.parseInt(y), month, day);
        }
        return new Written(null, Integer.parseInt(m.group(group + 2)), month, day);
    }

    /** Parses a complete date in any accepted form; the result is syntactically valid only. */
    static Written parse(String input) {
        String text = normalise(input);
        Matcher m;
        if ((m = LONG.matcher(text)).matches()) {
            return year(m, 1, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        }
        if ((m = SHORT.matcher(text)).matches()) {
            return new Written(Era.ofLetter(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)));
        }
        if ((m = ISO.matcher(text)).matches()) {
            return new Written(null, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        }
        if ((m = COMPACT.matcher(text)).matches()) {
            return new Written(null, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        throw new DomainException("date.unparseable", input.strip());
    }
}
