package jp.kiban.persistence;

import java.util.List;

/** Versioned, forward-only schema migrations, applied module by module. */
public interface SchemaMigrations {

    /** Every known migration of every module, ordered by module and version. Reads only. */
    List<MigrationInfo> status();

    /**
     * Applies all pending migrations, each script in its own transaction, and returns the ones applied.
     *
     * @throws MigrationException if a script fails (that script is rolled back, earlier ones stay), or
     *                            if an applied script was changed or the database is newer than the software
     */
    List<MigrationInfo> migrate();

    /** True when nothing is pending, changed or unknown. */
    default boolean upToDate() {
        return status().stream().allMatch(m -> m.state().acceptable());
    }
}
