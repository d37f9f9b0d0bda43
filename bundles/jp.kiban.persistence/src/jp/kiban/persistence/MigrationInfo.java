package jp.kiban.persistence;

import java.time.Instant;

/**
 * One migration script of one module, as the database and the installed bundles see it.
 *
 * @param appliedAt null unless applied
 */
public record MigrationInfo(String module, int version, String description, State state, String checksum,
        Instant appliedAt) {

    public enum State {
        /** In the database and unchanged. */
        APPLIED,
        /** Shipped by a bundle, not yet in the database. */
        PENDING,
        /** Applied, but the shipped script differs from what was applied: refused until resolved. */
        CHANGED,
        /**
         * In the database, but the installed bundle of its module does not ship it: the database is newer
         * than this software. Refused.
         */
        UNKNOWN,
        /**
         * In the database, for a module that is not installed here (a business module the administrator
         * removed, or one whose bundle has not started yet). Kept and ignored.
         */
        NOT_INSTALLED;

        /** True for the states a running installation accepts. */
        public boolean acceptable() {
            return this == APPLIED || this == NOT_INSTALLED;
        }
    }
}
