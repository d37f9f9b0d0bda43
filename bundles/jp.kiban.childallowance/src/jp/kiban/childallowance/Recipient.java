package jp.kiban.childallowance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;

/**
 * A 受給者 (the 認定 of one 請求者) with the children and the history.
 *
 * @param startMonth the first month paid (支給開始月)
 * @param endMonth   the last month paid after a 消滅 (empty while active)
 */
public record Recipient(UUID id, AddresseeNumber person, HouseholdNumber household, String name, String furigana,
        LocalDate birthDate, String postalCode, String address, LocalDate applicationDate, ApplicationTrigger trigger,
        Optional<LocalDate> eventDate, YearMonth startMonth, Optional<YearMonth> endMonth,
        Optional<ExtinctionReason> extinctionReason, Optional<LocalDate> extinctionDate, List<AllowanceChild> children,
        List<Revision> revisions) {

    public Recipient {
        children = List.copyOf(children);
        revisions = List.copyOf(revisions);
    }

    public boolean active() {
        return endMonth.isEmpty();
    }

    /** Whether the month is within the entitlement (支給開始月 to 消滅月). */
    public boolean entitledIn(YearMonth month) {
        return !month.isBefore(startMonth) && endMonth.map(e -> !month.isAfter(e)).orElse(true);
    }

    public List<ChildFacts> facts() {
        return children.stream().map(AllowanceChild::facts).toList();
    }

    /** The 手当月額 for a month: nothing outside the entitlement or before October 2024. */
    public MonthlyAmount amount(YearMonth month) {
        if (!entitledIn(month) || month.isBefore(AllowanceCalculator.RULES_FROM)) {
            return MonthlyAmount.none(month);
        }
        return AllowanceCalculator.monthly(month, facts());
    }

    public Optional<AllowanceChild> child(UUID id) {
        return children.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
