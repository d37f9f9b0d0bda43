package jp.kiban.sync.impl;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.persistence.Transactions;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.sync.NumberLeases;

/**
 * This terminal's number leases: attached to a central server exactly when sync is configured
 * ({@code sync.url}, or the older {@code central.url}); the leases themselves are topped up by the sync
 * service ({@link SyncServiceComponent}).
 */
@Component(service = NumberLeases.class)
public class NumberLeaseComponent implements NumberLeases {

    @Reference
    private Transactions tx;
    @Reference
    private KibanEnvironment environment;

    private NumberLeaseStore store;
    private BooleanSupplier attached;

    /** For DS. */
    public NumberLeaseComponent() {
    }

    /** Outside DS (tests): leases in the given transactions' database. */
    public static NumberLeaseComponent create(Transactions tx, BooleanSupplier attached) {
        NumberLeaseComponent c = new NumberLeaseComponent();
        c.store = new NumberLeaseStore(tx);
        c.attached = attached;
        return c;
    }

    @Activate
    void activate() {
        store = new NumberLeaseStore(tx);
        attached = () -> !environment.setting("sync.url", "").isBlank() || !environment.setting("central.url", "").isBlank();
    }

    @Override
    public boolean attached() {
        return attached.getAsBoolean();
    }

    @Override
    public long next(String kind) {
        return store.next(kind);
    }

    @Override
    public List<Lease> leases() {
        return store.leases();
    }

    @Override
    public long remaining(String kind) {
        return store.remaining(kind);
    }
}
