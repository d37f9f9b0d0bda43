package jp.kiban.resident;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.kiban.core.id.HouseholdNumber;

/**
 * The members of a 世帯 on a date: each member's snapshot valid on that date, in {@link #MEMBER_ORDER}.
 * A household without members on the date is closed (or did not exist yet); 世帯番号 are never reused.
 */
public record Household(HouseholdNumber number, LocalDate date, List<ResidentRecord> members) {
    /** 世帯員の並び順 (標準仕様書 5.2): by {@link Relationship#rank()}, then date of birth, then 宛名番号. */
    public static final Comparator<ResidentRecord> MEMBER_ORDER = Comparator
            .<ResidentRecord>comparingInt(r -> r.relationship().rank())
            .thenComparing(r -> r.person().birthDate().sortKey()).thenComparing(r -> r.addresseeNumber().value());

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
