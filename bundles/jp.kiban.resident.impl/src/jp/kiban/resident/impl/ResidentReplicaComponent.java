package jp.kiban.resident.impl;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.resident.ResidentChanges;
import jp.kiban.sync.ReplicaApplier;

/**
 * Applies the {@code resident.snapshot} events pulled from the central store to this terminal's register
 * (and so to the 宛名 directory it feeds), through the register's own code: see {@link Replication}.
 */
@Component(service = ReplicaApplier.class)
public class ResidentReplicaComponent implements ReplicaApplier {

    @Reference
    private ResidentChanges changes;

    /** For DS. */
    public ResidentReplicaComponent() {
    }

    /** Outside DS: the replica of the given register. */
    public static ResidentReplicaComponent of(ResidentServiceComponent register) {
        ResidentReplicaComponent c = new ResidentReplicaComponent();
        c.changes = register;
        return c;
    }

    @Override
    public Set<String> types() {
        return Set.of(ResidentServiceComponent.OUTBOX_TYPE);
    }

    @Override
    public Applied apply(List<PulledEvent> group, Consumer<Outcome> inTransaction) {
        return ((ResidentServiceComponent) changes).applyReplicated(group, inTransaction);
    }
}
