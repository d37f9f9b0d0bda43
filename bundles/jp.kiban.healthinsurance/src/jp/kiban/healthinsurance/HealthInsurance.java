package jp.kiban.healthinsurance;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.platform.Operator;

/**
 * 国民健康保険の資格・世帯・所得・確認事項. Every call names the operator: business staff of {@value #BUSINESS},
 * supervisors and administrators pass; others are refused (and the refusal is logged).
 * Residents are identified by 宛名番号 / 世帯番号 and read only through the resident base's
 * {@code ResidentRegistry}; this business keeps its own copy of what it needs.
 */
public interface HealthInsurance {
    /** The business id (catalogue, roles, access log, CLI). */
    String BUSINESS = "kokuho";

    /**
     * Households with anyone insured in the fiscal year, by 世帯番号; {@code text} (optional) matches the
     * 世帯番号, a member's 宛名番号, or part of a member's name or furigana.
     */
    List<HouseholdSummary> households(Operator operator, String text, int fiscalYear, int limit);

    Optional<KokuhoHousehold> household(Operator operator, HouseholdNumber number);

    /** The 国保世帯 a person belongs to (by this business's copy). */
    Optional<HouseholdNumber> householdOf(Operator operator, AddresseeNumber person);

    /**
     * 資格取得 by the clerk (社保離脱, 生保廃止, 転入 …): the person must be on the resident register on
     * that day, not insured then, younger than 75, the day not in the future nor before birth.
     */
    Qualification acquire(Operator operator, AddresseeNumber person, LocalDate acquiredOn, AcquisitionReason reason);

    /** Chunk size of {@link #acquireAll}: acquisitions written per transaction. */
    int ACQUIRE_CHUNK = 500;

    /**
     * Many 資格取得 at once (a town's first data, a take-over from another system, the demo town): every one is checked
     * exactly as {@link #acquire} checks it, and a person may appear only once. If any is refused, nothing is written
     * and the result lists every refusal by its position in the list (1-based, in {@code line}). Otherwise they are
     * written in chunks of {@value #ACQUIRE_CHUNK}, one transaction and one access-log entry (naming the chunk's persons)
     * per chunk. Should a record be refused while its chunk is written (someone insured the person in the meantime),
     * that chunk is rolled back and the call stops with a {@link KokuhoException} ({@code acquireAll.stopped}) that
     * names the record and says how many were stored before it.
     */
    ImportResult acquireAll(Operator operator, java.util.List<Acquisition> acquisitions);

    /** 資格喪失 by the clerk: the person must be insured with an open 資格 that began before that day. */
    Qualification lose(Operator operator, AddresseeNumber person, LocalDate lostOn, LossReason reason);

    /**
     * 後期高齢者医療への移行: every insured person whose 75th birthday is on or before {@code upTo} loses
     * the 資格 on that birthday (国保法第6条第8号); returns how many.
     */
    int applyLateElderlyTransitions(Operator operator, LocalDate upTo);

    /** The income entered or imported for the fiscal year (the 所得 of the year before). */
    Optional<Income> income(Operator operator, int fiscalYear, AddresseeNumber person);

    Income setIncome(Operator operator, int fiscalYear, AddresseeNumber person, long totalIncome, boolean wageEarner);

    /**
     * CSV {@code 宛名番号,総所得金額等,給与所得者等} (header line, UTF-8; 給与所得者等 {@code 1}/{@code 0}); all rows or
     * none; the persons must be known to this business (insured, or the head of a 国保世帯).
     */
    ImportResult importIncomes(Operator operator, int fiscalYear, Reader csv);

    List<KokuhoTask> tasks(Operator operator, boolean includeDone);

    void resolveTask(Operator operator, UUID task, String note);

    /** The tax of the household for the fiscal year, from the current 資格, incomes and rates. */
    TaxAssessment assess(Operator operator, HouseholdNumber household, int fiscalYear);
}
