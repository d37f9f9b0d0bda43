package jp.kiban.forms.impl;

import jakarta.persistence.EntityManager;

/**
 * 発行番号: a counter row in {@code forms_issue_counter}, advanced inside the caller's transaction
 * (the UPDATE locks the row until commit, so two issues never get the same number, and a form that
 * is not produced gives its number back with the rollback).
 */
final class IssueNumbers {
    static final String CERTIFICATE = "certificate";

    private IssueNumbers() {
    }

    static long next(EntityManager em, String counter) {
        int updated = em.createNativeQuery(
                "UPDATE forms_issue_counter SET last_value = last_value + 1 WHERE counter_name = ?")
                .setParameter(1, counter).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No issue number counter '" + counter + "' (forms migration missing?)");
        }
        Object value = em.createNativeQuery("SELECT last_value FROM forms_issue_counter WHERE counter_name = ?")
                .setParameter(1, counter).getSingleResult();
        return ((Number) value).longValue();
    }

    /** As printed: eight digits, e.g. 00000042. */
    static String format(long number) {
        return String.format("%08d", number);
    }
}
