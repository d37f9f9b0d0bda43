package jp.kiban.healthinsurance;

/**
 * The rates of one {@link Part} for one fiscal year, as the town's 条例 sets them.
 *
 * @param incomeRatePpm 所得割の税率 in millionths (7.47% = 74,700), applied to 基礎控除後の総所得金額等
 * @param perCapita     均等割額 per insured person and year (yen)
 * @param perHousehold  平等割額 per household and year (yen); 0 for towns without 平等割
 * @param cap           課税限度額 of the part (yen; 地方税法第703条の4, 施行令第56条の88の2)
 */
public record PartRates(long incomeRatePpm, long perCapita, long perHousehold, long cap) {
    public PartRates {
        if (incomeRatePpm < 0 || incomeRatePpm > 1_000_000 || perCapita < 0 || perHousehold < 0 || cap <= 0) {
            throw new KokuhoException("rates.outOfRange");
        }
    }
}
