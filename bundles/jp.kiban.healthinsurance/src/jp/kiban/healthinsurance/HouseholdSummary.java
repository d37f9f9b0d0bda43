package jp.kiban.healthinsurance;

import jp.kiban.core.id.HouseholdNumber;

/** One line of the household list: 世帯番号, 世帯主, 住所, insured today, 擬制世帯主. */
public record HouseholdSummary(HouseholdNumber number, String headName, String headFurigana, String address,
        int insuredToday, boolean nominalHead) {
}
