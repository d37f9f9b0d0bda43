package jp.kiban.security;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Japanese public holidays (国民の祝日に関する法律) computed for 2000–2099: fixed days, Happy Monday
 * days, 春分の日 and 秋分の日 by the usual astronomical approximation, 振替休日 and 国民の休日 — plus the
 * office's own closed days (土日, 年末年始 12/29–1/3). One-off holidays (e.g. 2019 即位の日, the 2020/2021
 * Olympic moves) are listed explicitly.
 */
public final class Holidays {
    private Holidays() {
    }

    /** True if the town office is normally closed: weekend, public holiday or 12/29–1/3. */
    public static boolean officeClosed(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) {
            return true;
        }
        if ((d.getMonth() == Month.DECEMBER && d.getDayOfMonth() >= 29)
                || (d.getMonth() == Month.JANUARY && d.getDayOfMonth() <= 3)) {
            return true;
        }
        return name(d).isPresent();
    }

    /** The holiday's name, e.g. 春分の日, 振替休日, 国民の休日; empty on an ordinary day. */
    public static Optional<String> name(LocalDate d) {
        Optional<String> own = holiday(d);
        if (own.isPresent()) {
            return own;
        }
        // 振替休日: the first non-holiday after a holiday that fell on a Sunday
        if (d.getYear() >= 2007 || d.getDayOfWeek() == DayOfWeek.MONDAY) {
            LocalDate p = d.minusDays(1);
            while (holiday(p).isPresent()) {
                if (p.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    return Optional.of("振替休日");
                }
                p = p.minusDays(1);
            }
        }
        // 国民の休日: an ordinary weekday between two holidays
        if (d.getDayOfWeek() != DayOfWeek.SUNDAY && holiday(d.minusDays(1)).isPresent()
                && holiday(d.plusDays(1)).isPresent()) {
            return Optional.of("国民の休日");
        }
        return Optional.empty();
    }

    private static Optional<String> holiday(LocalDate d) {
        int y = d.getYear();
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        String n = switch (m) {
            case 1 -> day == 1 ? "元日" : d.equals(monday(y, 1, 2)) ? "成人の日" : null;
            case 2 -> day == 11 ? "建国記念の日" : (y >= 2020 && day == 23) ? "天皇誕生日" : null;
            case 3 -> day == vernalEquinox(y) ? "春分の日" : null;
            case 4 -> day == 29 ? "昭和の日" : null;
            case 5 -> day == 3 ? "憲法記念日" : day == 4 ? "みどりの日" : day == 5 ? "こどもの日"
                    : (y == 2019 && day == 1) ? "即位の日" : null;
            case 6 -> null;
            case 7 -> marineDay(y, d) ? "海の日" : (y == 2020 && day == 24) || (y == 2021 && day == 23) ? "スポーツの日" : null;
            case 8 -> mountainDay(y, day) ? "山の日" : null;
            case 9 -> d.equals(monday(y, 9, 3)) ? "敬老の日" : day == autumnalEquinox(y) ? "秋分の日" : null;
            case 10 -> (y != 2020 && y != 2021 && d.equals(monday(y, 10, 2))) ? (y >= 2020 ? "スポーツの日" : "体育の日") : null;
            case 11 -> day == 3 ? "文化の日" : day == 23 ? "勤労感謝の日" : null;
            case 12 -> (y <= 2018 && day == 23) ? "天皇誕生日" : null;
            default -> null;
        };
        if (n == null && y == 2019 && m == 10 && day == 22) {
            n = "即位礼正殿の儀";
        }
        return Optional.ofNullable(n);
    }

    private static boolean marineDay(int y, LocalDate d) {
        if (y == 2020) {
            return d.getDayOfMonth() == 23;
        }
        if (y == 2021) {
            return d.getDayOfMonth() == 22;
        }
        return d.equals(monday(y, 7, 3));
    }

    private static boolean mountainDay(int y, int day) {
        if (y < 2016) {
            return false;
        }
        if (y == 2020) {
            return day == 10;
        }
        if (y == 2021) {
            return day == 8;
        }
        return day == 11;
    }

    private static LocalDate monday(int y, int month, int nth) {
        return LocalDate.of(y, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.MONDAY));
    }

    /** Day of March, valid 1980–2099. */
    static int vernalEquinox(int y) {
        return (int) (20.8431 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4.0));
    }

    /** Day of September, valid 1980–2099. */
    static int autumnalEquinox(int y) {
        return (int) (23.2488 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4.0));
    }
}
