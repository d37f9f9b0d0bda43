package jp.kiban.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kiban.core.id.HouseholdNumber;

/**
 * The members of a 世帯 on a date: each member's snapshot valid on that date, the 世帯主 first, then
 * by 続柄 and date of birth. A household without members on the date is closed (or did not exist
 * yet); 世帯番号 are never reused.
 */
public record Household(HouseholdNumber number, LocalDate date, List<ResidentRecord> members) {
    public Household {
        members = List.copyOf(members);
    }

    public Optional<ResidentRecord> head() {
        return members.stream().filter(ResidentRecord::isHead).findFirst();
    }

    public boolean closed() {
        return members.isEmpty();
    }
}
