package jp.kiban.sync.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.Servlet;
import jp.kiban.persistence.impl.JpaUnit;
import jp.kiban.central.impl.CentralSchema;
import jp.kiban.central.impl.CentralStoreImpl;
import jp.kiban.central.impl.SyncHttpComponent;
import jp.kiban.central.impl.SyncServlet;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.EntityManagerTransactions;
import jp.kiban.persistence.impl.SqlMigrator;
import jp.kiban.sync.OutboxEntry;
import jp.kiban.sync.OutboxEvent;
import jp.kiban.addressee.impl.AddresseeNumbersComponent;
import jp.kiban.addressee.impl.AddresseeSchema;
import jp.kiban.resident.impl.ResidentSchema;
import jp.kiban.resident.impl.ResidentReplicaComponent;
import jp.kiban.resident.impl.ResidentServiceComponent;
import jp.kiban.resident.impl.SupportMeasuresComponent;
import jp.kiban.sync.impl.InboxStore;
import jp.kiban.sync.impl.NumberLeaseComponent;
import jp.kiban.sync.impl.NumberLeaseStore;
import jp.kiban.sync.impl.OutboxComponent;
import jp.kiban.sync.impl.ReplicaFeed;
import jp.kiban.sync.impl.SyncClient;
import jp.kiban.sync.impl.SyncSchema;
import jp.kiban.sync.protocol.SyncProtocol.TerminalCredential;
import jp.kiban.testing.db.TestDatabases;

/**
 * A central server and terminals in this test framework: the central store on a fresh database, served by
 * the real HTTP stack (Felix HTTP on Jetty, port {@code org.osgi.service.http.port}) under a path of its
 * own; each terminal with its own Derby database, outbox, inbox and sync client.
 */
final class SyncWorld {

    static final String TOWN_A = "139998"; // デモ町
    static final String TOWN_B = "131016"; // 千代田区

    static BundleContext context() {
        return FrameworkUtil.getBundle(SyncWorld.class).getBundleContext();
    }

    static int port() {
        return Integer.getInteger("org.osgi.service.http.port");
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** GET or POST with a bearer token; returns status and body. */
    static HttpResponse<String> http(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (bounded) until the API under {@code api} answers (401 without a token) instead of 404 / no connection. */
    static void awaitServing(String api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http("GET", api + "terminal", null, null).statusCode() == 401) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the server is starting
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the central API at " + api + " did not come up within 20 s");
    }

    /** The central server: its store on a fresh database, its servlet on the whiteboard. */
    static final class Central implements AutoCloseable {
        final Databases.CloseableDatabase db;
        final CentralStoreImpl store;
        final String api;
        private final String prefix = "/c" + UUID.randomUUID().toString().substring(0, 8);
        private ServiceRegistration<Servlet> registration;

        Central(Dialect dialect) throws Exception {
            db = TestDatabases.fresh(dialect);
            Bundle impl = FrameworkUtil.getBundle(CentralSchema.class);
            new SqlMigrator(db, () -> BundleScripts.load(impl, new CentralSchema(), db.dialect())).migrate();
            store = new CentralStoreImpl(db, CentralStoreImpl.DEFAULT_APP_ROLE);
            store.prepare();
            api = baseUrl() + prefix + "/api/v1/";
            start();
        }

        void start() throws Exception {
            registration = context().registerService(Servlet.class, new SyncServlet(store, () -> "admin-" + prefix),
                    SyncHttpComponent.whiteboard(prefix, "kiban-sync" + prefix));
            awaitServing(api);
        }

        /** The API goes away (its path answers 404) until {@link #start()}. */
        void stop() {
            registration.unregister();
            registration = null;
        }

        TerminalCredential register(String town, String name) {
            return store.registerTerminal(town, name);
        }

        long count(String sql, Object... args) throws Exception {
            try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }

        @Override
        public void close() {
            if (registration != null) {
                registration.unregister();
            }
            db.close();
        }
    }

    /**
     * A desk terminal: own Derby database with the sync tables, outbox, inbox and a sync client, and the
     * addressee base and resident register over the same database (numbers from this terminal's leases,
     * confirmed changes to its outbox), as on a real terminal attached to a central server.
     */
    static final class Terminal implements AutoCloseable {
        final String town;
        final TerminalCredential credential;
        final Databases.CloseableDatabase db;
        final EntityManagerFactory emf;
        final EntityManagerTransactions tx;
        final OutboxComponent outbox;
        final InboxStore inbox;
        final NumberLeaseStore leaseStore;
        final NumberLeaseComponent leases;
        final AddresseeNumbersComponent numbers;
        final ResidentServiceComponent register;
        final SupportMeasuresComponent support;
        SyncClient client;

        Terminal(Central central, String town, String name) throws Exception {
            this.town = town;
            credential = central.register(town, name);
            db = Databases.derby("memory:term" + UUID.randomUUID().toString().replace("-", ""));
            SyncSchema schema = new SyncSchema();
            new SqlMigrator(db, () -> BundleScripts.load(FrameworkUtil.getBundle(SyncSchema.class), schema, db.dialect()))
                    .migrate();
            AddresseeSchema addressee = new AddresseeSchema();
            new SqlMigrator(db, () -> BundleScripts.load(FrameworkUtil.getBundle(AddresseeSchema.class), addressee,
                    db.dialect())).migrate();
            ResidentSchema resident = new ResidentSchema();
            new SqlMigrator(db, () -> BundleScripts.load(FrameworkUtil.getBundle(ResidentSchema.class), resident,
                    db.dialect())).migrate();
            List<Class<?>> entities = new ArrayList<>(schema.entityClasses());
            entities.addAll(addressee.entityClasses());
            entities.addAll(resident.entityClasses());
            emf = JpaUnit.create(db, entities);
            tx = new EntityManagerTransactions(() -> emf);
            outbox = OutboxComponent.create(tx, () -> Optional.of(town));
            inbox = new InboxStore(tx);
            leaseStore = new NumberLeaseStore(tx);
            leases = NumberLeaseComponent.create(tx, () -> true);
            numbers = AddresseeNumbersComponent.create(tx, leases);
            register = ResidentServiceComponent.create(tx, numbers, outbox);
            support = SupportMeasuresComponent.create(tx, outbox);
            client = newClient(central.api);
        }

        /** A sync client that applies pulled resident changes to this terminal's register, as the product does. */
        SyncClient newClient(String api) {
            return new SyncClient(URI.create(api), credential.token(), outbox, inbox, Duration.ofSeconds(10))
                    .useReplica(feed());
        }

        ReplicaFeed feed() {
            return new ReplicaFeed(inbox, outbox, () -> List.of(ResidentReplicaComponent.of(register)));
        }

        /** A change to one person (宛名番号 {@code key}) from 履歴番号 {@code base} to base + 1, alone in its group. */
        OutboxEntry edit(String key, int base, String what) {
            return outbox.append(new OutboxEvent("resident.snapshot", UUID.randomUUID().toString(), key, base, base + 1,
                    Map.of("addressee_number", key, "history_number", base + 1, "what", what)));
        }

        /** A change of several people in one group (e.g. a household's 転入). */
        List<OutboxEntry> household(String... keys) {
            String group = UUID.randomUUID().toString();
            return tx.required(em -> {
                List<OutboxEntry> out = new ArrayList<>();
                for (String k : keys) {
                    out.add(outbox.append(new OutboxEvent("resident.snapshot", group, k, 0, 1, Map.of("addressee_number", k))));
                }
                return out;
            });
        }

        @Override
        public void close() {
            emf.close();
            db.close();
        }
    }

    /** Collects the central server's refusals from its log. */
    static final class Refusals extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("jp.kiban.central");
        final List<String> messages = new CopyOnWriteArrayList<>();

        Refusals() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue() && String.valueOf(r.getMessage()).startsWith("Refused")) {
                messages.add(r.getMessage());
            }
        }

        void assertLogged(int before, String fragment) {
            assertTrue(messages.size() > before && messages.subList(before, messages.size()).stream()
                    .anyMatch(m -> m.contains(fragment)), "refusal with '" + fragment + "' logged; log: " + messages);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    private SyncWorld() {
    }
}
