package jp.kiban.core.date;

import java.time.LocalDate;
import java.util.Optional;

import jp.kiban.core.DomainException;

/**
 * The Japanese eras (元号) from 明治 on, which is as far back as resident records go. First days
 * are the Gregorian dates of the 改元.
 * <p>
 * {@link #code()} is the 年号コード of the 中間標準レイアウト and the existing 住基 systems
 * (1 = 明治, 2 = 大正, 3 = 昭和, 4 = 平成, 5 = 令和). <b>Assumed mapping</b>, to be checked against
 * the layout specification when the first interface is built.
 */
public enum Era {

    MEIJI("明治", "M", LocalDate.of(1868, 10, 23), 1),
    TAISHO("大正", "T", LocalDate.of(1912, 7, 30), 2),
    SHOWA("昭和", "S", LocalDate.of(1926, 12, 25), 3),
    HEISEI("平成", "H", LocalDate.of(1989, 1, 8), 4),
    REIWA("令和", "R", LocalDate.of(2019, 5, 1), 5);

    /**
     * 明治6年1月1日. Japan used the lunisolar calendar until 明治5年12月2日, so earlier dates cannot be
     * converted by arithmetic and are refused by {@link WarekiDate}.
     */
    public static final LocalDate FIRST_GREGORIAN_DAY = LocalDate.of(1873, 1, 1);

    private final String kanji;
    private final String letter;
    private final LocalDate firstDay;
    private final int code;

    Era(String kanji, String letter, LocalDate firstDay, int code) {
        this.kanji = kanji;
        this.letter = letter;
        this.firstDay = firstDay;
        this.code = code;
    }

    /** The era name, e.g. 令和. */
    public String kanji() {
        return kanji;
    }

    /** The initial used in short forms such as R6.4.1. */
    public String letter() {
        return letter;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    /** The day before the next era began; empty for the current era. */
    public Optional<LocalDate> lastDay() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1].firstDay.minusDays(1)) : Optional.empty();
    }

    /** 年号コード (assumed mapping, see the class comment). */
    public int code() {
        return code;
    }

    /** The Gregorian year in which the given year of this era falls (元年 = 1). */
    public int toGregorianYear(int eraYear) {
        return firstDay.getYear() + eraYear - 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay) && lastDay().map(last -> !date.isAfter(last)).orElse(true);
    }

    /** The era in force on the given day. */
    public static Era of(LocalDate date) {
        for (int i = values().length - 1; i >= 0; i--) {
            if (!date.isBefore(values()[i].firstDay)) {
                return values()[i];
            }
        }
        throw new DomainException("date.beforeMeiji", date);
    }

    /** By kanji name (明治 ... 令和). */
    public static Era ofKanji(String kanji) {
        for (Era era : values()) {
            if (era.kanji.equals(kanji)) {
                return era;
            }
        }
        throw new DomainException("date.unknownEra", kanji);
    }

    /** By initial, case-insensitive (M, T, S, H, R). */
    public static Era ofLetter(String letter) {
        for (Era era : values()) {
            if (era.letter.equalsIgnoreCase(letter)) {
                return era;
            }
        }
        throw new DomainException("date.unknownEra", letter);
    }

    /** By 年号コード. */
    public static Era ofCode(int code) {
        for (Era era : values()) {
            if (era.code == code) {
                return era;
            }
        }
        throw new DomainException("date.unknownEra", code);
    }
}
