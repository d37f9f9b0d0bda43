package jp.kiban.central.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.central.CentralRefusal;
import jp.kiban.central.CentralStore;
import jp.kiban.central.Terminal;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.Dialect;
import jp.kiban.sync.protocol.SyncProtocol;
import jp.kiban.sync.protocol.SyncProtocol.Conflict;
import jp.kiban.sync.protocol.SyncProtocol.Decision;
import jp.kiban.sync.protocol.SyncProtocol.Event;
import jp.kiban.sync.protocol.SyncProtocol.EventPage;
import jp.kiban.sync.protocol.SyncProtocol.LeaseGrant;
import jp.kiban.sync.protocol.SyncProtocol.LeaseRequest;
import jp.kiban.sync.protocol.SyncProtocol.Outcome;
import jp.kiban.sync.protocol.SyncProtocol.PushResponse;
import jp.kiban.sync.protocol.SyncProtocol.PushResult;
import jp.kiban.sync.protocol.SyncProtocol.TerminalCredential;
import jp.kiban.sync.protocol.SyncProtocol.TerminalInfo;

/**
 * The central store over plain JDBC (tables of schema module {@code central}). Isolation is enforced
 * twice: every statement names the terminal's municipality, and on PostgreSQL every transaction runs
 * under a role that is not the tables' owner ({@code SET LOCAL ROLE}) with the municipality set
 * ({@code set_config('kiban.municipality', …, true)}), so that row-level security hides and refuses
 * every other municipality's rows even if a statement forgot to. Only authentication and terminal
 * registration run as the owner (they must find a token before the municipality is known).
 */
public final class CentralStoreImpl implements CentralStore {

    static final Logger LOG = Logger.getLogger("jp.kiban.central");
    /** The default role the server's transactions run under on PostgreSQL. */
    public static final String DEFAULT_APP_ROLE = "kiban_central_app";
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int MAX_PAYLOAD = 32000;

    private final Database database;
    private final String appRole;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private volatile boolean prepared;

    public CentralStoreImpl(Database database, String appRole) {
        this.database = database;
        if (!ROLE.matcher(appRole).matches()) {
            throw new IllegalArgumentException("central.db.role must be a plain lower-case PostgreSQL role name: " + appRole);
        }
        this.appRole = appRole;
    }

    /** A 503: the store cannot be reached or failed; the terminal retries later. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    // ==== connections ============================================================================

    private boolean postgres() {
        return database.dialect() == Dialect.POSTGRESQL;
    }

    /**
     * On PostgreSQL: the role the server's transactions run under exists, is not the owner, may use the
     * tables (no DELETE: the store is append-only except for the review queue's decision), and the owner
     * may switch to it. Idempotent; run once after the migrations.
     */
    public synchronized void prepare() {
        if (prepared) {
            return;
        }
        if (postgres()) {
            asOwner(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DO $$ BEGIN CREATE ROLE " + appRole + " NOLOGIN NOSUPERUSER NOBYPASSRLS;"
                            + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
                    s.execute("DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO " + appRole
                            + "', current_schema()); END $$");
                    s.execute("GRANT SELECT, INSERT, UPDATE ON central_event, central_sequence, central_aggregate,"
                            + " central_conflict, central_number_counter, central_number_lease TO " + appRole);
                    s.execute("GRANT SELECT ON central_terminal TO " + appRole);
                    s.execute("DO $$ BEGIN EXECUTE format('GRANT " + appRole + " TO %I', current_user);"
                            + " EXCEPTION WHEN others THEN NULL; END $$");
                }
                return null;
            });
        }
        prepared = true;
    }

    private <T> T asOwner(Work<T> work) {
        return transaction(null, work);
    }

    /** One transaction limited to one municipality (in SQL, and on PostgreSQL by row-level security). */
    private <T> T inMunicipality(String code, Work<T> work) {
        if (!prepared) {
            prepare();
        }
        return transaction(code, work);
    }

    private <T> T transaction(String municipality, Work<T> work) {
        SQLException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (municipality != null && postgres()) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SET LOCAL ROLE " + appRole);
                        }
                        try (PreparedStatement p = c.prepareStatement("SELECT set_config('kiban.municipality', ?, true)")) {
                            p.setString(1, municipality);
                            p.execute();
                        }
                    }
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the connection is gone; the transaction with it
                    }
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                // serialisation failure, deadlock, a concurrent first insert: try again
                if (!(state.equals("40001") || state.equals("40P01") || state.equals("23505"))) {
                    break;
                }
            }
        }
        SQLException reason = withoutData(last);
        throw new Unavailable("central store: " + reason.getMessage(), reason);
    }

    /**
     * The driver's batch failure names the statement with every value bound (residents' data): the log gets the
     * reason behind it (e.g. the connection was terminated) and the SQL state, never the values.
     */
    static SQLException withoutData(SQLException e) {
        if (!(e instanceof java.sql.BatchUpdateException)) {
            return e;
        }
        SQLException next = e.getNextException();
        String reason = next != null && !(next instanceof java.sql.BatchUpdateException) ? next.getMessage()
                : "a statement of the batch failed";
        SQLException clean = new SQLException("batch aborted (SQLState " + e.getSQLState() + "): " + reason, e.getSQLState());
        if (next != null && !(next instanceof java.sql.BatchUpdateException)) {
            clean.initCause(next);
        }
        return clean;
    }

    static void refuse(Terminal t, CentralRefusal.Kind kind, String what) {
        LOG.warning("Refused " + kind + ": terminal " + (t == null ? "?" : t.terminalId() + " (" + t.municipalityCode() + ")")
                + ": " + what);
        throw new CentralRefusal(kind, what);
    }

    // ==== terminals ==============================================================================

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public Optional<Terminal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(token.strip());
        return asOwner(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT terminal_id, municipality_code, name FROM central_terminal"
                    + " WHERE token_hash = ? AND revoked_at IS NULL")) {
                p.setString(1, hash);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Terminal(r.getString(1).strip(), r.getString(2).strip(), r.getString(3)))
                            : Optional.<Terminal>empty();
                }
            }
        });
    }

    @Override
    public TerminalCredential registerTerminal(String municipalityCode, String name) {
        if (municipalityCode == null || !CODE.matcher(municipalityCode).matches()) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST,
                    "municipalityCode must be the 6-digit 全国地方公共団体コード: " + municipalityCode);
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "name must be 1 to 200 characters");
        }
        if (!prepared) {
            prepare();
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        asOwner(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO central_terminal (terminal_id, municipality_code, name,"
                    + " token_hash, registered_at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, municipalityCode);
                p.setString(3, name.strip());
                p.setString(4, sha256(token));
                p.setTimestamp(5, Timestamp.from(now()));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM central_sequence WHERE municipality_code = ?")) {
                p.setString(1, municipalityCode);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        try (PreparedStatement i = c.prepareStatement(
                                "INSERT INTO central_sequence (municipality_code, last_seq) VALUES (?, 0)")) {
                            i.setString(1, municipalityCode);
                            i.executeUpdate();
                        }
                    }
                }
            }
            return null;
        });
        LOG.info("Registered terminal " + id + " (" + name.strip() + ") of municipality " + municipalityCode);
        return new TerminalCredential(id, municipalityCode, name.strip(), token);
    }

    @Override
    public boolean revokeTerminal(String terminalId) {
        return asOwner(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE central_terminal SET revoked_at = ? WHERE terminal_id = ? AND revoked_at IS NULL")) {
                p.setTimestamp(1, Timestamp.from(now()));
                p.setString(2, terminalId);
                return p.executeUpdate() == 1;
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public TerminalInfo info(Terminal t) {
        return inMunicipality(t.municipalityCode(), c -> new TerminalInfo(t.terminalId(), t.municipalityCode(), t.name(),
                lastSequence(c, t.municipalityCode(), false), countOpen(c, t.municipalityCode())));
    }

    private static long lastSequence(Connection c, String code, boolean lock) throws SQLException {
        if (lock) {
            // the row lock serialises the municipality's pushes: sequence order is commit order
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE central_sequence SET last_seq = last_seq WHERE municipality_code = ?")) {
                p.setString(1, code);
                if (p.executeUpdate() == 0) {
                    try (PreparedStatement i = c.prepareStatement(
                            "INSERT INTO central_sequence (municipality_code, last_seq) VALUES (?, 0)")) {
                        i.setString(1, code);
                        i.executeUpdate();
                    }
                    return 0;
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT last_seq FROM central_sequence WHERE municipality_code = ?")) {
            p.setString(1, code);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private static long countOpen(Connection c, String code) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM central_conflict WHERE municipality_code = ? AND state = 'OPEN'")) {
            p.setString(1, code);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    // ==== push ===================================================================================

    private void validate(Terminal t, List<Event> events) {
        if (events == null || events.isEmpty()) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "a push needs at least one event");
        }
        if (events.size() > SyncProtocol.MAX_BATCH) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST,
                    "at most " + SyncProtocol.MAX_BATCH + " events per push, not " + events.size());
        }
        Set<String> ids = new HashSet<>();
        for (Event e : events) {
            if (e == null) {
                throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "null event in the batch");
            }
            if (!t.municipalityCode().equals(e.municipalityCode())) {
                refuse(t, CentralRefusal.Kind.FORBIDDEN, "push of event " + e.eventId() + " for municipality "
                        + e.municipalityCode() + " (the whole batch is refused)");
            }
            String id = e.eventId();
            try {
                if (id == null || !UUID.fromString(id).toString().equals(id)) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException bad) {
                throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "eventId must be a lower-case UUID: " + id);
            }
            if (!ids.add(id)) {
                throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "event " + id + " is twice in the batch");
            }
            if (e.type() == null || e.type().isBlank() || e.type().length() > 100) {
                throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "event " + id + ": type must be 1 to 100 characters");
            }
            if (e.groupId() != null && (e.groupId().isBlank() || e.groupId().length() > 36)
                    || e.aggregateKey() != null && (e.aggregateKey().isBlank() || e.aggregateKey().length() > 40)) {
                throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "event " + id + ": groupId/aggregateKey too long or blank");
            }
            if (e.baseHistory() != null && e.baseHistory() < 0 || e.newHistory() != null && e.newHistory() < 1
                    || e.baseHistory() != null && e.newHistory() != null && e.newHistory() <= e.baseHistory()) {
                throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "event " + id + ": history numbers out of order");
            }
            if (e.payload() == null || e.payload().length() > MAX_PAYLOAD) {
                throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "event " + id + ": payload missing or over "
                        + MAX_PAYLOAD + " characters");
            }
            try {
                if (!isJsonObject(e.payload())) {
                    throw new IllegalArgumentException();
                }
            } catch (Exception bad) {
                throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "event " + id + ": payload is not a JSON object");
            }
        }
    }

    /**
     * Applies a batch in one transaction with a fixed number of statements, whatever its size: one query
     * for the event ids already known, one for the current 履歴番号 of every entity in the batch, then the
     * events, the entities' new 履歴番号 and the sequence as JDBC batches (the role and municipality are set
     * once per transaction). Groups are decided in order against the state the earlier groups leave.
     */
    /** True when the text is one well-formed JSON object (streamed: no tree is built). */
    private boolean isJsonObject(String text) throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonParser p = json.getFactory().createParser(text)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        }
    }

    @Override
    public PushResponse push(Terminal t, List<Event> events) {
        validate(t, events);
        String code = t.municipalityCode();
        // groups in the order of their first event; a group is applied all or nothing
        Map<String, List<Event>> groups = new LinkedHashMap<>();
        for (Event e : events) {
            groups.computeIfAbsent(e.groupId() == null ? "#" + e.eventId() : "g" + e.groupId(), k -> new ArrayList<>()).add(e);
        }
        long[] before = new long[1];
        PushResponse response = inMunicipality(code, c -> {
            long seq = lastSequence(c, code, true);
            before[0] = seq;
            Instant now = now();
            Map<String, PushResult> results = known(c, code, events.stream().map(Event::eventId).toList());
            Set<String> keys = new HashSet<>();
            for (Event e : events) {
                if (e.aggregateKey() != null) {
                    keys.add(e.aggregateKey());
                }
            }
            // the current 履歴番号 of each entity (absent: 0), kept up to date as the groups are applied
            Map<String, Integer> history = currentHistories(c, code, keys);
            Set<String> stored = new HashSet<>(history.keySet());
            Map<String, long[]> written = new LinkedHashMap<>(); // entity -> {new history, seq}
            try (PreparedStatement insert = c.prepareStatement(INSERT_EVENT)) {
                int batched = 0;
                for (List<Event> group : groups.values()) {
                    List<Event> fresh = group.stream().filter(e -> !results.containsKey(e.eventId())).toList();
                    if (fresh.isEmpty()) {
                        continue;
                    }
                    Map<String, Integer> current = new HashMap<>();
                    boolean conflict = false;
                    for (Event e : fresh) {
                        if (e.aggregateKey() == null || e.baseHistory() == null) {
                            continue;
                        }
                        int now2 = current.containsKey(e.aggregateKey()) ? current.get(e.aggregateKey())
                                : history.getOrDefault(e.aggregateKey(), 0);
                        if (now2 != e.baseHistory()) {
                            conflict = true;
                        }
                        current.put(e.aggregateKey(), e.newHistory() == null ? now2 : e.newHistory());
                    }
                    for (Event e : fresh) {
                        if (conflict) {
                            Integer cur = e.aggregateKey() == null ? null : history.getOrDefault(e.aggregateKey(), 0);
                            insertConflict(c, t, e, cur, now);
                            results.put(e.eventId(), new PushResult(e.eventId(), Outcome.CONFLICT, null));
                        } else {
                            seq++;
                            bindEvent(insert, t, e, seq, e.baseHistory(), e.newHistory(), now);
                            insert.addBatch();
                            batched++;
                            if (e.aggregateKey() != null && e.newHistory() != null) {
                                history.put(e.aggregateKey(), e.newHistory());
                                written.put(e.aggregateKey(), new long[] { e.newHistory(), seq });
                            }
                            results.put(e.eventId(), new PushResult(e.eventId(), Outcome.APPLIED, seq));
                        }
                    }
                    if (conflict) {
                        LOG.info("Conflict: " + fresh.size() + " event(s) of group " + fresh.get(0).groupId() + " from terminal "
                                + t.terminalId() + " (" + code + ") went to the review queue");
                    }
                }
                if (batched > 0) {
                    insert.executeBatch();
                }
            }
            if (!written.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement("UPDATE central_aggregate SET current_history = ?,"
                        + " last_seq = ? WHERE municipality_code = ? AND aggregate_key = ?");
                        PreparedStatement insert = c.prepareStatement("INSERT INTO central_aggregate (municipality_code,"
                                + " aggregate_key, current_history, last_seq) VALUES (?, ?, ?, ?)")) {
                    int updates = 0;
                    int inserts = 0;
                    for (Map.Entry<String, long[]> w : written.entrySet()) {
                        if (stored.contains(w.getKey())) {
                            update.setInt(1, (int) w.getValue()[0]);
                            update.setLong(2, w.getValue()[1]);
                            update.setString(3, code);
                            update.setString(4, w.getKey());
                            update.addBatch();
                            updates++;
                        } else {
                            insert.setString(1, code);
                            insert.setString(2, w.getKey());
                            insert.setInt(3, (int) w.getValue()[0]);
                            insert.setLong(4, w.getValue()[1]);
                            insert.addBatch();
                            inserts++;
                        }
                    }
                    if (updates > 0) {
                        update.executeBatch();
                    }
                    if (inserts > 0) {
                        insert.executeBatch(); // a concurrent first insert of the same entity fails (23505): retried
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE central_sequence SET last_seq = ? WHERE municipality_code = ?")) {
                p.setLong(1, seq);
                p.setString(2, code);
                p.executeUpdate();
            }
            List<PushResult> ordered = events.stream().map(e -> results.get(e.eventId())).toList();
            return new PushResponse(ordered, seq);
        });
        analyzeIfGrown(before[0], response.lastSequence());
        return response;
    }

    /**
     * On PostgreSQL: brings the planner's statistics of the push's tables up to date whenever a push took the
     * municipality's sequence past 1,000 × 2^k. Without statistics (a store filled faster than autovacuum analyses
     * it, or with autovacuum off) the planner takes {@code municipality_code = ?} to match 0.5 % of the rows and
     * answers the batch's look-ups by event id and entity by scanning every row of the municipality instead of
     * probing the unique indexes: the push slowed down with the size of the store (the look-ups of a batch of 500 took
     * 35 ms at 60,000 events and grew with every batch; with statistics about 6 ms, flat). The doublings keep the work to a few ANALYZEs over a town's whole history. A failure
     * costs only speed: it is logged, the push has committed.
     */
    private void analyzeIfGrown(long before, long after) {
        if (!postgres() || after <= before) {
            return;
        }
        long threshold = 1000;
        while (threshold <= before) {
            threshold *= 2;
        }
        if (after < threshold) {
            return;
        }
        try {
            asOwner(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE central_event, central_aggregate, central_conflict");
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warning("ANALYZE of the central tables failed (the push is committed; only look-ups may be slower): " + e);
        }
    }

    /** The placeholders for an IN list of {@code n} values. */
    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Event ids of the batch that were pushed before (applied, or in the review queue): DUPLICATE, with their sequence. */
    private static Map<String, PushResult> known(Connection c, String code, List<String> eventIds) throws SQLException {
        Map<String, PushResult> out = new HashMap<>();
        for (int from = 0; from < eventIds.size(); from += 500) {
            List<String> chunk = eventIds.subList(from, Math.min(eventIds.size(), from + 500));
            try (PreparedStatement p = c.prepareStatement("SELECT event_id, seq FROM central_event WHERE municipality_code = ?"
                    + " AND event_id IN (" + marks(chunk.size()) + ")")) {
                p.setString(1, code);
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 2, chunk.get(i));
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString(1).strip();
                        out.put(id, new PushResult(id, Outcome.DUPLICATE, r.getLong(2)));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT event_id, applied_seq FROM central_conflict"
                    + " WHERE municipality_code = ? AND event_id IN (" + marks(chunk.size()) + ")")) {
                p.setString(1, code);
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 2, chunk.get(i));
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString(1).strip();
                        long applied = r.getLong(2);
                        out.putIfAbsent(id, new PushResult(id, Outcome.DUPLICATE, r.wasNull() ? null : applied));
                    }
                }
            }
        }
        return out;
    }

    /** The current 履歴番号 of those entities that the store has (an entity not in the map has none yet). */
    private static Map<String, Integer> currentHistories(Connection c, String code, Set<String> keys) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            try (PreparedStatement p = c.prepareStatement("SELECT aggregate_key, current_history FROM central_aggregate"
                    + " WHERE municipality_code = ? AND aggregate_key IN (" + marks(chunk.size()) + ")")) {
                p.setString(1, code);
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 2, chunk.get(i));
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getInt(2));
                    }
                }
            }
        }
        return out;
    }

    private static int currentHistory(Connection c, String code, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT current_history FROM central_aggregate WHERE municipality_code = ? AND aggregate_key = ?")) {
            p.setString(1, code);
            p.setString(2, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private static void setInt(PreparedStatement p, int i, Integer v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.INTEGER);
        } else {
            p.setInt(i, v);
        }
    }

    private static final String INSERT_EVENT = "INSERT INTO central_event (municipality_code, seq, event_id,"
            + " terminal_id, local_seq, event_type, group_id, aggregate_key, base_history, new_history, payload,"
            + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static void bindEvent(PreparedStatement p, Terminal t, Event e, long seq, Integer base, Integer next,
            Instant now) throws SQLException {
        p.setString(1, t.municipalityCode());
        p.setLong(2, seq);
        p.setString(3, e.eventId());
        p.setString(4, e.terminalId() != null && !e.terminalId().equals(t.terminalId()) ? e.terminalId() : t.terminalId());
        p.setLong(5, e.localSequence());
        p.setString(6, e.type());
        p.setString(7, e.groupId());
        p.setString(8, e.aggregateKey());
        setInt(p, 9, base);
        setInt(p, 10, next);
        p.setString(11, e.payload());
        p.setTimestamp(12, Timestamp.from(now));
    }

    private static void insertEvent(Connection c, Terminal t, Event e, long seq, Integer base, Integer next, Instant now)
            throws SQLException {
        String code = t.municipalityCode();
        try (PreparedStatement p = c.prepareStatement(INSERT_EVENT)) {
            bindEvent(p, t, e, seq, base, next, now);
            p.executeUpdate();
        }
        if (e.aggregateKey() != null && next != null) {
            try (PreparedStatement p = c.prepareStatement("UPDATE central_aggregate SET current_history = ?, last_seq = ?"
                    + " WHERE municipality_code = ? AND aggregate_key = ?")) {
                p.setInt(1, next);
                p.setLong(2, seq);
                p.setString(3, code);
                p.setString(4, e.aggregateKey());
                if (p.executeUpdate() == 0) {
                    try (PreparedStatement i = c.prepareStatement("INSERT INTO central_aggregate (municipality_code,"
                            + " aggregate_key, current_history, last_seq) VALUES (?, ?, ?, ?)")) {
                        i.setString(1, code);
                        i.setString(2, e.aggregateKey());
                        i.setInt(3, next);
                        i.setLong(4, seq);
                        i.executeUpdate();
                    }
                }
            }
        }
    }

    private static void insertConflict(Connection c, Terminal t, Event e, Integer current, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO central_conflict (municipality_code, conflict_id,"
                + " event_id, terminal_id, local_seq, event_type, group_id, aggregate_key, base_history, new_history,"
                + " current_history, payload, received_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")) {
            p.setString(1, t.municipalityCode());
            p.setString(2, UUID.randomUUID().toString());
            p.setString(3, e.eventId());
            p.setString(4, t.terminalId());
            p.setLong(5, e.localSequence());
            p.setString(6, e.type());
            p.setString(7, e.groupId());
            p.setString(8, e.aggregateKey());
            setInt(p, 9, e.baseHistory());
            setInt(p, 10, e.newHistory());
            setInt(p, 11, current);
            p.setString(12, e.payload());
            p.setTimestamp(13, Timestamp.from(now));
            p.executeUpdate();
        }
    }

    // ==== pull and replica =======================================================================

    private static final String EVENT_COLUMNS = "event_id, municipality_code, local_seq, event_type, group_id,"
            + " aggregate_key, base_history, new_history, payload, seq, terminal_id";

    private static Event event(ResultSet r) throws SQLException {
        int base = r.getInt(7);
        Integer b = r.wasNull() ? null : base;
        int next = r.getInt(8);
        Integer n = r.wasNull() ? null : next;
        return new Event(r.getString(1).strip(), r.getString(2).strip(), r.getLong(3), r.getString(4), r.getString(5),
                r.getString(6), b, n, r.getString(9), r.getLong(10), r.getString(11).strip());
    }

    private EventPage page(Terminal t, long after, int max, boolean entitiesOnly) {
        if (after < 0 || max < 1 || max > 10_000) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "since/after must be >= 0 and max 1 to 10000");
        }
        String code = t.municipalityCode();
        return inMunicipality(code, c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM central_event"
                    + " WHERE municipality_code = ? AND seq > ?" + (entitiesOnly ? " AND aggregate_key IS NOT NULL" : "")
                    // the limit in the statement (max is checked above), so the planner walks the primary key
                    + " ORDER BY seq FETCH FIRST " + (max + 1) + " ROWS ONLY")) {
                p.setString(1, code);
                p.setLong(2, after);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(event(r));
                    }
                }
            }
            boolean more = out.size() > max;
            if (more) {
                out.remove(out.size() - 1);
            }
            long last = out.isEmpty() ? after : out.get(out.size() - 1).centralSequence();
            return new EventPage(out, last, more);
        });
    }

    @Override
    public EventPage pull(Terminal t, long since, int max) {
        return page(t, since, max, false);
    }

    @Override
    public EventPage replica(Terminal t, long after, int max) {
        return page(t, after, max, true);
    }

    // ==== the review queue =======================================================================

    private static final String CONFLICT_COLUMNS = "conflict_id, event_id, municipality_code, local_seq, event_type,"
            + " group_id, aggregate_key, base_history, new_history, payload, terminal_id, current_history, state,"
            + " decided_by, decided_at, note, applied_seq";

    private Conflict conflict(Connection c, ResultSet r) throws SQLException {
        int base = r.getInt(8);
        Integer b = r.wasNull() ? null : base;
        int next = r.getInt(9);
        Integer n = r.wasNull() ? null : next;
        Event pushed = new Event(r.getString(2).strip(), r.getString(3).strip(), r.getLong(4), r.getString(5), r.getString(6),
                r.getString(7), b, n, r.getString(10), null, r.getString(11).strip());
        int cur = r.getInt(12);
        Integer currentHistory = r.wasNull() ? null : cur;
        Timestamp decidedAt = r.getTimestamp(15);
        String conflictId = r.getString(1).strip();
        String state = r.getString(13);
        String decidedBy = r.getString(14);
        String note = r.getString(16);
        Event current = pushed.aggregateKey() == null ? null : currentEvent(c, pushed.municipalityCode(), pushed.aggregateKey());
        return new Conflict(conflictId, pushed, current, currentHistory, state, decidedBy,
                decidedAt == null ? null : decidedAt.toInstant().toString(), note);
    }

    private static Event currentEvent(Connection c, String code, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + EVENT_COLUMNS.replace(", ", ", e.").replaceFirst("^", "e.")
                + " FROM central_aggregate a JOIN central_event e ON e.municipality_code = a.municipality_code"
                + " AND e.seq = a.last_seq WHERE a.municipality_code = ? AND a.aggregate_key = ?")) {
            p.setString(1, code);
            p.setString(2, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? event(r) : null;
            }
        }
    }

    @Override
    public List<Conflict> conflicts(Terminal t, boolean openOnly) {
        String code = t.municipalityCode();
        return inMunicipality(code, c -> {
            List<Conflict> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM central_conflict"
                    + " WHERE municipality_code = ?" + (openOnly ? " AND state = 'OPEN'" : "")
                    + " ORDER BY received_at, local_seq")) {
                p.setString(1, code);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(conflict(c, r));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Conflict decide(Terminal t, String conflictId, Decision decision) {
        if (decision == null || decision.decision() == null
                || !List.of("ACCEPT", "DISCARD").contains(decision.decision())) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "decision must be ACCEPT or DISCARD");
        }
        if (decision.decidedBy() == null || decision.decidedBy().isBlank() || decision.decidedBy().length() > 200) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "decidedBy (the supervisor) is required");
        }
        String code = t.municipalityCode();
        return inMunicipality(code, c -> {
            long seq = lastSequence(c, code, true);
            Conflict found = null;
            try (PreparedStatement p = c.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM central_conflict"
                    + " WHERE municipality_code = ? AND conflict_id = ?")) {
                p.setString(1, code);
                p.setString(2, conflictId);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        found = conflict(c, r);
                    }
                }
            }
            if (found == null) {
                refuse(t, CentralRefusal.Kind.NOT_FOUND, "no conflict " + conflictId + " in municipality " + code);
            }
            if (!"OPEN".equals(found.state())) {
                throw new CentralRefusal(CentralRefusal.Kind.CONFLICT, "conflict " + conflictId + " was already decided ("
                        + found.state() + ")");
            }
            Long applied = null;
            if (decision.decision().equals("ACCEPT")) {
                Event e = found.pushed();
                Integer base = null;
                Integer next = e.newHistory();
                if (e.aggregateKey() != null && e.baseHistory() != null) {
                    base = currentHistory(c, code, e.aggregateKey());
                    next = base + 1;
                }
                applied = ++seq;
                insertEvent(c, t, e, applied, base, next, now());
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE central_sequence SET last_seq = ? WHERE municipality_code = ?")) {
                    p.setLong(1, applied);
                    p.setString(2, code);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE central_conflict SET state = ?, decided_by = ?,"
                    + " decided_at = ?, note = ?, applied_seq = ? WHERE municipality_code = ? AND conflict_id = ?")) {
                p.setString(1, decision.decision().equals("ACCEPT") ? "ACCEPTED" : "DISCARDED");
                p.setString(2, decision.decidedBy().strip());
                p.setTimestamp(3, Timestamp.from(now()));
                p.setString(4, decision.note() == null ? null : decision.note().strip());
                if (applied == null) {
                    p.setNull(5, Types.BIGINT);
                } else {
                    p.setLong(5, applied);
                }
                p.setString(6, code);
                p.setString(7, conflictId);
                p.executeUpdate();
            }
            LOG.info("Conflict " + conflictId + " of " + code + " decided: " + decision.decision() + " by "
                    + decision.decidedBy().strip());
            try (PreparedStatement p = c.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM central_conflict"
                    + " WHERE municipality_code = ? AND conflict_id = ?")) {
                p.setString(1, code);
                p.setString(2, conflictId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return conflict(c, r);
                }
            }
        });
    }

    // ==== number leases ==========================================================================

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9.]{0,29}");

    @Override
    public LeaseGrant lease(Terminal t, LeaseRequest r) {
        if (r == null || r.kind() == null || !KIND.matcher(r.kind()).matches()) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "kind must be 1 to 30 lower-case letters, digits or dots");
        }
        if (r.size() < 1 || r.size() > SyncProtocol.MAX_LEASE || r.floor() < 1 || r.max() < r.floor()) {
            throw new CentralRefusal(CentralRefusal.Kind.BAD_REQUEST, "lease of " + r.kind() + ": need 1 <= size <= "
                    + SyncProtocol.MAX_LEASE + " and 1 <= floor <= max");
        }
        String code = t.municipalityCode();
        Instant now = now();
        LeaseGrant grant = inMunicipality(code, c -> {
            long next = 0;
            // the counter row is locked until commit: a concurrent lease of the same kind waits for this one
            try (PreparedStatement p = c.prepareStatement("UPDATE central_number_counter SET next_number = next_number"
                    + " WHERE municipality_code = ? AND kind = ?")) {
                p.setString(1, code);
                p.setString(2, r.kind());
                if (p.executeUpdate() == 0) {
                    try (PreparedStatement i = c.prepareStatement(
                            "INSERT INTO central_number_counter (municipality_code, kind, next_number) VALUES (?, ?, 1)")) {
                        i.setString(1, code);
                        i.setString(2, r.kind());
                        i.executeUpdate(); // a concurrent first insert fails with 23505: the transaction is retried
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT next_number FROM central_number_counter WHERE municipality_code = ? AND kind = ?")) {
                p.setString(1, code);
                p.setString(2, r.kind());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    next = rs.getLong(1);
                }
            }
            long first = Math.max(next, r.floor());
            long last = first + r.size() - 1;
            if (last > r.max() || last < first) {
                refuse(t, CentralRefusal.Kind.CONFLICT, "no " + r.size() + " more numbers of " + r.kind() + " below "
                        + r.max() + " for municipality " + code + " (next free: " + first + ")");
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO central_number_lease (municipality_code, lease_id,"
                    + " kind, first_number, last_number, terminal_id, leased_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, code);
                p.setString(2, id);
                p.setString(3, r.kind());
                p.setLong(4, first);
                p.setLong(5, last);
                p.setString(6, t.terminalId());
                p.setTimestamp(7, Timestamp.from(now));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE central_number_counter SET next_number = ?"
                    + " WHERE municipality_code = ? AND kind = ?")) {
                p.setLong(1, last + 1);
                p.setString(2, code);
                p.setString(3, r.kind());
                p.executeUpdate();
            }
            return new LeaseGrant(id, r.kind(), first, last, now.toString());
        });
        LOG.info("Leased " + grant.kind() + " " + grant.first() + ".." + grant.last() + " of " + code + " to terminal "
                + t.terminalId());
        return grant;
    }
}
