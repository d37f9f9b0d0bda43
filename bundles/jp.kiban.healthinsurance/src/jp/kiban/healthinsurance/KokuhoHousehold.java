package jp.kiban.healthinsurance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kiban.core.id.HouseholdNumber;

/**
 * A 国保世帯: the 世帯 of the resident register with at least one person who is or was insured. The
 * 世帯主 is the 納税義務者 (地方税法第703条の4第1項) also when not insured himself (擬制世帯主).
 */
public record KokuhoHousehold(HouseholdNumber number, String address, List<InsuredPerson> members) {
    public KokuhoHousehold {
        members = List.copyOf(members);
    }

    public Optional<InsuredPerson> head() {
        return members.stream().filter(InsuredPerson::head).findFirst();
    }

    /** 擬制世帯主: the head is not insured on that day while others are. */
    public boolean nominalHeadOn(LocalDate day) {
        return head().map(h -> !h.insuredOn(day)).orElse(false) && members.stream().anyMatch(m -> m.insuredOn(day));
    }

    public long insuredOn(LocalDate day) {
        return members.stream().filter(m -> m.insuredOn(day)).count();
    }
}
