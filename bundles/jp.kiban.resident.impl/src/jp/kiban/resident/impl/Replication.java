package jp.kiban.resident.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ChangeState;
import jp.kiban.sync.ReplicaApplier.Outcome;
import jp.kiban.sync.ReplicaApplier.PulledEvent;

/**
 * Applies one change pulled from the central store (the {@code resident.snapshot} events of one 異動) to the
 * local register, inside the caller's transaction. The central store is authoritative: a local version of a
 * person that the pulled change was not based on is this terminal's own change that the central store put
 * in its review queue (or a 仮登録 made here meanwhile); it is withdrawn (state 却下 with the reason, the
 * snapshot rows removed) and the central version becomes current. Nothing is lost: the withdrawn version is
 * in the review queue and in this terminal's outbox.
 */
final class Replication {

    private static final Logger LOG = Logger.getLogger(Replication.class.getName());
    static final String WITHDRAWN = "中央サーバで他の端末の変更と競合したため取り下げ（確認待ちの一覧で監督者が判断します）";
    static final String WITHDRAWN_PROVISIONAL = "中央サーバから同じ方の変更が届いたため取り下げ（もう一度登録してください）";

    /** What was applied: the change (for the event posted after the commit) and its persons. */
    record Applied(Outcome outcome, ChangeEntity change, List<SnapshotEntity> rows) {
    }

    private final EntityManager em;
    private final LongSupplier confirmSequence;

    Replication(EntityManager em, LongSupplier confirmSequence) {
        this.em = em;
        this.confirmSequence = confirmSequence;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> snapshotOf(PulledEvent e) {
        return e.payload().get("snapshot") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    Applied apply(List<PulledEvent> group) {
        for (PulledEvent e : group) {
            if (e.aggregateKey() == null || e.newHistory() == null || snapshotOf(e) == null
                    || !(e.payload().get("changeId") instanceof String) || !(e.payload().get("reason") instanceof String)) {
                return new Applied(Outcome.SKIPPED, null, List.of());
            }
        }
        String changeId = (String) group.get(0).payload().get("changeId");
        List<PulledEvent> fresh = new ArrayList<>();
        for (PulledEvent e : group) {
            SnapshotEntity there = em.find(SnapshotEntity.class, new SnapshotId(e.aggregateKey(), e.newHistory()));
            if (there != null && there.confirmed && changeId.equals(there.changeId)) {
                continue; // this terminal's own change coming back, or applied before
            }
            fresh.add(e);
        }
        if (fresh.isEmpty()) {
            return new Applied(Outcome.ALREADY_APPLIED, null, List.of());
        }
        // make room: withdraw local versions the central change was not based on, and 仮登録 of the same persons
        for (PulledEvent e : fresh) {
            int base = e.baseHistory() == null ? e.newHistory() - 1 : e.baseHistory();
            PersonEntity p = em.find(PersonEntity.class, e.aggregateKey());
            if (p != null && p.pendingChangeId != null && !p.pendingChangeId.equals(changeId)) {
                withdraw(p.pendingChangeId, WITHDRAWN_PROVISIONAL);
            }
            List<String> later = em.createQuery("SELECT DISTINCT s.changeId FROM ResidentSnapshot s WHERE s.addresseeNumber = :a"
                    + " AND s.historyNumber > :h AND s.changeId <> :c", String.class).setParameter("a", e.aggregateKey())
                    .setParameter("h", Math.min(base, e.newHistory() - 1)).setParameter("c", changeId).getResultList();
            for (String other : later) {
                withdraw(other, WITHDRAWN);
            }
        }
        em.flush();
        ChangeEntity c = em.find(ChangeEntity.class, changeId);
        Map<String, Object> payload = group.get(0).payload();
        if (c == null) {
            c = new ChangeEntity();
            c.changeId = changeId;
            c.reason = ChangeReason.valueOf((String) payload.get("reason")).name();
            c.changeDate = date(payload.get("changeDate"), LocalDate.now(ResidentServiceComponent.ZONE));
            c.notificationDate = date(payload.get("notificationDate"), null);
            c.processedOn = date(payload.get("processedOn"), c.changeDate);
            c.registeredBy = text(payload.get("registeredBy"), "central");
            c.registeredByName = text(payload.get("registeredByName"), "中央サーバ");
            c.registeredAt = instant(payload.get("registeredAt"));
            c.decidedBy = text(payload.get("decidedBy"), null);
            c.decidedByName = text(payload.get("decidedByName"), null);
            c.decidedAt = payload.get("decidedAt") == null ? null : instant(payload.get("decidedAt"));
            c.description = text(payload.get("description"), "");
            c.cancelledChangeId = text(payload.get("cancelledChangeId"), null);
            em.persist(c);
        }
        c.state = ChangeState.CONFIRMED.name();
        c.rejectReason = null;
        c.confirmSeq = confirmSequence.getAsLong();
        if (c.cancelledChangeId != null) {
            ChangeEntity target = em.find(ChangeEntity.class, c.cancelledChangeId);
            if (target != null) {
                target.cancelledBy = c.changeId;
            }
        }
        List<SnapshotEntity> rows = new ArrayList<>();
        for (PulledEvent e : fresh) {
            SnapshotEntity s = SnapshotEntity.fromColumns(snapshotOf(e));
            s.addresseeNumber = e.aggregateKey();
            s.historyNumber = e.newHistory();
            s.changeId = changeId;
            s.confirmed = true;
            SnapshotEntity keys = Draft.of(s).toEntity(); // validates the row as the register reads it
            s.furiganaKey = keys.furiganaKey;
            s.nameKey = keys.nameKey;
            s.addressKey = keys.addressKey;
            em.persist(s);
            PersonEntity p = em.find(PersonEntity.class, e.aggregateKey());
            if (p == null) {
                p = new PersonEntity(e.aggregateKey());
                em.persist(p);
            }
            p.currentHistory = e.newHistory();
            p.pendingChangeId = null;
            rows.add(s);
        }
        em.flush();
        rows.sort(Comparator.comparing(s -> s.addresseeNumber));
        return new Applied(Outcome.APPLIED, c, rows);
    }

    /**
     * Takes a local change off the register: its snapshot rows (and first those of any later local change of
     * the same persons) go, each person's current 履歴番号 falls back to the one before, the change is 却下.
     */
    private void withdraw(String changeId, String reason) {
        ChangeEntity c = em.find(ChangeEntity.class, changeId);
        for (SnapshotEntity s : new ChangeEngine.Store(em).snapshotsOf(changeId)) {
            List<String> later = em.createQuery("SELECT DISTINCT s.changeId FROM ResidentSnapshot s WHERE s.addresseeNumber = :a"
                    + " AND s.historyNumber > :h AND s.changeId <> :c", String.class).setParameter("a", s.addresseeNumber)
                    .setParameter("h", s.historyNumber).setParameter("c", changeId).getResultList();
            for (String other : later) {
                withdraw(other, reason);
            }
            PersonEntity p = em.find(PersonEntity.class, s.addresseeNumber);
            em.remove(s);
            em.flush();
            if (p != null) {
                if (Objects.equals(p.pendingChangeId, changeId)) {
                    p.pendingChangeId = null;
                }
                if (s.confirmed) {
                    Integer before = em.createQuery("SELECT MAX(s.historyNumber) FROM ResidentSnapshot s"
                            + " WHERE s.addresseeNumber = :a AND s.confirmed = TRUE", Integer.class)
                            .setParameter("a", s.addresseeNumber).getSingleResult();
                    p.currentHistory = before;
                }
                if (p.currentHistory == null && p.pendingChangeId == null) {
                    em.remove(p);
                    em.flush();
                }
            }
        }
        if (c != null) {
            c.state = ChangeState.REJECTED.name();
            c.rejectReason = reason;
            if (c.cancelledChangeId != null) {
                ChangeEntity target = em.find(ChangeEntity.class, c.cancelledChangeId);
                if (target != null && changeId.equals(target.cancelledBy)) {
                    target.cancelledBy = null;
                }
            }
        }
        LOG.warning("Local change " + changeId + " withdrawn from the register: the central store holds another version ("
                + reason + ")");
    }

    private static LocalDate date(Object v, LocalDate fallback) {
        return v == null ? fallback : LocalDate.parse(v.toString());
    }

    private static String text(Object v, String fallback) {
        return v == null ? fallback : v.toString();
    }

    private static Instant instant(Object v) {
        try {
            return v == null ? Instant.now() : Instant.parse(v.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.now();
        }
    }
}
