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
        /** In the database, but no installed bundle ships it: the database is newer than this software. */
        UNKNOWN
    }
}
