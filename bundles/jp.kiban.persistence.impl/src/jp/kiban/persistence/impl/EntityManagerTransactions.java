package jp.kiban.persistence.impl;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jp.kiban.persistence.Transactions;

/** {@link Transactions} over one EntityManagerFactory, with the thread's open transaction joined. */
public final class EntityManagerTransactions implements Transactions {
    private final Supplier<EntityManagerFactory> emf;
    private final Consumer<EntityManagerFactory> released;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final ThreadLocal<Boolean> currentReadOnly = new ThreadLocal<>();

    public EntityManagerTransactions(Supplier<EntityManagerFactory> emf) {
        this(emf, f -> {
        });
    }

    /**
     * @param released told when a transaction that took a factory from {@code emf} has ended (its
     *                 entity manager closed), so that the owner can close a factory it replaced
     *                 only once no transaction uses it any more
     */
    public EntityManagerTransactions(Supplier<EntityManagerFactory> emf, Consumer<EntityManagerFactory> released) {
        this.emf = emf;
        this.released = released;
    }

    @Override
    public <T> T required(Function<EntityManager, T> work) {
        return run(work, false);
    }

    @Override
    public <T> T readOnly(Function<EntityManager, T> work) {
        return run(work, true);
    }

    private <T> T run(Function<EntityManager, T> work, boolean readOnly) {
        EntityManager joined = current.get();
        if (joined != null && !readOnly && Boolean.TRUE.equals(currentReadOnly.get())) {
            // the outer read-only transaction would silently roll the write back
            throw new IllegalStateException("A write (Transactions.required) inside a read-only transaction");
        }
        if (joined != null) {
            try {
                return work.apply(joined);
            } catch (RuntimeException | Error e) {
                // the outer transaction must not commit half of this work
                joined.getTransaction().setRollbackOnly();
                throw e;
            }
        }
        EntityManagerFactory factory = emf.get();
        EntityManager em;
        try {
            em = factory.createEntityManager();
        } catch (RuntimeException | Error e) {
            released.accept(factory);
            throw e;
        }
        EntityTransaction tx = em.getTransaction();
        current.set(em);
        currentReadOnly.set(readOnly);
        try {
            tx.begin();
            T result = work.apply(em);
            if (readOnly) {
                tx.rollback();
            } else {
                tx.commit(); // throws RollbackException when nested work failed and was caught
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            currentReadOnly.remove();
            try {
                em.close();
            } finally {
                released.accept(factory);
            }
        }
    }
}
