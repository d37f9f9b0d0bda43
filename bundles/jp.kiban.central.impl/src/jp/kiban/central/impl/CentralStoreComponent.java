package jp.kiban.central.impl;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.central.CentralStore;
import jp.kiban.central.Terminal;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.SchemaMigrations;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.sync.protocol.SyncProtocol.Conflict;
import jp.kiban.sync.protocol.SyncProtocol.Decision;
import jp.kiban.sync.protocol.SyncProtocol.Event;
import jp.kiban.sync.protocol.SyncProtocol.EventPage;
import jp.kiban.sync.protocol.SyncProtocol.LeaseGrant;
import jp.kiban.sync.protocol.SyncProtocol.LeaseRequest;
import jp.kiban.sync.protocol.SyncProtocol.PushResponse;
import jp.kiban.sync.protocol.SyncProtocol.TerminalCredential;
import jp.kiban.sync.protocol.SyncProtocol.TerminalInfo;

/**
 * The central store on the installation's database ({@code db.type}/{@code db.url}: Derby in the data
 * folder by default, PostgreSQL in production). Migrations are applied on first use when
 * {@code db.migrate=auto}; on PostgreSQL the role of setting {@code central.db.role} (default
 * {@value CentralStoreImpl#DEFAULT_APP_ROLE}) is prepared for row-level security.
 */
@Component(service = CentralStore.class)
public class CentralStoreComponent implements CentralStore {

    @Reference
    private Database database;
    @Reference
    private SchemaMigrations migrations;
    @Reference
    private KibanEnvironment environment;

    private CentralStoreImpl store;

    /** Migrates and prepares at start, so that the first terminal does not wait for it; a failure is retried on use. */
    @Activate
    void activate() {
        try {
            store();
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(CentralStoreComponent.class.getName())
                    .severe("The central store is not ready: " + e.getMessage());
        }
    }

    private synchronized CentralStoreImpl store() {
        if (store == null) {
            if ("auto".equalsIgnoreCase(environment.setting("db.migrate", "auto"))) {
                migrations.migrate();
            }
            CentralStoreImpl s = new CentralStoreImpl(database,
                    environment.setting("central.db.role", CentralStoreImpl.DEFAULT_APP_ROLE).strip());
            s.prepare();
            store = s;
        }
        return store;
    }

    @Override
    public Optional<Terminal> authenticate(String token) {
        return store().authenticate(token);
    }

    @Override
    public TerminalCredential registerTerminal(String municipalityCode, String name) {
        return store().registerTerminal(municipalityCode, name);
    }

    @Override
    public boolean revokeTerminal(String terminalId) {
        return store().revokeTerminal(terminalId);
    }

    @Override
    public TerminalInfo info(Terminal terminal) {
        return store().info(terminal);
    }

    @Override
    public PushResponse push(Terminal terminal, List<Event> events) {
        return store().push(terminal, events);
    }

    @Override
    public EventPage pull(Terminal terminal, long since, int max) {
        return store().pull(terminal, since, max);
    }

    @Override
    public EventPage replica(Terminal terminal, long after, int max) {
        return store().replica(terminal, after, max);
    }

    @Override
    public List<Conflict> conflicts(Terminal terminal, boolean openOnly) {
        return store().conflicts(terminal, openOnly);
    }

    @Override
    public Conflict decide(Terminal terminal, String conflictId, Decision decision) {
        return store().decide(terminal, conflictId, decision);
    }

    @Override
    public LeaseGrant lease(Terminal terminal, LeaseRequest request) {
        return store().lease(terminal, request);
    }
}
