package jp.kiban.childallowance.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jp.kiban.childallowance.AllowanceChild;
import jp.kiban.childallowance.AllowanceTask;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.ChildEndReason;
import jp.kiban.childallowance.ExtinctionReason;
import jp.kiban.childallowance.Recipient;
import jp.kiban.childallowance.Revision;
import jp.kiban.childallowance.RevisionKind;
import jp.kiban.childallowance.TaskKind;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;

/** Reading and writing this business's tables inside a transaction the caller opened. */
final class Store {
    private Store() {
    }

    static LocalDate month(YearMonth m) {
        return m == null ? null : m.atDay(1);
    }

    static YearMonth month(LocalDate d) {
        return d == null ? null : YearMonth.from(d);
    }

    static RecipientEntity recipientEntity(EntityManager em, UUID id) {
        return em.find(RecipientEntity.class, id.toString());
    }

    static List<RecipientEntity> recipientsOf(EntityManager em, String person) {
        return em.createQuery("SELECT r FROM JidoteateRecipient r WHERE r.addresseeNumber = :p ORDER BY r.recordedAt DESC",
                RecipientEntity.class).setParameter("p", person).getResultList();
    }

    static Optional<RecipientEntity> activeRecipientOf(EntityManager em, String person) {
        return recipientsOf(em, person).stream().filter(r -> r.endMonth == null).findFirst();
    }

    static List<RecipientEntity> activeRecipientsInHousehold(EntityManager em, String household) {
        return em.createQuery("SELECT r FROM JidoteateRecipient r WHERE r.householdNumber = :h AND r.endMonth IS NULL",
                RecipientEntity.class).setParameter("h", household).getResultList();
    }

    static List<ChildEntity> children(EntityManager em, String recipient) {
        return em.createQuery("SELECT c FROM JidoteateChild c WHERE c.recipientId = :r ORDER BY c.birthDate, c.id",
                ChildEntity.class).setParameter("r", recipient).getResultList();
    }

    static Map<String, List<ChildEntity>> childrenOf(EntityManager em, Collection<String> recipients) {
        Map<String, List<ChildEntity>> m = new HashMap<>();
        if (recipients.isEmpty()) {
            return m;
        }
        for (ChildEntity c : em.createQuery("SELECT c FROM JidoteateChild c ORDER BY c.birthDate, c.id", ChildEntity.class)
                .getResultList()) {
            if (recipients.contains(c.recipientId)) {
                m.computeIfAbsent(c.recipientId, k -> new ArrayList<>()).add(c);
            }
        }
        return m;
    }

    /** The children with this 宛名番号 that still count (no end month) for an active recipient. */
    static List<Object[]> activeChildRows(EntityManager em, String person) {
        return em.createQuery("SELECT c, r FROM JidoteateChild c, JidoteateRecipient r WHERE c.recipientId = r.id "
                + "AND c.addresseeNumber = :p AND c.untilMonth IS NULL AND r.endMonth IS NULL", Object[].class)
                .setParameter("p", person).getResultList();
    }

    static List<RevisionEntity> revisions(EntityManager em, String recipient) {
        return em.createQuery("SELECT v FROM JidoteateRevision v WHERE v.recipientId = :r ORDER BY v.seq",
                RevisionEntity.class).setParameter("r", recipient).getResultList();
    }

    static Recipient recipient(EntityManager em, RecipientEntity r) {
        return recipient(r, children(em, r.id), revisions(em, r.id));
    }

    static Recipient recipient(RecipientEntity r, List<ChildEntity> children, List<RevisionEntity> revisions) {
        return new Recipient(UUID.fromString(r.id), AddresseeNumber.of(r.addresseeNumber), HouseholdNumber.of(r.householdNumber),
                r.name, r.furigana, r.birthDate, r.postalCode, r.address, r.applicationDate,
                ApplicationTrigger.valueOf(r.applicationTrigger), Optional.ofNullable(r.eventDate), month(r.startMonth),
                Optional.ofNullable(month(r.endMonth)), Optional.ofNullable(r.extinctionReason).map(ExtinctionReason::valueOf),
                Optional.ofNullable(r.extinctionDate), children.stream().map(Store::child).toList(),
                revisions.stream().map(Store::revision).toList());
    }

    static AllowanceChild child(ChildEntity c) {
        return new AllowanceChild(UUID.fromString(c.id), Optional.ofNullable(c.addresseeNumber).map(AddresseeNumber::of),
                c.name, c.furigana, c.birthDate, c.relationship, month(c.fromMonth), Optional.ofNullable(month(c.untilMonth)),
                Optional.ofNullable(month(c.supportedFrom)), Optional.ofNullable(c.endReason).map(ChildEndReason::valueOf));
    }

    static Revision revision(RevisionEntity v) {
        return new Revision(UUID.fromString(v.id), RevisionKind.valueOf(v.kind), month(v.effectiveMonth), v.monthlyAmount,
                Optional.ofNullable(v.applicationDate), Optional.ofNullable(v.eventDate), v.detail, v.recordedBy,
                v.recordedAt);
    }

    static RevisionEntity addRevision(EntityManager em, String recipient, RevisionKind kind, YearMonth effective,
            long amount, LocalDate applicationDate, LocalDate eventDate, String detail, String by) {
        int seq = em.createQuery("SELECT COUNT(v) FROM JidoteateRevision v WHERE v.recipientId = :r", Long.class)
                .setParameter("r", recipient).getSingleResult().intValue() + 1;
        RevisionEntity v = new RevisionEntity();
        v.id = UUID.randomUUID().toString();
        v.recipientId = recipient;
        v.seq = seq;
        v.kind = kind.name();
        v.effectiveMonth = month(effective);
        v.monthlyAmount = amount;
        v.applicationDate = applicationDate;
        v.eventDate = eventDate;
        v.detail = detail.length() > 400 ? detail.substring(0, 399) + "…" : detail;
        v.recordedBy = by;
        v.recordedAt = Instant.now();
        em.persist(v);
        return v;
    }

    static AllowanceTask task(TaskEntity t) {
        return new AllowanceTask(UUID.fromString(t.id), t.createdAt, TaskKind.valueOf(t.kind),
                Optional.ofNullable(t.householdNumber).map(HouseholdNumber::of),
                Optional.ofNullable(t.addresseeNumber).map(AddresseeNumber::of),
                Optional.ofNullable(t.recipientId).map(UUID::fromString), t.changeDate, Optional.ofNullable(t.deadline),
                t.subject, t.done, Optional.ofNullable(t.resolvedBy), Optional.ofNullable(t.note));
    }

    static void task(EntityManager em, TaskKind kind, UUID changeId, String household, String person, String recipient,
            LocalDate date, LocalDate deadline, String subject) {
        TaskEntity t = new TaskEntity();
        t.id = UUID.randomUUID().toString();
        t.createdAt = Instant.now();
        t.kind = kind.name();
        t.changeId = changeId == null ? null : changeId.toString();
        t.householdNumber = household;
        t.addresseeNumber = person;
        t.recipientId = recipient;
        t.changeDate = date;
        t.deadline = deadline;
        t.subject = subject.length() > 400 ? subject.substring(0, 399) + "…" : subject;
        t.done = false;
        em.persist(t);
    }
}
