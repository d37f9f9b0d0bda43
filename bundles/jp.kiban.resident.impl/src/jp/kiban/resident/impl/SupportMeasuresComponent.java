package jp.kiban.resident.impl;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ResidentAccess;
import jp.kiban.resident.ResidentAccessListener;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.SupportMeasure;
import jp.kiban.resident.SupportMeasures;

/**
 * 支援措置 in {@code resident_support_measure} (resident migration V002). Native SQL that runs unchanged
 * on Derby and PostgreSQL; the reason never goes to the log.
 */
@Component(service = SupportMeasures.class)
public class SupportMeasuresComponent implements SupportMeasures {

    private static final Logger LOG = Logger.getLogger(SupportMeasuresComponent.class.getName());
    private static final String COLUMNS = "addressee_number, start_date, end_date, reason, set_by, set_by_name, set_at";

    @Reference
    private Transactions tx;

    /** The sync outbox: every measure set or cleared is shipped to the central store in its transaction. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile jp.kiban.sync.Outbox outbox;

    /** Outbox event type of a 支援措置 set or cleared (see bundles/jp.kiban.resident.impl/README.md). */
    public static final String OUTBOX_TYPE = "resident.support_measure";

    /** The access log (through the resident base's SPI): every measure set or cleared, never its reason. */
    private final List<ResidentAccessListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void addListener(ResidentAccessListener listener) {
        listeners.add(listener);
    }

    void removeListener(ResidentAccessListener listener) {
        listeners.remove(listener);
    }

    private void accessed(Operator operator, AddresseeNumber person, String detail) {
        ResidentAccess a = new ResidentAccess(Instant.now(), operator, ResidentAccess.Kind.SUPPORT_MEASURE,
                List.of(person), false, detail);
        for (ResidentAccessListener l : listeners) {
            try {
                l.accessed(a);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "Resident access listener " + l.getClass().getName() + " failed", e);
            }
        }
    }

    /** Outside DS (tests on a database of their own). */
    public static SupportMeasuresComponent create(Transactions tx) {
        return create(tx, null);
    }

    /** As {@link #create(Transactions)}, writing every measure set or cleared to the given outbox. */
    public static SupportMeasuresComponent create(Transactions tx, jp.kiban.sync.Outbox outbox) {
        SupportMeasuresComponent c = new SupportMeasuresComponent();
        c.tx = tx;
        c.outbox = outbox;
        return c;
    }

    private void toOutbox(java.util.Map<String, Object> payload) {
        jp.kiban.sync.Outbox o = outbox;
        if (o != null) {
            o.append(jp.kiban.sync.OutboxEvent.record(OUTBOX_TYPE, payload));
        }
    }

    @Override
    public SupportMeasure set(Operator operator, AddresseeNumber person, String reason, LocalDate from,
            LocalDate until) {
        requireSupervisor(operator);
        String why = ResidentException.requireText(reason, "supportReason");
        if (from == null) {
            throw new ResidentException("input.blank", new jp.kiban.core.DomainException.Label("supportFrom"));
        }
        if (until != null && until.isBefore(from)) {
            throw new ResidentException("support.periodReversed", until, from);
        }
        Instant now = Instant.now();
        tx.requiredRun(em -> {
            requireKnown(em, person);
            closeCurrent(em, person, operator, now, "replaced by a new measure");
            // a null bound to a DATE column is typed VARCHAR by the driver, which PostgreSQL refuses: leave it out
            String measureId = UUID.randomUUID().toString();
            String columns = until == null ? COLUMNS.replace(" end_date,", "") : COLUMNS;
            var insert = em.createNativeQuery("INSERT INTO resident_support_measure (measure_id, " + columns
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?" + (until == null ? "" : ", ?") + ")")
                    .setParameter(1, measureId).setParameter(2, person.value())
                    .setParameter(3, java.sql.Date.valueOf(from));
            int i = 4;
            if (until != null) {
                insert.setParameter(i++, java.sql.Date.valueOf(until));
            }
            insert.setParameter(i++, why).setParameter(i++, operator.id()).setParameter(i++, operator.name())
                    .setParameter(i, Timestamp.from(now)).executeUpdate();
            java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
            payload.put("action", "set");
            payload.put("measure_id", measureId);
            payload.put("addressee_number", person.value());
            payload.put("start_date", from.toString());
            payload.put("end_date", until == null ? null : until.toString());
            payload.put("reason", why);
            payload.put("set_by", operator.id());
            payload.put("set_by_name", operator.name());
            payload.put("set_at", now.toString());
            toOutbox(payload);
        });
        LOG.info(() -> "Support measure set for addressee " + person.value() + " from " + from
                + (until == null ? "" : " until " + until) + " by " + operator.id());
        accessed(operator, person, "support measure set from " + from + (until == null ? "" : " until " + until));
        return new SupportMeasure(person, from, Optional.ofNullable(until), Optional.of(why), operator.id(),
                operator.name(), now, false);
    }

    @Override
    public void clear(Operator operator, AddresseeNumber person, String note) {
        requireSupervisor(operator);
        String why = ResidentException.requireText(note, "supportNote");
        Instant at = Instant.now();
        int cleared = tx.required(em -> {
            int n = closeCurrent(em, person, operator, at, why);
            if (n > 0) {
                java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
                payload.put("action", "clear");
                payload.put("addressee_number", person.value());
                payload.put("cleared_by", operator.id());
                payload.put("cleared_by_name", operator.name());
                payload.put("cleared_at", at.toString());
                payload.put("cleared_note", why);
                toOutbox(payload);
            }
            return n;
        });
        if (cleared == 0) {
            throw new ResidentException("support.none", person.value());
        }
        LOG.info(() -> "Support measure cleared for addressee " + person.value() + " by " + operator.id());
        accessed(operator, person, "support measure cleared");
    }

    @Override
    public Optional<SupportMeasure> current(Operator operator, AddresseeNumber person) {
        if (!operator.may(Permission.VIEW_RESIDENTS)) {
            throw new ResidentException("permission.view");
        }
        boolean supervisor = operator.may(SUPERVISOR);
        List<?> rows = tx.readOnly(em -> em.createNativeQuery("SELECT " + COLUMNS
                + " FROM resident_support_measure WHERE addressee_number = ? AND cleared_at IS NULL")
                .setParameter(1, person.value()).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new SupportMeasure(person, date(r[1]), Optional.ofNullable(r[2]).map(SupportMeasuresComponent::date),
                supervisor ? Optional.of((String) r[3]) : Optional.empty(), (String) r[4], (String) r[5],
                instant(r[6]), !supervisor));
    }

    private static int closeCurrent(EntityManager em, AddresseeNumber person, Operator operator, Instant at,
            String note) {
        return em.createNativeQuery("UPDATE resident_support_measure SET cleared_by = ?, cleared_by_name = ?,"
                + " cleared_at = ?, cleared_note = ? WHERE addressee_number = ? AND cleared_at IS NULL")
                .setParameter(1, operator.id()).setParameter(2, operator.name()).setParameter(3, Timestamp.from(at))
                .setParameter(4, note).setParameter(5, person.value()).executeUpdate();
    }

    private static void requireKnown(EntityManager em, AddresseeNumber person) {
        Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM resident_person WHERE addressee_number = ?"
                + " AND current_history IS NOT NULL").setParameter(1, person.value()).getSingleResult();
        if (n.intValue() == 0) {
            throw new ResidentException("support.unknownPerson", person.value());
        }
    }

    private static void requireSupervisor(Operator operator) {
        if (!operator.may(SUPERVISOR)) {
            throw new ResidentException("support.notPermitted");
        }
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        throw new IllegalStateException("Unexpected date value " + value);
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
