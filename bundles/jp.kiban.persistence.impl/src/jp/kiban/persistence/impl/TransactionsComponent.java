package jp.kiban.persistence.impl;

import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.MigrationException;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.SchemaContribution;
import jp.kiban.persistence.SchemaMigrations;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.KibanEnvironment;

/**
 * The EntityManagerFactory component and the transaction helper. Applies pending migrations at start
 * when {@code db.migrate=auto} (the default of the desk client and the server; the CLI sets
 * {@code manual} so that {@code db status} only reads). The EntityManagerFactory is built on first
 * use and rebuilt when a bundle with entities comes or goes.
 */
@Component(service = Transactions.class, immediate = true)
public class TransactionsComponent implements Transactions {
    private static final System.Logger LOG = System.getLogger(TransactionsComponent.class.getName());

    @Reference
    private Database database;
    @Reference
    private SchemaMigrations migrations;
    @Reference
    private KibanEnvironment environment;

    private final Contributions contributions = new Contributions();
    private final EntityManagerTransactions transactions = new EntityManagerTransactions(this::factory, this::released);
    private EntityManagerFactory emf;
    /**
     * Open transactions per factory. A contribution that arrives (a bundle started late) replaces the
     * factory; the old one is closed only when its last transaction has ended, because closing it
     * closes the entity managers of transactions still running on other threads.
     */
    private final java.util.Map<EntityManagerFactory, Integer> inUse = new java.util.IdentityHashMap<>();
    private final java.util.Set<EntityManagerFactory> retired = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());
    private volatile boolean active;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(SchemaContribution c, ServiceReference<SchemaContribution> ref) {
        contributions.add(c, ref.getBundle());
        invalidate();
    }

    void removeContribution(SchemaContribution c) {
        contributions.remove(c);
        invalidate();
    }

    @Activate
    void activate() {
        active = true;
        if (autoMigrate()) {
            try {
                ensureSchema();
            } catch (RuntimeException e) {
                // Kept visible: every later use throws with this message, and the shell shows it.
                LOG.log(System.Logger.Level.ERROR, "Schema migration at start failed: " + e.getMessage(), e);
            }
        }
    }

    @Deactivate
    void deactivate() {
        active = false;
        invalidate();
    }

    private boolean autoMigrate() {
        return "auto".equalsIgnoreCase(environment.setting("db.migrate", "auto"));
    }

    private void ensureSchema() {
        if (autoMigrate()) {
            migrations.migrate();
            return;
        }
        List<MigrationInfo> notApplied = migrations.status().stream()
                .filter(m -> !m.state().acceptable()).toList();
        if (!notApplied.isEmpty()) {
            throw new MigrationException("The database schema is not up to date (" + notApplied.size()
                    + " migration(s) not applied): run 'kiban cli db migrate'");
        }
    }

    private synchronized EntityManagerFactory factory() {
        if (!active) {
            throw new IllegalStateException("The persistence component is stopping");
        }
        if (emf == null) {
            ensureSchema();
            emf = JpaUnit.create(database, new HashSet<>(contributions.entityClasses()));
        }
        inUse.merge(emf, 1, Integer::sum);
        return emf;
    }

    private synchronized void released(EntityManagerFactory factory) {
        int left = inUse.merge(factory, -1, Integer::sum);
        if (left <= 0) {
            inUse.remove(factory);
            if (retired.remove(factory)) {
                factory.close();
            }
        }
    }

    private synchronized void invalidate() {
        if (emf != null) {
            if (inUse.containsKey(emf)) {
                retired.add(emf); // closed by released() when its last transaction ends
            } else {
                emf.close();
            }
            emf = null;
        }
    }

    @Override
    public <T> T required(Function<EntityManager, T> work) {
        return transactions.required(work);
    }

    @Override
    public <T> T readOnly(Function<EntityManager, T> work) {
        return transactions.readOnly(work);
    }
}
