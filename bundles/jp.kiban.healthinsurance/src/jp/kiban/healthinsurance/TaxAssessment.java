package jp.kiban.healthinsurance;

import java.util.List;

import jp.kiban.core.id.HouseholdNumber;

/**
 * The 国民健康保険税 of one household for one fiscal year, with everything needed to explain it.
 *
 * @param reductionTenths      軽減割合: 7, 5, 2 or 0 (割)
 * @param reductionIncome      the household's 総所得金額等 for the 軽減判定 (世帯主 + 被保険者 + 特定同一世帯所属者)
 * @param reductionPersons     被保険者 + 特定同一世帯所属者 on the 軽減判定 day
 * @param wageEarners          給与所得者等 among them (and the 世帯主)
 * @param thresholds           the 7割, 5割 and 2割 thresholds that were compared (yen)
 * @param householdFactor      平等割 factor in quarters: 4 (full), 2 (特定世帯, 1/2), 3 (特定継続世帯, 3/4)
 * @param total                Σ parts before the 100円未満 truncation
 * @param annualTax            the 年税額 (100円未満切捨て, 地方税法第20条の4の2第3項)
 */
public record TaxAssessment(HouseholdNumber household, int fiscalYear, int reductionTenths, long reductionIncome,
        int reductionPersons, int wageEarners, List<Long> thresholds, int householdFactor, List<PartAssessment> parts,
        long total, long annualTax, List<Installment> installments) {
    public TaxAssessment {
        thresholds = List.copyOf(thresholds);
        parts = List.copyOf(parts);
        installments = List.copyOf(installments);
    }

    public PartAssessment part(Part part) {
        return parts.stream().filter(p -> p.part() == part).findFirst().orElseThrow();
    }
}
