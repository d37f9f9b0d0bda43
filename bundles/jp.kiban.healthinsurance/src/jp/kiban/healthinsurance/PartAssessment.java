package jp.kiban.healthinsurance;

/**
 * The tax of one {@link Part} of one household for one fiscal year (yen).
 *
 * @param persons              insured persons counted for the part in at least one month
 * @param personMonths         Σ months per person (the 月割 base of the 均等割)
 * @param householdMonths      months in which the household had anyone counted for the part
 * @param incomeLevy           所得割 (月割)
 * @param perCapitaLevy        均等割 (月割, before 軽減)
 * @param perHouseholdLevy     平等割 (月割, after the 特定世帯 halving, before 軽減)
 * @param perCapitaReduction   軽減 of the 均等割
 * @param perHouseholdReduction 軽減 of the 平等割
 * @param beforeCap            所得割 + 均等割 + 平等割 − 軽減
 * @param cap                  課税限度額
 * @param amount               min(beforeCap, cap)
 */
public record PartAssessment(Part part, int persons, int personMonths, int householdMonths, long incomeLevy,
        long perCapitaLevy, long perHouseholdLevy, long perCapitaReduction, long perHouseholdReduction, long beforeCap,
        long cap, long amount) {

    public boolean capped() {
        return beforeCap > cap;
    }

    public long reduction() {
        return perCapitaReduction + perHouseholdReduction;
    }
}
