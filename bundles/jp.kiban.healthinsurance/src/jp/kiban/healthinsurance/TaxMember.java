package jp.kiban.healthinsurance;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;

/**
 * One person of a household as the 国保税 calculation sees it.
 *
 * @param insured            the person's 資格 periods (empty for a 擬制世帯主 or a 特定同一世帯所属者)
 * @param income             総所得金額等 of the year before the fiscal year (yen, ≥ 0), as entered or imported
 * @param wageEarner         給与所得者等 (一定の給与所得・公的年金等所得のある者) for the 軽減判定
 * @param lateElderlySince   the day the person moved from 国保 to 後期高齢者医療 while staying in this household
 *                           (makes them a 特定同一世帯所属者)
 */
public record TaxMember(AddresseeNumber number, LocalDate birthDate, boolean head, List<InsuredPeriod> insured,
        long income, boolean wageEarner, Optional<LocalDate> lateElderlySince) {
    public TaxMember {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(birthDate, "birthDate");
        insured = List.copyOf(insured);
        lateElderlySince = lateElderlySince == null ? Optional.empty() : lateElderlySince;
        if (income < 0) {
            throw new KokuhoException("income.negative");
        }
    }

    /** The 75th birthday: from this day the person is insured by 後期高齢者医療, not 国保 (国保法第6条第8号). */
    public LocalDate lateElderlyDay() {
        return birthDate.plusYears(75);
    }

    /** Insured by 国保 on this day: within a period and before the 75th birthday. */
    public boolean insuredOn(LocalDate day) {
        return day.isBefore(lateElderlyDay()) && insured.stream().anyMatch(p -> p.covers(day));
    }
}
