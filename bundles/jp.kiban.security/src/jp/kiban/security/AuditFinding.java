package jp.kiban.security;

import java.time.LocalDate;
import java.util.List;

/**
 * Something the analyses found for the auditor to look at.
 *
 * @param type     what was found
 * @param operator the login id concerned
 * @param day      the day (Japan) concerned
 * @param count    how many entries / persons / failures
 * @param entries  the sequence numbers of the entries concerned (at most 100)
 * @param detail   English explanation
 */
public record AuditFinding(Type type, String operator, LocalDate day, int count, List<Long> entries, String detail) {
    public AuditFinding {
        entries = List.copyOf(entries);
    }

    public enum Type {
        /** Resident data used outside office hours (night). */
        NIGHT_ACCESS,
        /** Resident data used on a weekend, a Japanese public holiday or the year-end holidays. */
        HOLIDAY_ACCESS,
        /** Repeated failed logins for one id on one day. */
        REPEATED_FAILED_LOGINS,
        /** One operator viewed unusually many different people on one day. */
        MANY_PERSONS_VIEWED
    }
}
