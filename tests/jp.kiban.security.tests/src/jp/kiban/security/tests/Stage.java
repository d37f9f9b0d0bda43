package jp.kiban.security.tests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.FrameworkUtil;

import jakarta.persistence.EntityManagerFactory;
import jp.kiban.persistence.impl.JpaUnit;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.EntityManagerTransactions;
import jp.kiban.persistence.impl.SqlMigrator;
import jp.kiban.platform.DataLocation;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.security.NewUser;
import jp.kiban.security.impl.AccessLogComponent;
import jp.kiban.security.impl.SecuritySchema;
import jp.kiban.security.impl.Totp;
import jp.kiban.security.impl.UsersComponent;

/**
 * The security components outside DS over a fresh database of one engine, with a clock the test
 * moves and settings it chooses.
 */
final class Stage implements AutoCloseable {
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final Operator ADMIN = new Operator("admin", "管理者", "admin-01", Set.of(Role.ADMINISTRATOR));
    static final Operator AUDITOR = new Operator("audit", "監査 一郎", "audit-01", Set.of(Role.AUDITOR));
    static final Operator CLERK = new Operator("clerk", "窓口 花子", "counter-01", Set.of(Role.COUNTER));

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Databases.CloseableDatabase db;
    final EntityManagerFactory emf;
    final TestClock clock = new TestClock(Instant.parse("2026-06-03T01:00:00Z")); // a Wednesday, 10:00 in Japan
    final Map<String, String> settings = new HashMap<>(Map.of("security.pbkdf2.iterations", "10000"));
    final AccessLogComponent log;
    final UsersComponent users;

    /** Outbox events appended by the log. */
    final java.util.List<jp.kiban.sync.OutboxEvent> shipped = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Collects what would go to the central store (a proxy: only {@code append} is used by the log). */
    private jp.kiban.sync.Outbox recordingOutbox() {
        return (jp.kiban.sync.Outbox) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { jp.kiban.sync.Outbox.class }, (proxy, method, args) -> {
                    if (method.getName().equals("append")) {
                        shipped.add((jp.kiban.sync.OutboxEvent) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    Stage(Databases.CloseableDatabase db) {
        this.db = db;
        SecuritySchema schema = new SecuritySchema();
        new SqlMigrator(db, () -> BundleScripts.load(FrameworkUtil.getBundle(SecuritySchema.class), schema, db.dialect()))
                .migrate();
        emf = JpaUnit.create(db, schema.entityClasses());
        EntityManagerTransactions tx = new EntityManagerTransactions(() -> emf);
        KibanEnvironment env = new KibanEnvironment() {
            @Override
            public DataLocation dataLocation() {
                return null;
            }

            @Override
            public Optional<String> setting(String key) {
                return Optional.ofNullable(settings.get(key));
            }

            @Override
            public String productVersion() {
                return "test";
            }
        };
        log = AccessLogComponent.create(tx, env, clock, recordingOutbox());
        users = UsersComponent.create(tx, env, log, null, clock, new Totp());
    }

    static NewUser user(String id, Set<Role> roles, String password) {
        return new NewUser(id, "氏名 " + id, "", roles, Set.of(), password.toCharArray());
    }

    /** Runs one statement on the database directly, as someone with database access would. */
    int sql(String statement, Object... params) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p.executeUpdate();
        }
    }

    @Override
    public void close() throws Exception {
        emf.close();
        db.close();
    }
}
