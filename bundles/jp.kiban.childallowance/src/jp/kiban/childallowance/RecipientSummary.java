package jp.kiban.childallowance;

import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;

/**
 * A line of the recipient list.
 *
 * @param paidChildren  children paid for in {@code month}
 * @param monthlyAmount 手当月額 in {@code month}
 */
public record RecipientSummary(UUID id, AddresseeNumber person, String name, String furigana, String address,
        YearMonth month, long paidChildren, long monthlyAmount, YearMonth startMonth, Optional<YearMonth> endMonth) {
    public boolean active() {
        return endMonth.isEmpty();
    }
}
