package jp.kiban.sync.impl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;
import jp.kiban.persistence.Transactions;
import jp.kiban.sync.LeaseExhaustedException;
import jp.kiban.sync.NumberLeases.Lease;
import jp.kiban.sync.protocol.SyncProtocol.LeaseGrant;

/**
 * This terminal's leased number ranges (table sync_number_lease). Plain SQL through the shared persistence
 * unit, so that taking a number joins the caller's transaction and no cached entity can hand out a number
 * twice: the first statement locks the kind's rows until the caller commits.
 */
public final class NumberLeaseStore {
    static final Logger LOG = Logger.getLogger("jp.kiban.sync");

    private final Transactions tx;

    public NumberLeaseStore(Transactions tx) {
        this.tx = tx;
    }

    /** The next number of {@code kind}, oldest lease first, in the caller's transaction. */
    public long next(String kind) {
        return tx.required(em -> {
            // lock every usable lease of the kind: concurrent assignments on this terminal wait for the commit
            int usable = em.createNativeQuery("UPDATE sync_number_lease SET next_number = next_number"
                    + " WHERE kind = ? AND next_number <= last_number").setParameter(1, kind).executeUpdate();
            if (usable == 0) {
                LOG.warning("No leased " + kind + " number left on this terminal: it has been offline longer than its"
                        + " leases last; the change was refused (the clerk's input is kept), the lease is topped up at the"
                        + " next successful sync");
                throw new LeaseExhaustedException(kind);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT lease_id, next_number FROM sync_number_lease"
                    + " WHERE kind = ? AND next_number <= last_number ORDER BY first_number").setParameter(1, kind)
                    .setMaxResults(1).getResultList();
            Object[] row = rows.get(0);
            long n = ((Number) row[1]).longValue();
            em.createNativeQuery("UPDATE sync_number_lease SET next_number = ? WHERE lease_id = ?")
                    .setParameter(1, n + 1).setParameter(2, row[0]).executeUpdate();
            return n;
        });
    }

    /** Stores a range granted by the central store (a grant stored before is ignored). */
    public boolean add(LeaseGrant grant) {
        return tx.required(em -> {
            Number known = (Number) em.createNativeQuery("SELECT COUNT(*) FROM sync_number_lease WHERE lease_id = ?")
                    .setParameter(1, grant.leaseId()).getSingleResult();
            if (known.longValue() > 0) {
                return false;
            }
            em.createNativeQuery("INSERT INTO sync_number_lease (lease_id, kind, first_number, last_number, next_number,"
                    + " leased_at) VALUES (?, ?, ?, ?, ?, ?)").setParameter(1, grant.leaseId()).setParameter(2, grant.kind())
                    .setParameter(3, grant.first()).setParameter(4, grant.last()).setParameter(5, grant.first())
                    .setParameter(6, Timestamp.from(Instant.parse(grant.leasedAt()))).executeUpdate();
            return true;
        });
    }

    /** Leases with numbers left, oldest first. */
    public List<Lease> leases() {
        return tx.readOnly(NumberLeaseStore::leases);
    }

    private static List<Lease> leases(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT lease_id, kind, first_number, last_number, next_number"
                + " FROM sync_number_lease WHERE next_number <= last_number ORDER BY kind, first_number").getResultList();
        List<Lease> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Lease(String.valueOf(r[0]).strip(), String.valueOf(r[1]), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        return out;
    }

    public long remaining(String kind) {
        return tx.readOnly(em -> {
            Number n = (Number) em.createNativeQuery("SELECT SUM(last_number - next_number + 1) FROM sync_number_lease"
                    + " WHERE kind = ? AND next_number <= last_number").setParameter(1, kind).getSingleResult();
            return n == null ? 0L : n.longValue();
        });
    }

    /** The highest number ever leased of {@code kind} (0 if none). */
    public long highest(String kind) {
        return tx.readOnly(em -> {
            Number n = (Number) em.createNativeQuery("SELECT MAX(last_number) FROM sync_number_lease WHERE kind = ?")
                    .setParameter(1, kind).getSingleResult();
            return n == null ? 0L : n.longValue();
        });
    }
}
