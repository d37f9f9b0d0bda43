package jp.kiban.residenttax;

/** Why a taxpayer pays less than the full tax (地方税法第295条, 附則第3条の3). */
public enum Exemption {
    /** Taxed in full. */
    NONE("課税", false, false),
    /** 生活保護法の生活扶助: neither 均等割 nor 所得割 (第295条第1項第1号). */
    PUBLIC_ASSISTANCE("非課税（生活扶助）", true, true),
    /** 障害者・未成年者・寡婦・ひとり親 with 合計所得金額 135万円以下 (第295条第1項第2号). */
    SPECIAL_PERSON("非課税（障害者・未成年者・寡婦・ひとり親）", true, true),
    /** 合計所得金額 within the town's 均等割 limit (第295条第3項, 施行令第47条の3). */
    PER_CAPITA_LIMIT("非課税（所得基準）", true, true),
    /** 総所得金額等 within the 所得割 limit (附則第3条の3): 均等割 only. */
    INCOME_LEVY_LIMIT("均等割のみ（所得割非課税）", false, true),
    /** 家屋敷課税: 均等割 only (第294条第1項第2号). */
    PREMISES_ONLY("均等割のみ（家屋敷課税）", false, true);

    private final String label;
    private final boolean noPerCapita;
    private final boolean noIncomeLevy;

    Exemption(String label, boolean noPerCapita, boolean noIncomeLevy) {
        this.label = label;
        this.noPerCapita = noPerCapita;
        this.noIncomeLevy = noIncomeLevy;
    }

    public String label() {
        return label;
    }

    /** No 均等割 (and no 森林環境税). */
    public boolean noPerCapita() {
        return noPerCapita;
    }

    public boolean noIncomeLevy() {
        return noIncomeLevy;
    }
}
