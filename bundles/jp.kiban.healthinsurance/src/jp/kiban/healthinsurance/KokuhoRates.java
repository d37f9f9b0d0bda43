package jp.kiban.healthinsurance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the 国保税 of one fiscal year (賦課年度, April to March) depends on besides the household:
 * the rates of the three parts, the 基礎控除 of the 所得割 base, the 軽減判定 thresholds and the 納期.
 * All of it per fiscal year from the town's settings ({@link KokuhoRateService}); {@link #defaults(int)}
 * gives the figures of 令和7年度 (FY2025) as a starting point.
 *
 * @param basicDeduction         基礎控除 subtracted from 総所得金額等 for the 所得割 (43万円)
 * @param reductionBase          軽減判定の基準額 (43万円; 施行令第56条の89)
 * @param reductionPerWageEarner added per 給与所得者等 beyond the first (10万円)
 * @param fiveTenthsPerPerson    5割軽減: per 被保険者 and 特定同一世帯所属者 (FY2025: 30.5万円)
 * @param twoTenthsPerPerson     2割軽減: per 被保険者 and 特定同一世帯所属者 (FY2025: 56万円)
 * @param installments           number of 納期 (期別)
 * @param firstInstallmentMonth  month of the first 納期 (7 = July)
 */
public record KokuhoRates(int fiscalYear, PartRates medical, PartRates support, PartRates care, long basicDeduction,
        long reductionBase, long reductionPerWageEarner, long fiveTenthsPerPerson, long twoTenthsPerPerson,
        int installments, int firstInstallmentMonth) {

    public KokuhoRates {
        Objects.requireNonNull(medical, "medical");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(care, "care");
        if (fiscalYear < 2000 || fiscalYear > 2200) {
            throw new KokuhoException("rates.fiscalYear", fiscalYear);
        }
        if (basicDeduction < 0 || reductionBase < 0 || reductionPerWageEarner < 0 || fiveTenthsPerPerson < 0
                || twoTenthsPerPerson < fiveTenthsPerPerson) {
            throw new KokuhoException("rates.outOfRange");
        }
        if (installments < 1 || installments > 12 || firstInstallmentMonth < 1 || firstInstallmentMonth > 12) {
            throw new KokuhoException("rates.installments");
        }
    }

    public PartRates part(Part part) {
        return switch (part) {
            case MEDICAL -> medical;
            case SUPPORT -> support;
            case CARE -> care;
        };
    }

    /**
     * FY2025 (令和7年度) national figures: 基礎控除 43万, 軽減判定 43万 + 10万×(給与所得者等−1), 5割 30.5万,
     * 2割 56万 per person; 課税限度額 66万/26万/17万 (施行令第56条の88の2 as amended for 令和7年度). The rates
     * and 均等割/平等割 are the demo town's (each town sets its own by 条例); 8 納期 from July.
     */
    public static KokuhoRates defaults(int fiscalYear) {
        return new KokuhoRates(fiscalYear, new PartRates(70_000, 30_000, 25_000, 660_000),
                new PartRates(25_000, 11_000, 9_000, 260_000), new PartRates(22_000, 12_000, 7_000, 170_000),
                430_000, 430_000, 100_000, 305_000, 560_000, 8, 7);
    }

    // ---- settings form (rates import/export, the rate table) ------------------------------------------

    /** The names of the settings, in the order of {@link #toSettings()}. */
    public static final String[] KEYS = { "medical.incomeRate", "medical.perCapita", "medical.perHousehold",
            "medical.cap", "support.incomeRate", "support.perCapita", "support.perHousehold", "support.cap",
            "care.incomeRate", "care.perCapita", "care.perHousehold", "care.cap", "basicDeduction", "reduction.base",
            "reduction.perWageEarner", "reduction.fiveTenthsPerPerson", "reduction.twoTenthsPerPerson",
            "installments", "installments.firstMonth" };

    /** Name → value, rates as percent with up to 4 decimals ({@code 7.47}), amounts in yen. */
    public Map<String, String> toSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "medical", medical);
        put(m, "support", support);
        put(m, "care", care);
        m.put("basicDeduction", Long.toString(basicDeduction));
        m.put("reduction.base", Long.toString(reductionBase));
        m.put("reduction.perWageEarner", Long.toString(reductionPerWageEarner));
        m.put("reduction.fiveTenthsPerPerson", Long.toString(fiveTenthsPerPerson));
        m.put("reduction.twoTenthsPerPerson", Long.toString(twoTenthsPerPerson));
        m.put("installments", Integer.toString(installments));
        m.put("installments.firstMonth", Integer.toString(firstInstallmentMonth));
        return m;
    }

    private static void put(Map<String, String> m, String prefix, PartRates p) {
        m.put(prefix + ".incomeRate", percent(p.incomeRatePpm()));
        m.put(prefix + ".perCapita", Long.toString(p.perCapita()));
        m.put(prefix + ".perHousehold", Long.toString(p.perHousehold()));
        m.put(prefix + ".cap", Long.toString(p.cap()));
    }

    /** Millionths as percent text: 74,700 → {@code 7.47}. */
    public static String percent(long ppm) {
        return BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString();
    }

    /** Percent text ({@code 7.47}, {@code 7.47%}) as millionths; at most 4 decimals. */
    public static long ppm(String key, String percentText) {
        String t = percentText == null ? "" : percentText.strip().replace("%", "").replace("％", "");
        try {
            BigDecimal v = new BigDecimal(t).movePointRight(4);
            if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                throw new KokuhoException("rates.invalid", key, percentText);
            }
            return v.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new KokuhoException("rates.invalid", key, percentText);
        }
    }

    /** The inverse of {@link #toSettings()}; every key is required, unknown keys are refused. */
    public static KokuhoRates fromSettings(int fiscalYear, Map<String, String> settings) {
        for (String k : settings.keySet()) {
            if (!java.util.Arrays.asList(KEYS).contains(k)) {
                throw new KokuhoException("rates.unknownKey", k);
            }
        }
        return new KokuhoRates(fiscalYear, part(settings, "medical"), part(settings, "support"), part(settings, "care"),
                amount(settings, "basicDeduction"), amount(settings, "reduction.base"),
                amount(settings, "reduction.perWageEarner"), amount(settings, "reduction.fiveTenthsPerPerson"),
                amount(settings, "reduction.twoTenthsPerPerson"), (int) amount(settings, "installments"),
                (int) amount(settings, "installments.firstMonth"));
    }

    private static PartRates part(Map<String, String> s, String prefix) {
        return new PartRates(ppm(prefix + ".incomeRate", required(s, prefix + ".incomeRate")),
                amount(s, prefix + ".perCapita"), amount(s, prefix + ".perHousehold"), amount(s, prefix + ".cap"));
    }

    private static String required(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            throw new KokuhoException("rates.missing", key);
        }
        return v;
    }

    private static long amount(Map<String, String> s, String key) {
        String v = required(s, key).strip().replace(",", "");
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new KokuhoException("rates.invalid", key, v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new KokuhoException("rates.invalid", key, v);
        }
    }
}
