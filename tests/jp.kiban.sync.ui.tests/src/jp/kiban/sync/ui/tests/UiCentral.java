package jp.kiban.sync.ui.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jp.kiban.central.impl.CentralSchema;
import jp.kiban.central.impl.CentralStoreImpl;
import jp.kiban.central.impl.SyncHttpComponent;
import jp.kiban.central.impl.SyncServlet;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.SqlMigrator;
import jp.kiban.sync.protocol.SyncProtocol.TerminalCredential;

/**
 * The central server the desk client under test syncs with: the real central store on its own in-memory Derby,
 * the real sync servlet on the OSGi whiteboard (Felix HTTP on Jetty) at {@code /central/api/v1}, the address the
 * test product is configured with ({@code sync.url}, {@code sync.token}). It is not there until {@link #start()}.
 * Every request that reaches it is counted.
 */
final class UiCentral {
    static final String TOKEN = "ui-test-terminal-token";
    static final String TOWN = "139998";

    private static UiCentral instance;

    final Databases.CloseableDatabase db;
    final CentralStoreImpl store;
    final AtomicInteger requests = new AtomicInteger();
    /** Latency added to every pull (a slow line), so that a download's progress can be seen. */
    volatile long pullDelayMillis;
    final TerminalCredential desk;
    private ServiceRegistration<Servlet> registration;

    static synchronized UiCentral get() throws Exception {
        if (instance == null) {
            instance = new UiCentral();
        }
        return instance;
    }

    private UiCentral() throws Exception {
        db = Databases.derby("memory:ui-central-" + UUID.randomUUID());
        Bundle impl = FrameworkUtil.getBundle(CentralSchema.class);
        new SqlMigrator(db, () -> BundleScripts.load(impl, new CentralSchema(), db.dialect())).migrate();
        store = new CentralStoreImpl(db, CentralStoreImpl.DEFAULT_APP_ROLE);
        store.prepare();
        // the desk under test was started with a fixed token: give the registered terminal that token
        desk = store.registerTerminal(TOWN, "デモ町 窓口（画面テスト）");
        execute("UPDATE central_terminal SET token_hash = ? WHERE terminal_id = ?", sha256(TOKEN), desk.terminalId());
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The API root, as a terminal is configured with it. */
    String apiUrl() {
        return "http://127.0.0.1:" + Integer.getInteger("org.osgi.service.http.port") + "/central/api/v1/";
    }

    synchronized void start() {
        if (registration != null) {
            return;
        }
        BundleContext context = FrameworkUtil.getBundle(UiCentral.class).getBundleContext();
        SyncServlet api = new SyncServlet(store, () -> "");
        registration = context.registerService(Servlet.class, new Counting(api), SyncHttpComponent.whiteboard("/central",
                "kiban-sync-ui-test"));
    }

    synchronized void stop() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    void execute(String sql, Object... args) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
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

    /** Events the central store holds from the desk under test. */
    long eventsFromDesk() throws Exception {
        return count("SELECT COUNT(*) FROM central_event WHERE terminal_id = ?", desk.terminalId());
    }

    /** Counts every request, then hands it to the real servlet. */
    private final class Counting extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient SyncServlet inner;

        Counting(SyncServlet inner) {
            this.inner = inner;
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            inner.init(config);
        }

        @Override
        public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
            requests.incrementAndGet();
            if (pullDelayMillis > 0 && req instanceof HttpServletRequest h && h.getRequestURI().endsWith("/pull")) {
                try {
                    Thread.sleep(pullDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inner.service(req, res);
        }
    }
}
