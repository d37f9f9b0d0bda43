package jp.kiban.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import jp.kiban.core.address.Address;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.demo.DemoTown;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.LabelDocument;
import jp.kiban.forms.LabelLayout;
import jp.kiban.forms.LabelOptions;
import jp.kiban.forms.LabelProgress;
import jp.kiban.forms.LabelService;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.SchemaMigrations;
import jp.kiban.persistence.Transactions;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Household;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentQuery;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.ResidentStatus;

/**
 * Measures one generated town in this process, through the same OSGi services the desk client and the
 * CLI use: the demo generator builds the town, then counter searches (each beside the same query as
 * plain JDBC), 異動 (仮登録 + 本登録 of 転居), 住民票の写し PDFs and the heap. The database is whatever
 * the {@link Database} service points at: a fresh data folder per town, set up by {@link BenchRunner}.
 * <p>
 * The plain SQL mirrors the query {@code ResidentServiceComponent.search} builds (same tables, same
 * conditions, same order and page size); it reads only, and exists only to give the service a floor.
 * Keep the two in step when the search changes.
 */
public final class TownBench {

    /** What to run for one town. */
    public record Settings(String db, int size, int repeat, int queries, int changes, int certificates, long seed,
            Path businesses, SyncFigures.Central central) {
        public Settings {
            if (size < 1 || repeat < 1 || queries < 1 || changes < 0 || certificates < 0) {
                throw new IllegalArgumentException("size, repeat and queries must be at least 1");
            }
        }
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final int WARM_UP = 20;
    private static final int PAGE = ResidentQuery.MAX_LIMIT;
    /** The counter clerk who is also the supervisor (as in a small office): searches, takes and confirms 異動, issues copies. */
    private static final Operator CLERK = new Operator("bench", "ベンチマーク", "bench",
            Set.of(Role.COUNTER, Role.SUPERVISOR));

    private final ServiceLookup services;
    private final Settings settings;
    private final PrintStream log;
    private final Random random;

    public TownBench(ServiceLookup services, Settings settings, PrintStream log) {
        this.services = services;
        this.settings = settings;
        this.log = log;
        this.random = new Random(settings.seed());
    }

    private record Person(String number, String kana, String kanji, String nameKey, String birth, int birthSort,
            String address, String household) {
    }

    /** Runs every measurement; the figures come in table order. */
    public List<Figure> run() {
        List<Figure> figures = new ArrayList<>();
        String db = settings.db();
        int size = settings.size();
        Database database = services.get(Database.class);
        services.get(SchemaMigrations.class).migrate();
        figures.add(Figure.notMeasured(db, size, "info.database", "Database", "", databaseVersion(database)));
        MunicipalityService towns = services.get(MunicipalityService.class);
        Optional<Municipality> town = towns.current();
        if (town.isPresent() && !town.get().demo()) {
            throw new IllegalStateException("The configured municipality " + town.get().name()
                    + " is a real town: the benchmark only generates residents in the demo town, on a fresh data folder");
        }
        if (town.isEmpty()) {
            towns.configure(Municipality.demoTown());
        }

        log.printf("[%d] generating the town …%n", size);
        DemoTown.Result generated = services.get(DemoTown.class).generate(size, settings.seed(), (done, target) -> {
            if (done % 10_000 < 100) {
                log.printf("[%d]   %d / %d residents%n", size, done, target);
            }
        });
        double seconds = generated.millis() / 1000.0;
        figures.add(Figure.of(db, size, "generate.rate", "Demo town generation", "persons/s",
                new double[] { generated.persons() / Math.max(seconds, 0.001) }, null,
                String.format(Locale.ROOT, "%d persons, %d households, %d changes in %.1f s", generated.persons(),
                        generated.households(), generated.changes(), seconds)));
        figures.add(Figure.of(db, size, "heap.loaded", "Heap used after loading (bench JVM, after GC)", "MB",
                new double[] { usedHeapMb() }, null, "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"));
        diskSize(services.get(KibanEnvironment.class).dataLocation().database()).ifPresent(mb -> figures.add(Figure.of(db,
                size, "disk.database", "Database on disk (Derby folder)", "MB", new double[] { mb }, null, "")));
        figures.addAll(businesses(database));

        List<Person> people = sample(database);
        log.printf("[%d] counter searches (%d queries per kind × %d) …%n", size, settings.queries(), settings.repeat());
        figures.addAll(searches(database, people));
        figures.addAll(accessLog(people));
        log.printf("[%d] 異動 (転居, 仮登録 + 本登録) …%n", size);
        figures.addAll(changes(database));
        log.printf("[%d] 住民票の写し …%n", size);
        figures.addAll(certificates(people));
        log.printf("[%d] 宛名ラベル …%n", size);
        figures.addAll(labels(people));
        figures.addAll(BusinessBatches.measure(services, db, size, settings.repeat(), ZONE, log));
        log.printf("[%d] sync …%n", size);
        figures.addAll(new SyncFigures(services, db, size, settings.central(), log).measure());
        return figures;
    }

    /**
     * The business modules of the p2 repository, installed after the town was generated (as a town installs a
     * feature later), their schemas migrated, then their share of the demo town ({@code DemoTownContribution},
     * e.g. 国保's insured households and incomes), timed.
     */
    private List<Figure> businesses(Database database) {
        String db = settings.db();
        int size = settings.size();
        List<String> installed = Businesses.install(services.context(), settings.businesses(), log);
        if (installed.isEmpty()) {
            return List.of(Figure.notMeasured(db, size, "business.demo", "Business modules: their share of the demo town", "s",
                    settings.businesses() == null ? "no business bundles given (--businesses)"
                            : "no business bundles in " + settings.businesses()));
        }
        log.printf("[%d] business modules installed: %s; their demo data …%n", size, String.join(", ", installed));
        services.get(SchemaMigrations.class).migrate();
        long t = System.nanoTime();
        java.util.Map<String, Integer> added = services.get(DemoTown.class).populateContributions(settings.seed());
        double seconds = (System.nanoTime() - t) / 1e9;
        return List.of(Figure.of(db, size, "business.demo", "Business modules: their share of the demo town", "s",
                new double[] { seconds }, null, "records added " + added + "; installed " + String.join(", ", installed)));
    }

    // ==== counter search =========================================================================

    private enum Kind {
        KANA("search.kana", "Search: フリガナ prefix (family name)"),
        KANJI("search.kanji", "Search: kanji full name"),
        BIRTH("search.birth", "Search: birth date"),
        ADDRESS("search.address", "Search: address (町字 + 番地)"),
        NUMBER("search.number", "Search: 宛名番号");

        final String id;
        final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    private List<Figure> searches(Database database, List<Person> people) {
        List<Figure> out = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        ResidentRegistry registry = services.get(ResidentRegistry.class);
        try (Connection c = database.dataSource().getConnection()) {
            c.setReadOnly(true);
            for (Kind kind : Kind.values()) {
                int n = settings.queries() * settings.repeat();
                List<Person> inputs = pick(people, WARM_UP + n);
                double[] service = new double[n];
                double[] sql = new double[n];
                long hits = 0;
                try (PreparedStatement st = c.prepareStatement(searchSql(kind))) {
                    for (int i = 0; i < inputs.size(); i++) {
                        Person p = inputs.get(i);
                        ResidentQuery q = query(kind, p);
                        // alternate which goes first, so neither always finds the pages the other just read
                        long a;
                        long b;
                        if (i % 2 == 0) {
                            a = time(() -> registry.search(CLERK, q).hits().size());
                            b = time(() -> plain(st, kind, p, today));
                        } else {
                            b = time(() -> plain(st, kind, p, today));
                            a = time(() -> registry.search(CLERK, q).hits().size());
                        }
                        if (i >= WARM_UP) {
                            service[i - WARM_UP] = a / 1e6;
                            sql[i - WARM_UP] = b / 1e6;
                            hits += lastHits;
                        }
                    }
                }
                Figure plainSql = Figure.of(settings.db(), settings.size(), kind.id, kind.label, "ms", sql, null, "");
                out.add(Figure.of(settings.db(), settings.size(), kind.id, kind.label, "ms", service, plainSql.p50(),
                        String.format(Locale.ROOT, "%.1f hits per query (page of at most %d); plain SQL p95 %.2f ms",
                                hits / (double) n, PAGE, plainSql.p95() == null ? plainSql.max() : plainSql.p95())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Plain SQL search failed: " + e.getMessage(), e);
        }
        return out;
    }

    private int lastHits;

    private long time(java.util.function.IntSupplier work) {
        long t = System.nanoTime();
        lastHits = work.getAsInt();
        return System.nanoTime() - t;
    }

    private static ResidentQuery query(Kind kind, Person p) {
        ResidentQuery.Builder b = ResidentQuery.builder();
        return switch (kind) {
        case KANA -> b.name(p.kana()).build();
        case KANJI -> b.name(p.kanji()).build();
        case BIRTH -> b.birthDate(RecordedDate.fromStorageString(p.birth())).build();
        case ADDRESS -> b.address(p.address()).build();
        case NUMBER -> b.addresseeNumber(AddresseeNumber.of(p.number())).build();
        };
    }

    /**
     * The first of the two statements ResidentServiceComponent.search runs for one criterion (its JPQL, as
     * EclipseLink writes it): the keys of the page. The second reads the page's rows ({@link #rowsSql}).
     */
    static String searchSql(Kind kind) {
        String criterion = switch (kind) {
        case KANA -> "s.furigana_key LIKE ? ESCAPE '\\'";
        case KANJI -> "s.name_key LIKE ? ESCAPE '\\'";
        case BIRTH -> "s.birth_sort = ? AND s.birth_date = ?";
        case ADDRESS -> "s.address_key LIKE ? ESCAPE '\\'";
        case NUMBER -> "s.addressee_number = ?";
        };
        return "SELECT s.addressee_number, s.history_number FROM resident_snapshot s, resident_person p"
                + " WHERE p.addressee_number = s.addressee_number AND p.current_history = s.history_number"
                + " AND (s.status = 'RESIDENT' OR (s.status = 'MOVING_OUT' AND s.planned_move_out > ?))"
                + " AND " + criterion + " ORDER BY s.furigana_key, s.addressee_number"
                + " OFFSET 0 ROWS FETCH NEXT " + (PAGE + 1) + " ROWS ONLY";
    }

    /** The second statement: every column of the snapshots of the page's persons (filtered to the page's keys in Java). */
    static String rowsSql(int persons) {
        return "SELECT * FROM resident_snapshot WHERE addressee_number IN ("
                + String.join(",", Collections.nCopies(persons, "?")) + ")";
    }

    /** Runs the two plain statements and reads every column of the page's rows, as the mapping to entities would. */
    private static int plain(PreparedStatement st, Kind kind, Person p, LocalDate today) {
        try {
            st.setDate(1, java.sql.Date.valueOf(today));
            switch (kind) {
            case KANA -> st.setString(2, likeContains(p.kana()));
            case KANJI -> st.setString(2, likeContains(p.nameKey()));
            case BIRTH -> {
                st.setInt(2, p.birthSort());
                st.setString(3, p.birth());
            }
            case ADDRESS -> st.setString(2, likeContains(p.address()));
            case NUMBER -> st.setString(2, p.number());
            }
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next() && keys.size() < PAGE) {
                    keys.add(rs.getString(1) + "/" + rs.getInt(2));
                }
            }
            if (keys.isEmpty()) {
                return 0;
            }
            List<String> persons = keys.stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().toList();
            Set<String> wanted = new java.util.HashSet<>(keys);
            int rows = 0;
            try (PreparedStatement page = st.getConnection().prepareStatement(rowsSql(persons.size()))) {
                for (int i = 0; i < persons.size(); i++) {
                    page.setString(i + 1, persons.get(i));
                }
                try (ResultSet rs = page.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int k = 1; k <= columns; k++) {
                            row[k - 1] = rs.getObject(k);
                        }
                        if (wanted.contains(((String) row[0]).strip() + "/" + ((Number) row[1]).intValue())) {
                            rows++;
                        }
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Plain SQL search failed: " + e.getMessage(), e);
        }
    }

    /** As the resident base escapes LIKE input (its queries use ESCAPE '\'). */
    static String likeContains(String key) {
        return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Search inputs taken from the register itself: people on the register today, in random order. */
    private List<Person> sample(Database database) {
        String sql = "SELECT s.addressee_number, s.furigana, s.family_name, s.given_name, s.name_key, s.birth_date,"
                + " s.birth_sort, s.address_key, s.household_number FROM resident_snapshot s, resident_person p"
                + " WHERE p.addressee_number = s.addressee_number AND p.current_history = s.history_number"
                + " AND s.status = 'RESIDENT'";
        List<Person> people = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String furigana = rs.getString(2);
                int space = furigana.indexOf('\u3000');
                String nameKey = rs.getString(5);
                int bar = nameKey.indexOf('|');
                String address = rs.getString(8);
                int lot = address.indexOf("番地");
                people.add(new Person(rs.getString(1).strip(), space < 0 ? furigana : furigana.substring(0, space),
                        rs.getString(3) + rs.getString(4), bar < 0 ? nameKey : nameKey.substring(0, bar), rs.getString(6),
                        rs.getInt(7), lot < 0 ? address : address.substring(0, lot + 2), rs.getString(9).strip()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read search inputs: " + e.getMessage(), e);
        }
        if (people.isEmpty()) {
            throw new IllegalStateException("The generated town has nobody on the register");
        }
        return people;
    }

    private List<Person> pick(List<Person> people, int count) {
        List<Person> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(people.get(random.nextInt(people.size())));
        }
        return out;
    }

    // ==== access log ==============================================================================

    /**
     * What a read pays for its access-log entry: {@code AccessLog.record} of a search-like entry naming one person
     * (its own transaction: head row lock, chain hash, entry, persons, sync outbox entry, commit), beside the floor
     * of any write transaction on this database (one no-op UPDATE of the log's head row and a commit).
     */
    private List<Figure> accessLog(List<Person> people) {
        String db = settings.db();
        int size = settings.size();
        String label = "Access log: one entry (search of one person)";
        Optional<AccessLog> found = services.find(AccessLog.class, 5_000);
        if (found.isEmpty()) {
            return List.of(Figure.notMeasured(db, size, "access.entry", label, "ms", "not measured: no access log installed"));
        }
        AccessLog accessLog = found.get();
        Transactions tx = services.get(Transactions.class);
        int n = settings.queries() * settings.repeat();
        double[] entry = new double[n];
        double[] commit = new double[n];
        List<Person> inputs = pick(people, WARM_UP + n);
        for (int i = 0; i < inputs.size(); i++) {
            AccessEvent e = AccessEvent.of(CLERK, AccessKind.SEARCH, "bench.search", List.of(inputs.get(i).number()), false,
                    "bench");
            long t = System.nanoTime();
            accessLog.record(e);
            long a = System.nanoTime() - t;
            t = System.nanoTime();
            tx.requiredRun(em -> em.createNativeQuery("UPDATE security_access_head SET last_seq = last_seq WHERE id = 1")
                    .executeUpdate());
            long b = System.nanoTime() - t;
            if (i >= WARM_UP) {
                entry[i - WARM_UP] = a / 1e6;
                commit[i - WARM_UP] = b / 1e6;
            }
        }
        Figure floor = Figure.of(db, size, "access.commit", "Write transaction floor (one no-op UPDATE, commit)", "ms", commit,
                null, "");
        return List.of(Figure.of(db, size, "access.entry", label, "ms", entry,
                floor.p50(), String.format(Locale.ROOT, "AccessLog.record as a search writes it; SQL p50 = a write transaction"
                        + " with one no-op UPDATE and its commit (p95 %.2f ms)", floor.p95() == null ? floor.max() : floor.p95())));
    }

    // ==== 異動 ===================================================================================

    /**
     * 転居 of whole households, each taken (仮登録) and confirmed (本登録) as at the counter: two
     * transactions per change, history appended, event posted. Each household moves once.
     */
    private List<Figure> changes(Database database) {
        String db = settings.db();
        int size = settings.size();
        if (settings.changes() == 0) {
            return List.of(Figure.notMeasured(db, size, "change.rate", "異動 throughput (転居, 仮登録 + 本登録)",
                    "changes/s", "skipped (--changes 0)"));
        }
        ResidentRegistry registry = services.get(ResidentRegistry.class);
        ResidentChanges changes = services.get(ResidentChanges.class);
        List<String> households = new ArrayList<>(householdNumbers(database));
        Collections.shuffle(households, random);
        LocalDate today = LocalDate.now(ZONE);
        double[] rates = new double[settings.repeat()];
        List<Double> latencies = new ArrayList<>();
        int next = 0;
        int refused = 0;
        int persons = 0;
        int done = 0;
        for (int r = 0; r < settings.repeat(); r++) {
            long spent = 0;
            int count = 0;
            while (count < settings.changes() && next < households.size()) {
                Household h = registry.household(CLERK, HouseholdNumber.of(households.get(next++)));
                if (h.members().isEmpty() || h.members().stream().anyMatch(m -> m.status() != ResidentStatus.RESIDENT)) {
                    continue;
                }
                ResidentRecord first = h.members().get(0);
                Address from = first.address();
                Address to = Address.of(from.prefecture(), from.municipality(), from.town(),
                        (41 + random.nextInt(40)) + "番地" + (1 + random.nextInt(20)));
                ChangeRequest move = ChangeRequest.MoveWithinTown.of(today, today,
                        h.members().stream().map(ResidentRecord::addresseeNumber).toList(), to, first.postalCode());
                long t = System.nanoTime();
                try {
                    ChangeResult registered = changes.register(CLERK, move);
                    changes.confirm(CLERK, registered.changeId());
                } catch (RuntimeException e) {
                    refused++;
                    if (refused <= 3) {
                        log.printf("[%d]   転居 refused: %s%n", size, e.getMessage());
                    }
                    continue;
                }
                long took = System.nanoTime() - t;
                spent += took;
                latencies.add(took / 1e6);
                persons += h.members().size();
                count++;
            }
            rates[r] = count == 0 ? 0 : count / (spent / 1e9);
            done += count;
        }
        // the sync outbox entry is written in the change's transaction when jp.kiban.sync.impl runs
        String outbox = services.active("jp.kiban.sync.impl") ? "with history and sync outbox" : "with history, no sync outbox";
        String note = String.format(Locale.ROOT, "%d changes (%d persons, %.1f per change), %d refused; %s",
                done, persons, done == 0 ? 0.0 : persons / (double) done, refused, outbox);
        return List.of(
                Figure.of(db, size, "change.rate", "異動 throughput (転居, 仮登録 + 本登録)", "changes/s",
                        done == 0 ? new double[0] : rates, null, done == 0 ? "no household could move: " + note : note),
                Figure.of(db, size, "change.latency", "異動: one 転居 registered and confirmed", "ms",
                        latencies.stream().mapToDouble(Double::doubleValue).toArray(), null, ""));
    }

    private static Set<String> householdNumbers(Database database) {
        Set<String> out = new LinkedHashSet<>();
        String sql = "SELECT DISTINCT s.household_number FROM resident_snapshot s, resident_person p"
                + " WHERE p.addressee_number = s.addressee_number AND p.current_history = s.history_number"
                + " AND s.status = 'RESIDENT' AND p.pending_change_id IS NULL";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1).strip());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read households: " + e.getMessage(), e);
        }
        return out;
    }

    // ==== 住民票の写し ============================================================================

    private List<Figure> certificates(List<Person> people) {
        String db = settings.db();
        int size = settings.size();
        Optional<CertificateService> service = services.find(CertificateService.class, 30_000);
        if (service.isEmpty()) {
            return List.of(Figure.notMeasured(db, size, "cert.time", "住民票の写し (household, PDF)", "ms",
                    "not available: no CertificateService"));
        }
        if (settings.certificates() == 0) {
            return List.of(Figure.notMeasured(db, size, "cert.time", "住民票の写し (household, PDF)", "ms",
                    "skipped (--certificates 0)"));
        }
        Function<Person, IssuedCertificate> issue = p -> service.get().residentCopy(CLERK,
                AddresseeNumber.of(p.number()), ResidentCopyOptions.wholeHousehold().withRelationship());
        List<Person> inputs = pick(people, 1 + settings.certificates() * settings.repeat());
        long t = System.nanoTime();
        IssuedCertificate first = issue.apply(inputs.get(0));
        double cold = (System.nanoTime() - t) / 1e6;
        int n = inputs.size() - 1;
        double[] times = new double[n];
        double[] kb = new double[n];
        int pages = 0;
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            IssuedCertificate c = issue.apply(inputs.get(i + 1));
            times[i] = (System.nanoTime() - s) / 1e6;
            kb[i] = c.pdf().length / 1024.0;
            pages += c.pages();
        }
        return List.of(
                Figure.of(db, size, "cert.first", "住民票の写し: first of the run (fonts loaded)", "ms", new double[] { cold },
                        null, first.pdf().length / 1024 + " KB"),
                Figure.of(db, size, "cert.time", "住民票の写し (household, 続柄, PDF)", "ms", times, null,
                        String.format(Locale.ROOT, "%.2f pages per copy", n == 0 ? 0.0 : pages / (double) n)),
                Figure.of(db, size, "cert.size", "住民票の写し: PDF size (IPAmj明朝 subset)", "KB", kb, null, ""));
    }

    // ==== 宛名ラベル ===============================================================================

    static final int LABELS = 1000;

    /** 1,000 different people on 24面 sheets in the town's writing, as a mailing from the register would. */
    private List<Figure> labels(List<Person> people) {
        String db = settings.db();
        int size = settings.size();
        String label = "1,000 宛名ラベル (24面 A4 sheets, PDF)";
        Optional<LabelService> service = services.find(LabelService.class, 10_000);
        if (service.isEmpty()) {
            return List.of(Figure.notMeasured(db, size, "labels.1000", label, "s", "not available: no LabelService installed"));
        }
        double[] seconds = new double[settings.repeat()];
        LabelDocument last = null;
        int count = 0;
        for (int r = 0; r < settings.repeat(); r++) {
            List<Person> shuffled = new ArrayList<>(people);
            Collections.shuffle(shuffled, random);
            List<AddresseeNumber> numbers = shuffled.stream().limit(LABELS).map(p -> AddresseeNumber.of(p.number())).toList();
            count = numbers.size();
            long t = System.nanoTime();
            last = service.get().labels(CLERK, numbers, LabelOptions.of(LabelLayout.SHEET_24), LabelProgress.NONE);
            seconds[r] = (System.nanoTime() - t) / 1e9;
        }
        String note = String.format(Locale.ROOT, "%d labels on %d pages, %d KB%s", last.labels(), last.pages(),
                last.pdf().length / 1024, count < LABELS ? "; the town has only " + count + " people on the register" : "");
        return List.of(Figure.of(db, size, "labels.1000", label, "s", seconds, null, note));
    }

    // ==== helpers ================================================================================

    private static String databaseVersion(Database database) {
        try (Connection c = database.dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return database.dialect().displayName() + " (version unknown: " + e.getMessage() + ")";
        }
    }

    static double usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }

    /** Size of the embedded database folder, if this run uses one. */
    private static Optional<Double> diskSize(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
            return bytes == 0 ? Optional.empty() : Optional.of(bytes / (1024.0 * 1024.0));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
