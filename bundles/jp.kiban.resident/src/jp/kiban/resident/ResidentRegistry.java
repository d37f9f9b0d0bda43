package jp.kiban.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.platform.Operator;

/**
 * Reading the resident register: confirmed snapshots only (provisional changes are invisible here).
 * Every call names the operator: it is checked ({@code VIEW_RESIDENTS}; the 個人番号 is withheld
 * without {@code USE_INDIVIDUAL_NUMBER}) and reported to every {@link ResidentAccessListener}.
 */
public interface ResidentRegistry {

    /** The person as of today (the highest confirmed 履歴番号); empty if unknown. */
    Optional<ResidentRecord> current(Operator operator, AddresseeNumber person);

    /**
     * The person as on {@code date}: the highest confirmed 履歴番号 that took effect by then (by
     * 異動日; a 転出 takes effect as 転出予定 from its 届出日); empty if not yet on the register.
     */
    Optional<ResidentRecord> asOf(Operator operator, AddresseeNumber person, LocalDate date);

    /** Every confirmed snapshot of the person, 履歴番号 ascending. */
    List<ResidentRecord> history(Operator operator, AddresseeNumber person);

    /** The members on the register of the household today. */
    Household household(Operator operator, HouseholdNumber household);

    /** The members on the register of the household on {@code date}. */
    Household household(Operator operator, HouseholdNumber household, LocalDate date);

    /** The snapshots a confirmed change wrote (e.g. for an event subscriber); empty for others. */
    List<ResidentRecord> changeSnapshots(Operator operator, UUID changeId);

    /**
     * Counter search over current snapshots; refuses a search by 個人番号 without
     * {@code USE_INDIVIDUAL_NUMBER} and a search without any criterion.
     */
    SearchResult search(Operator operator, ResidentQuery query);

    /**
     * Every person's current confirmed snapshot, by 世帯番号 then 宛名番号, handed to {@code each} in
     * pages so that a whole town never sits in memory: for exports and batch jobs. Needs
     * {@code ADMINISTER}; reported to the access listeners as one {@code EXPORT}.
     *
     * @return the number of records handed over
     */
    int exportCurrent(Operator operator, boolean includeRemoved, java.util.function.Consumer<ResidentRecord> each);
}
