package jp.kiban.healthinsurance;

import java.util.List;
import java.util.Objects;

import jp.kiban.core.id.HouseholdNumber;

/** A 国保世帯 for one fiscal year: the 世帯主 (納税義務者, insured or 擬制世帯主) and the other members. */
public record TaxHousehold(HouseholdNumber number, int fiscalYear, List<TaxMember> members) {
    public TaxHousehold {
        Objects.requireNonNull(number, "number");
        members = List.copyOf(members);
        if (members.stream().filter(TaxMember::head).count() != 1) {
            throw new KokuhoException("household.oneHead");
        }
    }

    public TaxMember head() {
        return members.stream().filter(TaxMember::head).findFirst().orElseThrow();
    }
}
