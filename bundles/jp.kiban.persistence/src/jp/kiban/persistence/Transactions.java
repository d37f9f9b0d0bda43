package jp.kiban.persistence;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * The one place where a transaction begins and ends.
 *
 * <p>{@code required} runs the work in the current thread's transaction if there is one, otherwise in a
 * new one that commits when the work returns and rolls back when it throws. Nesting therefore joins:
 * a resident change and its outbox entry written by another service land in the same transaction.
 * The EntityManager must not escape the work.
 */
public interface Transactions {

    <T> T required(Function<EntityManager, T> work);

    default void requiredRun(Consumer<EntityManager> work) {
        required(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Reads only: a transaction that is always rolled back (joins an outer one if present). */
    <T> T readOnly(Function<EntityManager, T> work);
}
