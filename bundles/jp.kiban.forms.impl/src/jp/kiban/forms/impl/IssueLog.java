package jp.kiban.forms.impl;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.CertificateKind;
import jp.kiban.forms.IssueRecord;
import jp.kiban.platform.Operator;

/** The 交付履歴 tables ({@code forms_issue_history}, {@code forms_issue_subject}, forms migration V002). */
final class IssueLog {
    private static final String COLUMNS = "entry_id, issued_at, operator_id, operator_name, terminal, kind,"
            + " requested_for, issue_number, pages, items, individual_number, refusal, disposed_at, disposed_by,"
            + " disposed_note";

    private IssueLog() {
    }

    /** Outbox event type of one line of the 交付履歴 (append-only: no aggregate, cannot conflict). */
    static final String OUTBOX_ISSUED = "forms.issue";
    /** Outbox event type of a line marked as disposed of (廃棄). */
    static final String OUTBOX_DISPOSED = "forms.issue.disposed";

    /**
     * Writes one line in the caller's transaction (and, with an outbox, its outbox entry in the same transaction);
     * returns the line's id.
     */
    static String record(EntityManager em, Operator operator, CertificateKind kind, AddresseeNumber requestedFor,
            List<AddresseeNumber> persons, String issueNumber, int pages, String items, boolean individualNumber,
            String refusal, jp.kiban.sync.Outbox outbox) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO forms_issue_history (entry_id, issued_at, issued_on, operator_id,"
                + " operator_name, terminal, kind, requested_for, issue_number, pages, items, individual_number, refusal)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, Timestamp.from(now))
                .setParameter(3, java.sql.Date.valueOf(LocalDate.ofInstant(now, ZoneId.systemDefault())))
                .setParameter(4, operator.id()).setParameter(5, operator.name()).setParameter(6, operator.terminal())
                .setParameter(7, kind.name()).setParameter(8, requestedFor.value()).setParameter(9, issueNumber)
                .setParameter(10, pages).setParameter(11, items).setParameter(12, individualNumber)
                .setParameter(13, refusal).executeUpdate();
        List<AddresseeNumber> subjects = persons.isEmpty() ? List.of(requestedFor) : persons;
        for (int i = 0; i < subjects.size(); i++) {
            em.createNativeQuery("INSERT INTO forms_issue_subject (entry_id, addressee_number, seq_no) VALUES (?, ?, ?)")
                    .setParameter(1, id).setParameter(2, subjects.get(i).value()).setParameter(3, i + 1)
                    .executeUpdate();
        }
        if (outbox != null) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("entry_id", id);
            payload.put("issued_at", now.toString());
            payload.put("operator_id", operator.id());
            payload.put("operator_name", operator.name());
            payload.put("terminal", operator.terminal());
            payload.put("kind", kind.name());
            payload.put("requested_for", requestedFor.value());
            payload.put("subjects", subjects.stream().map(AddresseeNumber::value).toList());
            payload.put("issue_number", issueNumber);
            payload.put("pages", pages);
            payload.put("items", items);
            payload.put("individual_number", individualNumber);
            payload.put("refusal", refusal);
            outbox.append(jp.kiban.sync.OutboxEvent.record(OUTBOX_ISSUED, payload));
        }
        return id;
    }

    /** Marks an issued line as disposed of; returns 0 if there is no such issued line not yet disposed of. */
    static int dispose(EntityManager em, String issueNumber, Operator operator, String note, jp.kiban.sync.Outbox outbox) {
        Instant now = Instant.now();
        int n = em.createNativeQuery("UPDATE forms_issue_history SET disposed_at = ?, disposed_by = ?, disposed_note = ?"
                + " WHERE issue_number = ? AND refusal IS NULL AND disposed_at IS NULL")
                .setParameter(1, Timestamp.from(now)).setParameter(2, operator.id()).setParameter(3, note)
                .setParameter(4, issueNumber).executeUpdate();
        if (n > 0 && outbox != null) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("issue_number", issueNumber);
            payload.put("disposed_at", now.toString());
            payload.put("disposed_by", operator.id());
            payload.put("disposed_note", note);
            outbox.append(jp.kiban.sync.OutboxEvent.record(OUTBOX_DISPOSED, payload));
        }
        return n;
    }

    static boolean issued(EntityManager em, String issueNumber) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM forms_issue_history WHERE issue_number = ?"
                + " AND refusal IS NULL").setParameter(1, issueNumber).getSingleResult()).intValue() > 0;
    }

    static List<IssueRecord> find(EntityManager em, Optional<AddresseeNumber> person, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        person.ifPresent(p -> {
            where.append(" AND h.entry_id IN (SELECT s.entry_id FROM forms_issue_subject s WHERE s.addressee_number = ?)");
            params.add(p.value());
        });
        if (from != null) {
            where.append(" AND h.issued_on >= ?");
            params.add(java.sql.Date.valueOf(from));
        }
        if (to != null) {
            where.append(" AND h.issued_on <= ?");
            params.add(java.sql.Date.valueOf(to));
        }
        var lines = em.createNativeQuery("SELECT " + COLUMNS.replaceAll("(\\w+)", "h.$1") + " FROM forms_issue_history h"
                + where + " ORDER BY h.issued_at DESC, h.entry_id");
        var subjects = em.createNativeQuery("SELECT s.entry_id, s.addressee_number FROM forms_issue_subject s"
                + " WHERE s.entry_id IN (SELECT h.entry_id FROM forms_issue_history h" + where + ")"
                + " ORDER BY s.entry_id, s.seq_no");
        for (int i = 0; i < params.size(); i++) {
            lines.setParameter(i + 1, params.get(i));
            subjects.setParameter(i + 1, params.get(i));
        }
        Map<String, List<AddresseeNumber>> persons = new LinkedHashMap<>();
        for (Object row : subjects.getResultList()) {
            Object[] r = (Object[]) row;
            persons.computeIfAbsent(((String) r[0]).strip(), k -> new ArrayList<>())
                    .add(AddresseeNumber.of(((String) r[1]).strip()));
        }
        List<IssueRecord> result = new ArrayList<>();
        for (Object row : lines.getResultList()) {
            Object[] r = (Object[]) row;
            String id = ((String) r[0]).strip();
            result.add(new IssueRecord(id, instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    CertificateKind.valueOf((String) r[5]), AddresseeNumber.of(((String) r[6]).strip()),
                    persons.getOrDefault(id, List.of()), Optional.ofNullable((String) r[7]),
                    ((Number) r[8]).intValue(), (String) r[9], bool(r[10]), Optional.ofNullable((String) r[11]),
                    r[12] == null ? Optional.empty()
                            : Optional.of(new IssueRecord.Disposal(instant(r[12]), (String) r[13], (String) r[14]))));
        }
        return result;
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof Number n && n.intValue() != 0;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime t) {
            return Timestamp.valueOf(t).toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp value " + value);
    }
}
