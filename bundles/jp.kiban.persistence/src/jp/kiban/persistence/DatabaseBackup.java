package jp.kiban.persistence;

import java.nio.file.Path;
import java.util.List;

/**
 * Backup and restore of the embedded Derby database of a data folder (Derby's online backup,
 * {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}). A restore first proves that the backup boots, that every
 * table passes Derby's consistency check and that its schema history fits this software; only then does
 * it replace the database, keeping the replaced one beside it. PostgreSQL databases are backed up with
 * PostgreSQL's own tools ({@code pg_dump}); these methods refuse them.
 */
public interface DatabaseBackup {

    /**
     * What a check of a backup found.
     *
     * @param database  the Derby database folder inside the backup
     * @param tables    how many tables were checked
     * @param pending   migrations the backup lacks (applied at the next start: not a problem)
     * @param problems  why the backup must not be restored (empty when it may)
     */
    record Verification(Path database, int tables, List<String> pending, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Backs the live database up into a new folder inside {@code directory}; returns that folder. */
    Path backup(Path directory);

    /** Checks a backup (the folder {@link #backup} returned, or the database folder inside it) without changing anything. */
    Verification verify(Path backup);

    /**
     * Verifies the backup and, if it passes, replaces the database with it. The replaced database is moved
     * to {@code <data>/db.replaced-<time>}. Nothing is changed when the check fails.
     *
     * @return the verification, and where the replaced database went
     */
    Restored restore(Path backup);

    record Restored(Verification verification, Path replacedDatabase) {
    }
}
