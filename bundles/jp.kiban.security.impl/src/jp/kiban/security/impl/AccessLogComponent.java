package jp.kiban.security.impl;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ResidentAccess;
import jp.kiban.resident.ResidentAccessListener;
import jp.kiban.security.AccessEntry;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.AuditFilter;
import jp.kiban.security.AuditFinding;
import jp.kiban.security.AuditQueries;
import jp.kiban.security.Authorisation;
import jp.kiban.security.Holidays;
import jp.kiban.security.SecurityRefusal;
import jp.kiban.sync.Outbox;
import jp.kiban.sync.OutboxEvent;

/**
 * The access log in security_access_entry: each entry's SHA-256 covers its fields and the previous
 * entry's hash. Writers take the row lock of security_access_head first (a no-op UPDATE, portable
 * to Derby and PostgreSQL), so the chain never forks, even with several processes on one database.
 * Also the resident base's {@link ResidentAccessListener}: every search, view and change of a person, written by a
 * writer thread so that the counter does not wait for the log's commit (see {@link #enqueue}).
 */
@Component(service = { AccessLog.class, AuditQueries.class, Authorisation.class, ResidentAccessListener.class })
public class AccessLogComponent implements AccessLog, AuditQueries, Authorisation, ResidentAccessListener {
    private static final Logger LOG = Logger.getLogger(AccessLogComponent.class.getName());
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;
    /** Kinds that are use of resident data (for the night and holiday analyses). */
    private static final Set<AccessKind> DATA_USE = Set.of(AccessKind.SEARCH, AccessKind.VIEW, AccessKind.CHANGE,
            AccessKind.CERTIFICATE, AccessKind.PRINT, AccessKind.EXPORT, AccessKind.IMPORT);

    @Reference
    private Transactions tx;
    @Reference
    private KibanEnvironment environment;
    /** The sync outbox: each entry also goes to the central store, in the entry's transaction. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Outbox outbox;

    private final Object lock = new Object();
    private volatile Clock clock = Clock.systemUTC();

    /** For DS. */
    public AccessLogComponent() {
    }

    /** Outside DS (tests on a second engine): the log over the given transactions and settings. */
    public static AccessLogComponent create(Transactions tx, KibanEnvironment environment, Clock clock) {
        return create(tx, environment, clock, null);
    }

    /** Outside DS, with an outbox (or null). */
    public static AccessLogComponent create(Transactions tx, KibanEnvironment environment, Clock clock, Outbox outbox) {
        AccessLogComponent c = new AccessLogComponent();
        c.outbox = outbox;
        c.tx = tx;
        c.environment = environment;
        c.clock = clock;
        return c;
    }

    // ---- writing -------------------------------------------------------------------------------

    /** An entry to write: what happened and when. */
    private record Pending(AccessEvent event, Instant at) {
    }

    /** Entries of the resident base's reads and changes, waiting for the writer thread (bounded: callers wait when full). */
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    static final int QUEUE_LIMIT = 10_000;
    /** At most this many entries in one transaction of the writer. */
    static final int BATCH = 500;
    private final Object progress = new Object();
    private long submitted;
    private long finished;
    private Thread writer;
    /** The writer thread ends after this long without entries (and starts again with the next one). */
    static final int IDLE_SECONDS = 5;

    @Override
    public AccessEntry record(AccessEvent e) {
        Instant at = Instant.ofEpochMilli(clock.millis());
        synchronized (lock) {
            return tx.required(em -> write(em, List.of(new Pending(e, at)))).get(0);
        }
    }

    /**
     * Appends the entries to the chain in one transaction (the caller's, when it has one): the head row is locked
     * first (a no-op UPDATE, portable to Derby and PostgreSQL), so that the chain never forks, even with several
     * processes on one database; each entry continues the previous one's hash and also goes to the sync outbox.
     */
    private List<AccessEntry> write(EntityManager em, List<Pending> pending) {
        em.createNativeQuery("UPDATE security_access_head SET last_seq = last_seq WHERE id = 1").executeUpdate();
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_seq, last_hash FROM security_access_head WHERE id = 1").getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String previous = ((String) head[1]).strip();
        List<AccessEntry> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            AccessEvent e = p.event();
            seq++;
            List<String> persons = e.persons().stream().map(x -> Inputs.clean(x, 20)).toList();
            AccessEntry draft = new AccessEntry(UUID.randomUUID(), seq, p.at(), Inputs.clean(e.operatorId(), 64),
                    Inputs.clean(e.operatorName(), 100), Inputs.clean(e.terminal(), 100), e.kind(),
                    Inputs.clean(e.action(), 100), persons, e.individualNumberShown(), Inputs.clean(e.detail(), 1000),
                    previous, "");
            String hash = hash(draft);
            AccessEntry entry = new AccessEntry(draft.id(), seq, p.at(), draft.operatorId(), draft.operatorName(),
                    draft.terminal(), draft.kind(), draft.action(), persons, draft.individualNumberShown(),
                    draft.detail(), previous, hash);
            insert(em, entry);
            Outbox o = outbox;
            if (o != null) {
                ship(o, entry);
            }
            previous = hash;
            out.add(entry);
        }
        em.createNativeQuery("UPDATE security_access_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, seq).setParameter(2, previous).executeUpdate();
        return out;
    }

    /**
     * An entry of the resident base's listener: queued with the time of the access and written by the writer
     * thread, so that a search or a change does not wait for the log's own commit (on Derby a sync of its log to
     * disk: most of what an entry cost a read). Entries that arrive together share one transaction. Nothing is
     * dropped: a full queue makes the caller wait; a failed batch is written again entry by entry (and an entry
     * that still fails is logged as SEVERE, as before); reading the log ({@link #list}, {@link #verify}, the
     * analyses and the export) first waits for the queue; stopping the component writes what is queued.
     */
    private void enqueue(AccessEvent e) {
        Pending p = new Pending(e, Instant.ofEpochMilli(clock.millis()));
        synchronized (progress) {
            submitted++;
            if (writer == null || !writer.isAlive()) {
                writer = new Thread(this::drain, "kiban-access-log");
                writer.setDaemon(true);
                writer.start();
            }
            if (queue.offer(p)) {
                return;
            }
        }
        try {
            queue.put(p); // full: the writer runs (it stops only when the queue is empty), the caller waits for room
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            writeEach(List.of(p));
            done(1);
        }
    }

    /** The writer thread: takes what is queued (up to {@value #BATCH}), writes it in one transaction; stops when idle. */
    private void drain() {
        while (true) {
            Pending first;
            try {
                first = queue.poll(IDLE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                first = queue.poll();
            }
            if (first == null) {
                synchronized (progress) {
                    if (queue.isEmpty()) {
                        writer = null;
                        return;
                    }
                }
                continue;
            }
            List<Pending> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            try {
                synchronized (lock) {
                    tx.requiredRun(em -> write(em, batch));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not write " + batch.size() + " access log entries together; writing them one by one: "
                        + e.getMessage());
                writeEach(batch);
            }
            done(batch.size());
        }
    }

    /**
     * Setting {@code security.accessLog.waitForCommit} ({@code false} by default): {@code true} makes every search,
     * view and change wait until its entry is committed, in its own transaction, as before the writer thread.
     */
    private boolean waitForCommit() {
        return environment != null && Boolean.parseBoolean(environment.setting("security.accessLog.waitForCommit", "false").strip());
    }

    private void writeEach(List<Pending> batch) {
        for (Pending p : batch) {
            try {
                synchronized (lock) {
                    tx.requiredRun(em -> write(em, List.of(p)));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not write the access log entry " + p.event().action() + " by "
                        + p.event().operatorId() + " at " + p.at(), e);
            }
        }
    }

    private void done(int n) {
        synchronized (progress) {
            finished += n;
            progress.notifyAll();
        }
    }

    /**
     * Waits until every entry queued before this call is written (bounded: a caller that holds the log's head row
     * in its own open transaction would otherwise wait for itself).
     */
    void flush(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (progress) {
            long target = submitted;
            while (finished < target) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    LOG.warning("The access log writer has " + (target - finished) + " entries still to write");
                    return;
                }
                try {
                    progress.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void flush() {
        flush(30_000);
    }

    /** Writes what is queued before the component goes away. */
    @Deactivate
    void deactivate() {
        flush(60_000);
    }

    /** The outbox event type of an access-log entry. */
    public static final String OUTBOX_TYPE = "access.log";

    /** Persons per outbox event of a large entry: 1,000 宛名番号 are about 16,000 characters of JSON. */
    static final int PERSONS_PER_PART = 1000;
    /** The outbox event type of the persons of an entry that names more than {@value #PERSONS_PER_PART}. */
    public static final String OUTBOX_PERSONS_TYPE = "access.log.persons";

    /**
     * The entry to the sync outbox, in the entry's transaction. An entry naming many persons (an export of the
     * whole register names every resident) would exceed the outbox's payload limit and fail, losing the entry:
     * its persons then go in parts of {@value #PERSONS_PER_PART} ({@value #OUTBOX_PERSONS_TYPE} events with the
     * entry's id and the part's number, in the same group), and the entry's own event says how many parts there
     * are, so that the central side can put the persons back together and check the hash.
     */
    private static void ship(Outbox o, AccessEntry entry) {
        List<String> persons = entry.persons();
        if (persons.size() <= PERSONS_PER_PART) {
            o.append(OutboxEvent.record(OUTBOX_TYPE, payload(entry)));
            return;
        }
        String group = entry.id().toString();
        Map<String, Object> main = payload(entry);
        main.put("persons", List.of());
        int parts = (persons.size() + PERSONS_PER_PART - 1) / PERSONS_PER_PART;
        main.put("personsCount", persons.size());
        main.put("personsParts", parts);
        o.append(new OutboxEvent(OUTBOX_TYPE, group, null, null, null, main));
        for (int part = 0; part < parts; part++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", group);
            m.put("seq", entry.sequence());
            m.put("part", part + 1);
            m.put("of", parts);
            m.put("persons", persons.subList(part * PERSONS_PER_PART, Math.min(persons.size(), (part + 1) * PERSONS_PER_PART)));
            o.append(new OutboxEvent(OUTBOX_PERSONS_TYPE, group, null, null, null, m));
        }
    }

    /** The entry as the central store receives it (with its hashes, so the chain can be checked there too). */
    static Map<String, Object> payload(AccessEntry a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().toString());
        m.put("seq", a.sequence());
        m.put("at", a.at().toEpochMilli());
        m.put("operatorId", a.operatorId());
        m.put("operatorName", a.operatorName());
        m.put("terminal", a.terminal());
        m.put("kind", a.kind().name());
        m.put("operation", a.action());
        m.put("persons", a.persons());
        m.put("individualNumberShown", a.individualNumberShown());
        m.put("detail", a.detail());
        m.put("previousHash", a.previousHash());
        m.put("hash", a.hash());
        return m;
    }

    private static void insert(EntityManager em, AccessEntry a) {
        em.createNativeQuery("INSERT INTO security_access_entry (id, seq, occurred_at, operator_id, operator_name,"
                + " terminal, kind, operation, persons, number_shown, detail, previous_hash, entry_hash)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, a.id().toString()).setParameter(2, a.sequence()).setParameter(3, a.at().toEpochMilli())
                .setParameter(4, a.operatorId()).setParameter(5, a.operatorName()).setParameter(6, a.terminal())
                .setParameter(7, a.kind().name()).setParameter(8, a.action()).setParameter(9, a.persons().size())
                .setParameter(10, a.individualNumberShown()).setParameter(11, a.detail())
                .setParameter(12, a.previousHash()).setParameter(13, a.hash()).executeUpdate();
        if (a.persons().isEmpty()) {
            return;
        }
        // One JDBC batch for the persons, on the transaction's connection: a search page names up to 200
        // persons, and one EclipseLink native query per person cost more than the rest of the entry.
        java.sql.Connection c = em.unwrap(java.sql.Connection.class);
        if (c == null) {
            int i = 0;
            for (String p : a.persons()) {
                em.createNativeQuery("INSERT INTO security_access_person (entry_id, ordinal, addressee_number) VALUES (?1, ?2, ?3)")
                        .setParameter(1, a.id().toString()).setParameter(2, i++).setParameter(3, p).executeUpdate();
            }
            return;
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO security_access_person (entry_id, ordinal, addressee_number) VALUES (?, ?, ?)")) {
            int i = 0;
            for (String p : a.persons()) {
                ps.setString(1, a.id().toString());
                ps.setInt(2, i++);
                ps.setString(3, p);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not write the persons of access log entry "
                    + a.sequence() + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 (hex) over the entry's fields, one per line, and the previous entry's hash. */
    static String hash(AccessEntry a) {
        String canonical = String.join("\n", Long.toString(a.sequence()), a.id().toString(),
                Long.toString(a.at().toEpochMilli()), a.operatorId(), a.operatorName(), a.terminal(), a.kind().name(),
                a.action(), String.join(",", a.persons()), Boolean.toString(a.individualNumberShown()), a.detail(),
                a.previousHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void accessed(ResidentAccess a) {
        AccessKind kind = switch (a.kind()) {
            case VIEW, HISTORY, HOUSEHOLD -> AccessKind.VIEW;
            case SEARCH -> AccessKind.SEARCH;
            case EXPORT -> AccessKind.EXPORT;
            case CHANGE_REGISTERED, CHANGE_CONFIRMED, CHANGE_REJECTED, SUPPORT_MEASURE -> AccessKind.CHANGE;
            case REFUSED -> AccessKind.REFUSED;
        };
        AccessEvent event = AccessEvent.of(a.operator(), kind, "resident." + a.kind().name().toLowerCase(java.util.Locale.ROOT),
                a.persons().stream().map(AddresseeNumber::value).toList(), a.individualNumberShown(), a.detail());
        if (!waitForCommit()) {
            enqueue(event);
            return;
        }
        try {
            record(event);
        } catch (RuntimeException e) {
            // the resident base logs and ignores a failing listener; say what was lost
            LOG.log(Level.SEVERE, "Could not write the access log entry for " + a.kind() + " by " + a.operator().id(), e);
            throw e;
        }
    }

    @Override
    public void require(Operator operator, Permission permission, String action) {
        if (!operator.may(permission)) {
            record(AccessEvent.of(operator, AccessKind.REFUSED, action, "permission " + permission + " missing"));
            throw new SecurityRefusal("permission.missing", Inputs.clean(action, 100));
        }
    }

    @Override
    public void requireBusiness(Operator operator, String business, String action) {
        if (!operator.mayWorkIn(business)) {
            record(AccessEvent.of(operator, AccessKind.REFUSED, action, "not business staff of " + business));
            throw new SecurityRefusal("permission.business", Inputs.clean(business, 32));
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    private void require(Operator auditor, String action) {
        flush(); // every read of the log (list, verify, analyses, export) sees the entries queued before it
        if (!auditor.may(Permission.READ_ACCESS_LOG)) {
            record(AccessEvent.of(auditor, AccessKind.REFUSED, action, "permission READ_ACCESS_LOG missing"));
            throw new SecurityRefusal("permission.readLog");
        }
    }

    @Override
    public List<AccessEntry> list(Operator auditor, AuditFilter filter) {
        require(auditor, "audit.list");
        List<AccessEntry> result = query(filter, true);
        record(AccessEvent.of(auditor, AccessKind.AUDIT, "audit.list", describe(filter) + " -> " + result.size()));
        return result;
    }

    private static String describe(AuditFilter f) {
        List<String> parts = new ArrayList<>();
        f.person().ifPresent(p -> parts.add("person=" + p));
        f.operator().ifPresent(p -> parts.add("operator=" + p));
        f.from().ifPresent(p -> parts.add("from=" + p));
        f.to().ifPresent(p -> parts.add("to=" + p));
        if (!f.kinds().isEmpty()) {
            parts.add("kinds=" + f.kinds());
        }
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }

    private List<AccessEntry> query(AuditFilter f, boolean newestFirst) {
        if (f.from().isPresent() && f.to().isPresent() && !f.from().get().isBefore(f.to().get())) {
            throw new SecurityRefusal("audit.period");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        f.person().ifPresent(p -> {
            params.add(p.strip());
            where.append(" AND e.id IN (SELECT p.entry_id FROM security_access_person p WHERE p.addressee_number = ?")
                    .append(params.size()).append(')');
        });
        f.operator().ifPresent(o -> {
            params.add(o.strip());
            where.append(" AND e.operator_id = ?").append(params.size());
        });
        f.from().ifPresent(t -> {
            params.add(t.toEpochMilli());
            where.append(" AND e.occurred_at >= ?").append(params.size());
        });
        f.to().ifPresent(t -> {
            params.add(t.toEpochMilli());
            where.append(" AND e.occurred_at < ?").append(params.size());
        });
        if (!f.kinds().isEmpty()) {
            where.append(" AND e.kind IN (");
            int i = 0;
            for (AccessKind k : f.kinds()) {
                params.add(k.name());
                where.append(i++ == 0 ? "?" : ", ?").append(params.size());
            }
            where.append(')');
        }
        return tx.readOnly(em -> {
            Query q = em.createNativeQuery(SELECT + where + " ORDER BY e.seq " + (newestFirst ? "DESC" : "ASC"));
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            q.setMaxResults(f.limit());
            return withPersons(em, rows(q));
        });
    }

    private static final String SELECT = "SELECT e.id, e.seq, e.occurred_at, e.operator_id, e.operator_name, e.terminal,"
            + " e.kind, e.operation, e.persons, e.number_shown, e.detail, e.previous_hash, e.entry_hash"
            + " FROM security_access_entry e";

    /** A row before its persons are read: the entry plus its persons count. */
    private record Row(AccessEntry entry, int persons) {
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(Query q) {
        List<Row> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            AccessKind kind;
            try {
                kind = AccessKind.valueOf(((String) r[6]).strip());
            } catch (IllegalArgumentException e) {
                kind = AccessKind.ERROR; // an edited kind: verify names the entry
            }
            out.add(new Row(new AccessEntry(UUID.fromString(((String) r[0]).strip()), ((Number) r[1]).longValue(),
                    Instant.ofEpochMilli(((Number) r[2]).longValue()), (String) r[3], (String) r[4], (String) r[5], kind,
                    (String) r[7], List.of(), bool(r[9]), (String) r[10], ((String) r[11]).strip(),
                    ((String) r[12]).strip()), ((Number) r[8]).intValue()));
        }
        return out;
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }

    @SuppressWarnings("unchecked")
    private static List<AccessEntry> withPersons(EntityManager em, List<Row> rows) {
        List<AccessEntry> out = new ArrayList<>(rows.size());
        Map<String, List<String>> persons = new HashMap<>();
        List<String> ids = rows.stream().filter(r -> r.persons() > 0).map(r -> r.entry().id().toString()).toList();
        for (int from = 0; from < ids.size(); from += 200) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                in.append(i == 0 ? "?" : ", ?").append(i + 1);
            }
            Query q = em.createNativeQuery("SELECT entry_id, addressee_number FROM security_access_person WHERE entry_id IN ("
                    + in + ") ORDER BY entry_id, ordinal");
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 1, chunk.get(i));
            }
            for (Object[] r : (List<Object[]>) q.getResultList()) {
                persons.computeIfAbsent(((String) r[0]).strip(), k -> new ArrayList<>()).add((String) r[1]);
            }
        }
        for (Row r : rows) {
            AccessEntry e = r.entry();
            out.add(new AccessEntry(e.id(), e.sequence(), e.at(), e.operatorId(), e.operatorName(), e.terminal(),
                    e.kind(), e.action(), persons.getOrDefault(e.id().toString(), List.of()), e.individualNumberShown(),
                    e.detail(), e.previousHash(), e.hash()));
        }
        return out;
    }

    @Override
    public Verification verify(Operator auditor) {
        require(auditor, "audit.verify");
        Verification v = tx.readOnly(this::verify);
        record(AccessEvent.of(auditor, AccessKind.AUDIT, "audit.verify", v.intact() ? "intact, " + v.entries() + " entries"
                : "BROKEN at entry " + v.firstBroken().map(String::valueOf).orElse("?") + ": " + v.problem()));
        return v;
    }

    private Verification verify(EntityManager em) {
        String previous = GENESIS;
        long expected = 1;
        long checked = 0;
        while (true) {
            Query q = em.createNativeQuery(SELECT + " WHERE e.seq >= ?1 ORDER BY e.seq").setParameter(1, expected);
            q.setMaxResults(PAGE);
            List<AccessEntry> page = withPersons(em, rows(q));
            if (page.isEmpty()) {
                break;
            }
            for (AccessEntry e : page) {
                checked++;
                if (e.sequence() != expected) {
                    return new Verification(checked, Optional.of(e.sequence()),
                            "entries " + expected + ".." + (e.sequence() - 1) + " are missing before entry " + e.sequence());
                }
                if (!e.previousHash().equals(previous)) {
                    return new Verification(checked, Optional.of(e.sequence()),
                            "entry " + e.sequence() + " does not continue the chain (previous hash differs)");
                }
                if (!hash(e).equals(e.hash())) {
                    return new Verification(checked, Optional.of(e.sequence()),
                            "entry " + e.sequence() + " was changed after it was written (hash differs)");
                }
                previous = e.hash();
                expected++;
            }
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_seq, last_hash FROM security_access_head WHERE id = 1")
                .getSingleResult();
        long lastSeq = ((Number) head[0]).longValue();
        if (lastSeq != expected - 1 || !((String) head[1]).strip().equals(previous)) {
            return new Verification(checked, Optional.of(expected),
                    "the log ends at entry " + (expected - 1) + " but " + lastSeq + " were written: the last entries were removed");
        }
        return new Verification(checked, Optional.empty(), "");
    }

    // ---- analyses ------------------------------------------------------------------------------

    @Override
    public List<AuditFinding> analyse(Operator auditor, AuditFilter filter) {
        require(auditor, "audit.analyse");
        List<AccessEntry> entries = query(filter, false);
        int nightFrom = setting("audit.night.from", 22);
        int nightTo = setting("audit.night.to", 7);
        int failedThreshold = setting("audit.failedLogins", 3);
        int manyPersons = setting("audit.manyPersons", 50);
        record Key(AuditFinding.Type type, String operator, LocalDate day) {
        }
        Map<Key, List<Long>> hits = new TreeMap<>((a, b) -> {
            int c = a.day().compareTo(b.day());
            c = c != 0 ? c : a.type().compareTo(b.type());
            return c != 0 ? c : a.operator().compareTo(b.operator());
        });
        Map<Key, Set<String>> viewed = new LinkedHashMap<>();
        for (AccessEntry e : entries) {
            LocalDateTime local = LocalDateTime.ofInstant(e.at(), ZONE);
            LocalDate day = local.toLocalDate();
            if (DATA_USE.contains(e.kind())) {
                int h = local.getHour();
                boolean night = nightFrom > nightTo ? (h >= nightFrom || h < nightTo) : (h >= nightFrom && h < nightTo);
                if (night) {
                    hits.computeIfAbsent(new Key(AuditFinding.Type.NIGHT_ACCESS, e.operatorId(), day), k -> new ArrayList<>())
                            .add(e.sequence());
                }
                if (Holidays.officeClosed(day)) {
                    hits.computeIfAbsent(new Key(AuditFinding.Type.HOLIDAY_ACCESS, e.operatorId(), day), k -> new ArrayList<>())
                            .add(e.sequence());
                }
            }
            if (e.kind() == AccessKind.LOGIN_FAILED) {
                hits.computeIfAbsent(new Key(AuditFinding.Type.REPEATED_FAILED_LOGINS, e.operatorId(), day),
                        k -> new ArrayList<>()).add(e.sequence());
            }
            if (e.kind() == AccessKind.VIEW) {
                Key k = new Key(AuditFinding.Type.MANY_PERSONS_VIEWED, e.operatorId(), day);
                viewed.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(e.persons());
                hits.computeIfAbsent(k, x -> new ArrayList<>()).add(e.sequence());
            }
        }
        List<AuditFinding> findings = new ArrayList<>();
        DateTimeFormatter f = DateTimeFormatter.ISO_LOCAL_DATE;
        for (Map.Entry<Key, List<Long>> h : hits.entrySet()) {
            Key k = h.getKey();
            List<Long> seqs = h.getValue();
            List<Long> shown = seqs.subList(0, Math.min(100, seqs.size()));
            switch (k.type()) {
                case NIGHT_ACCESS -> findings.add(new AuditFinding(k.type(), k.operator(), k.day(), seqs.size(), shown,
                        seqs.size() + " uses of resident data between " + nightFrom + ":00 and " + nightTo + ":00 on "
                                + f.format(k.day())));
                case HOLIDAY_ACCESS -> findings.add(new AuditFinding(k.type(), k.operator(), k.day(), seqs.size(), shown,
                        seqs.size() + " uses of resident data on " + f.format(k.day()) + " ("
                                + Holidays.name(k.day()).orElse(k.day().getDayOfWeek().getValue() >= 6 ? "weekend"
                                        : "year-end holidays")
                                + ")"));
                case REPEATED_FAILED_LOGINS -> {
                    if (seqs.size() >= failedThreshold) {
                        findings.add(new AuditFinding(k.type(), k.operator(), k.day(), seqs.size(), shown,
                                seqs.size() + " failed logins for this id on " + f.format(k.day())));
                    }
                }
                case MANY_PERSONS_VIEWED -> {
                    int n = viewed.get(k).size();
                    if (n > manyPersons) {
                        findings.add(new AuditFinding(k.type(), k.operator(), k.day(), n, shown,
                                n + " different persons viewed on " + f.format(k.day()) + " (threshold " + manyPersons + ")"));
                    }
                }
            }
        }
        record(AccessEvent.of(auditor, AccessKind.AUDIT, "audit.analyse", describe(filter) + " -> " + findings.size()
                + " findings"));
        return findings;
    }

    private int setting(String key, int def) {
        try {
            return Integer.parseInt(environment.setting(key, Integer.toString(def)).strip());
        } catch (NumberFormatException e) {
            LOG.warning("Setting " + key + " is not a number; using " + def);
            return def;
        }
    }

    // ---- export --------------------------------------------------------------------------------

    @Override
    public int exportCsv(Operator auditor, AuditFilter filter, Writer out) throws IOException {
        require(auditor, "audit.export");
        List<AccessEntry> entries = query(filter, false);
        DateTimeFormatter t = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        out.write("seq,id,time,operator_id,operator_name,terminal,kind,operation,persons,individual_number_shown,detail,hash\r\n");
        for (AccessEntry e : entries) {
            List<String> cells = List.of(Long.toString(e.sequence()), e.id().toString(), t.format(e.at().atZone(ZONE)),
                    e.operatorId(), e.operatorName(), e.terminal(), e.kind().name(), e.action(), String.join(" ", e.persons()),
                    Boolean.toString(e.individualNumberShown()), e.detail(), e.hash());
            StringBuilder line = new StringBuilder();
            for (String c : cells) {
                if (line.length() > 0) {
                    line.append(',');
                }
                line.append(csv(c));
            }
            out.write(line.append("\r\n").toString());
        }
        out.flush();
        record(AccessEvent.of(auditor, AccessKind.AUDIT, "audit.export", describe(filter) + " -> " + entries.size()));
        return entries.size();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would take for a formula is prefixed with an apostrophe. */
    static String csv(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
