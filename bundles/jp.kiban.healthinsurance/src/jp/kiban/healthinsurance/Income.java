package jp.kiban.healthinsurance;

import jp.kiban.core.id.AddresseeNumber;

/**
 * The income of one person for the 国保税 of {@code fiscalYear} (the 所得 of the calendar year before).
 *
 * @param totalIncome 総所得金額等 (yen, 0 … 99,999,999,999)
 * @param wageEarner  給与所得者等 for the 軽減判定
 * @param source      where it came from: {@code input} (clerk) or {@code import}
 */
public record Income(int fiscalYear, AddresseeNumber person, long totalIncome, boolean wageEarner, String source) {
    public static final long MAX = 99_999_999_999L;

    public Income {
        if (totalIncome < 0 || totalIncome > MAX) {
            throw new KokuhoException("income.outOfRange");
        }
    }
}
