package jp.kiban.forms.impl;

import jakarta.persistence.EntityManager;
import jp.kiban.sync.NumberLeases;

/**
 * 発行番号: a counter row in {@code forms_issue_counter}, advanced inside the caller's transaction
 * (the UPDATE locks the row until commit, so two issues never get the same number, and a form that
 * is not produced gives its number back with the rollback). When the terminal is attached to a central
 * server the number comes from the ranges leased to this terminal instead ({@link NumberLeases}, kind
 * {@value NumberLeases#CERTIFICATE}), so that the terminals of a town never issue the same number; the
 * local counter is then moved up to it, for a terminal that is detached again.
 */
final class IssueNumbers {
    static final String CERTIFICATE = "certificate";
    /** Printed with eight digits. */
    static final long MAX = 99_999_999L;

    private IssueNumbers() {
    }

    static long next(EntityManager em, String counter) {
        return next(em, counter, null);
    }

    /** @param leases this terminal's leases, or null (standalone) */
    static long next(EntityManager em, String counter, NumberLeases leases) {
        int updated = em.createNativeQuery(
                "UPDATE forms_issue_counter SET last_value = last_value + 1 WHERE counter_name = ?")
                .setParameter(1, counter).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No issue number counter '" + counter + "' (forms migration missing?)");
        }
        if (leases != null && leases.attached()) {
            long leased = leases.next(counter); // LeaseExhaustedException (Japanese for the counter) when none is left
            em.createNativeQuery("UPDATE forms_issue_counter SET last_value = ? WHERE counter_name = ? AND last_value < ?")
                    .setParameter(1, leased).setParameter(2, counter).setParameter(3, leased).executeUpdate();
            return leased;
        }
        Object value = em.createNativeQuery("SELECT last_value FROM forms_issue_counter WHERE counter_name = ?")
                .setParameter(1, counter).getSingleResult();
        return ((Number) value).longValue();
    }

    /** The next number the local counter would give (the floor of a lease). */
    static long localNext(EntityManager em, String counter) {
        Object value = em.createNativeQuery("SELECT last_value FROM forms_issue_counter WHERE counter_name = ?")
                .setParameter(1, counter).getSingleResult();
        return ((Number) value).longValue() + 1;
    }

    /** As printed: eight digits, e.g. 00000042. */
    static String format(long number) {
        return String.format("%08d", number);
    }
}
