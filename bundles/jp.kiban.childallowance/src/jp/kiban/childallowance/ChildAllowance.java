package jp.kiban.childallowance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * 児童手当の受給者・対象児童・認定・額改定・消滅・確認事項. Every call names the operator: business staff of
 * {@value #BUSINESS}, supervisors and administrators pass; others are refused (and the refusal is logged). Residents are
 * read only through the resident base's {@code ResidentRegistry}; this business keeps its own copy of what it needs.
 * A refused request ({@link ChildAllowanceException}) stores nothing.
 */
public interface ChildAllowance {
    /** The business id (catalogue, roles, access log, CLI). */
    String BUSINESS = "jidoteate";

    /**
     * Recipients by furigana; {@code text} (optional) matches the 宛名番号 of the recipient or a child, or part of a
     * name or furigana. Amounts are those of {@code month}.
     */
    List<RecipientSummary> recipients(Operator operator, String text, boolean includeExtinct, YearMonth month, int limit);

    Optional<Recipient> recipient(Operator operator, UUID id);

    /** The active recipient with this 宛名番号, else the latest extinct one. */
    Optional<Recipient> recipientOf(Operator operator, AddresseeNumber person);

    /**
     * 認定請求 → 認定: the applicant on the register on the day, not already a recipient; at least one child of
     * high-school age or younger; older children only with care and support confirmed; a child not certified for
     * another recipient. The 支給開始月 is the month after the 請求 (15日特例 for 出生・転入).
     */
    Recipient certify(Operator operator, Application application);

    /** Chunk size of {@link #certifyAll}: recipients written per transaction. */
    int CERTIFY_CHUNK = 200;

    /**
     * Many 認定 at once (a town's first data, a take-over from another system, the demo town): every application is
     * checked exactly as {@link #certify} checks it, and within the list as one call after the other would be (an
     * applicant twice, a child in two applications). If any is refused, nothing is written and the result lists every
     * refusal by its position in the list (1-based). Otherwise they are written in chunks of {@value #CERTIFY_CHUNK},
     * one transaction and one access-log entry (naming the chunk's persons) per chunk. Should a record be refused while
     * its chunk is written (a clerk certified the person in the meantime), that chunk is rolled back and the call stops
     * with a {@link ChildAllowanceException} ({@code certifyAll.stopped}) that names the record and says how many
     * recipients were stored before it.
     */
    BulkResult certifyAll(Operator operator, java.util.List<Application> applications);

    /** 額改定（増額）請求: another child (birth, 転入, 監護の開始 …) from the month after the 請求 (15日特例 too). */
    Recipient addChild(Operator operator, UUID recipient, ChildEntry child, LocalDate applicationDate,
            ApplicationTrigger trigger, Optional<LocalDate> eventDate);

    /**
     * 額改定（減額）: the child counts up to the month of the fact; if no child remains to be paid for, the
     * entitlement ends (消滅) with that month.
     */
    Recipient removeChild(Operator operator, UUID recipient, UUID child, LocalDate eventDate, ChildEndReason reason);

    /** 監護相当・生計費の負担の確認 for a child after (or reaching the end of) high-school age: counted from the month after the 請求. */
    Recipient confirmSupport(Operator operator, UUID recipient, UUID child, LocalDate applicationDate);

    /** 消滅: paid up to the month of the fact (第8条第2項). */
    Recipient extinguish(Operator operator, UUID recipient, LocalDate eventDate, ExtinctionReason reason);

    MonthlyAmount amount(Operator operator, UUID recipient, YearMonth month);

    /** The six payments of a fiscal year (April, June … February), with what each pays for. */
    List<Payment> schedule(Operator operator, UUID recipient, int fiscalYear);

    List<AllowanceTask> tasks(Operator operator, boolean includeDone);

    void resolveTask(Operator operator, UUID task, String note);
}
