package jp.kiban.residenttax;

/**
 * The figures of one tax year (年度). Rates are the 標準税率 (地方税法第35条 道府県民税 4%, 第314条の3 市町村民税 6%);
 * 均等割 第38条 (道府県 1,000円) and 第310条 (市町村 3,000円), with the 500円 each of the 東日本大震災 復興財源確保法
 * until 2023年度; 森林環境税 1,000円 from 2024年度 (森林環境税及び森林環境譲与税に関する法律 第4条・第5条).
 * The 給与所得控除 minimum is 55万円 up to the income of 2024 and 65万円 from the income of 2025 (令和8年度分の
 * 住民税 on, 令和7年度税制改正).
 *
 * @param grade the town's 級地 (生活保護法の級地, 1〜3) for the 均等割 非課税 limit (施行令第47条の3)
 */
public record TaxRules(int taxYear, int grade, int municipalRatePercent, int prefecturalRatePercent,
        long municipalPerCapita, long prefecturalPerCapita, long forestTax, long minimumSalaryDeduction) {

    public static final int FIRST_YEAR = 2021; // 基礎控除 43万円 and the 2,400万円 phase-out from 令和3年度
    public static final int LAST_YEAR = 2099;

    public TaxRules {
        if (taxYear < FIRST_YEAR || taxYear > LAST_YEAR) {
            throw new ResidentTaxException("taxYear.unsupported", taxYear, FIRST_YEAR);
        }
        if (grade < 1 || grade > 3) {
            throw new ResidentTaxException("grade.range");
        }
    }

    /** The law's figures for the tax year, for a town of the given 級地. */
    public static TaxRules of(int taxYear, int grade) {
        if (taxYear < FIRST_YEAR || taxYear > LAST_YEAR) {
            throw new ResidentTaxException("taxYear.unsupported", taxYear, FIRST_YEAR);
        }
        boolean reconstruction = taxYear <= 2023;
        return new TaxRules(taxYear, grade, 6, 4, reconstruction ? 3_500 : 3_000, reconstruction ? 1_500 : 1_000,
                taxYear >= 2024 ? 1_000 : 0, taxYear >= 2026 ? 650_000 : 550_000);
    }

    /** The calendar year whose income is taxed. */
    public int incomeYear() {
        return taxYear - 1;
    }

    /** 均等割 非課税: the per-person amount of the limit (35万円 × 1.0 / 0.9 / 0.8 by 級地). */
    public long perCapitaLimitPerPerson() {
        return switch (grade) {
            case 1 -> 350_000;
            case 2 -> 315_000;
            default -> 280_000;
        };
    }

    /** 均等割 非課税: the amount added when there is a 同一生計配偶者 or 扶養親族 (21万円 × 1.0 / 0.9 / 0.8). */
    public long perCapitaLimitSupplement() {
        return switch (grade) {
            case 1 -> 210_000;
            case 2 -> 189_000;
            default -> 168_000;
        };
    }
}
