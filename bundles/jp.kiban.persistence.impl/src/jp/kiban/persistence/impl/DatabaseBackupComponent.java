package jp.kiban.persistence.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jp.kiban.persistence.Database;
import jp.kiban.persistence.DatabaseBackup;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.SchemaContribution;
import jp.kiban.platform.KibanEnvironment;

/** Derby online backup and verified restore of the data folder's database. */
@Component(service = DatabaseBackup.class)
public class DatabaseBackupComponent implements DatabaseBackup {
    private static final System.Logger LOG = System.getLogger(DatabaseBackupComponent.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Contributions contributions = new Contributions();

    @Reference
    private Database database;
    @Reference
    private KibanEnvironment environment;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(SchemaContribution c, ServiceReference<SchemaContribution> ref) {
        contributions.add(c, ref.getBundle());
    }

    void removeContribution(SchemaContribution c) {
        contributions.remove(c);
    }

    private Path liveDatabase() {
        if (database.dialect() != Dialect.DERBY || !database.embedded()) {
            throw new IllegalStateException("The database is " + database.dialect().displayName() + " ("
                    + database.displayUrl() + "): back it up with its own tools (pg_dump), not with kiban");
        }
        Path db = environment.dataLocation().database().toAbsolutePath().normalize();
        if (!database.displayUrl().replace('\\', '/').endsWith(db.toString().replace('\\', '/'))) {
            throw new IllegalStateException("The database " + database.displayUrl()
                    + " is not the data folder's (" + db + "): only the data folder's Derby database can be backed up");
        }
        return db;
    }

    @Override
    public Path backup(Path directory) {
        Path live = liveDatabase();
        Path target = directory.toAbsolutePath().normalize().resolve("kiban-db-" + LocalDateTime.now().format(STAMP));
        if (Files.exists(target)) {
            throw new IllegalStateException("A backup already exists at " + target + "; wait a second and try again");
        }
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup folder " + target + ": " + e.getMessage(), e);
        }
        try (Connection c = database.dataSource().getConnection();
                CallableStatement s = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            s.setString(1, target.toString());
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Derby backup into " + target + " failed: " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "Database {0} backed up to {1}", live, target);
        return target;
    }

    /** The Derby database folder in a backup: the folder itself or the one folder inside with service.properties. */
    static Path databaseIn(Path backup) {
        Path p = backup.toAbsolutePath().normalize();
        if (Files.isRegularFile(p.resolve("service.properties"))) {
            return p;
        }
        if (Files.isDirectory(p)) {
            try (Stream<Path> children = Files.list(p)) {
                List<Path> dbs = children.filter(c -> Files.isRegularFile(c.resolve("service.properties"))).toList();
                if (dbs.size() == 1) {
                    return dbs.get(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(p + " is not a Derby backup (no service.properties in it or in one folder inside it)");
    }

    @Override
    public Verification verify(Path backup) {
        Path source = databaseIn(backup);
        Path copy = scratchCopy(source);
        try {
            return check(source, copy);
        } finally {
            deleteTree(copy);
        }
    }

    private Path scratchCopy(Path source) {
        try {
            Path tmp = Files.createTempDirectory("kiban-restore-");
            Path copy = tmp.resolve("db");
            copyTree(source, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the backup " + source + ": " + e.getMessage(), e);
        }
    }

    /** Boots the copy (never the backup itself: booting writes), checks every table and the schema history. */
    private Verification check(Path source, Path copy) {
        List<String> problems = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int tables = 0;
        Databases.CloseableDatabase db = null;
        try {
            db = Databases.derby(copy.toString());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                List<String[]> names = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT s.SCHEMANAME, t.TABLENAME FROM SYS.SYSTABLES t"
                        + " JOIN SYS.SYSSCHEMAS s ON t.SCHEMAID = s.SCHEMAID WHERE t.TABLETYPE = 'T'")) {
                    while (r.next()) {
                        names.add(new String[] { r.getString(1), r.getString(2) });
                    }
                }
                for (String[] t : names) {
                    try (CallableStatement check = c.prepareCall("VALUES SYSCS_UTIL.SYSCS_CHECK_TABLE(?, ?)")) {
                        check.setString(1, t[0]);
                        check.setString(2, t[1]);
                        try (ResultSet r = check.executeQuery()) {
                            if (!r.next() || r.getInt(1) != 1) {
                                problems.add("table " + t[0] + "." + t[1] + " is inconsistent");
                            }
                        }
                    } catch (SQLException e) {
                        problems.add("table " + t[0] + "." + t[1] + " is inconsistent: " + e.getMessage());
                    }
                    tables++;
                }
                if (names.stream().noneMatch(t -> t[1].equalsIgnoreCase(SqlMigrator.HISTORY_TABLE))) {
                    problems.add("no " + SqlMigrator.HISTORY_TABLE + ": this is not a Kiban database");
                }
            }
            if (problems.isEmpty()) {
                for (MigrationInfo m : new SqlMigrator(db, () -> contributions.scripts(Dialect.DERBY)).status()) {
                    switch (m.state()) {
                        case PENDING -> pending.add(m.module() + " V" + m.version());
                        case CHANGED -> problems.add("migration " + m.module() + " V" + m.version()
                                + " was applied from a different script than this software's");
                        case UNKNOWN -> problems.add("migration " + m.module() + " V" + m.version()
                                + " is newer than this software: restore it with the version that made it");
                        default -> {
                            // APPLIED, or NOT_INSTALLED (a business module not on this terminal): fine
                        }
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            problems.add("the backup does not open as a Derby database: " + e.getMessage());
        } finally {
            if (db != null) {
                db.close();
            }
        }
        LOG.log(System.Logger.Level.INFO, "Backup {0} checked: {1} table(s), problems {2}", source, tables, problems);
        return new Verification(source, tables, List.copyOf(pending), List.copyOf(problems));
    }

    @Override
    public Restored restore(Path backup) {
        Path live = liveDatabase();
        Path source = databaseIn(backup);
        if (source.startsWith(live) || live.startsWith(source)) {
            throw new IllegalArgumentException("The backup " + source + " is the database itself");
        }
        Path copy = scratchCopy(source);
        try {
            Verification v = check(source, copy);
            if (!v.ok()) {
                return new Restored(v, null);
            }
            // the verified copy replaces the live database; the live one is closed first and kept
            Databases.derby(live.toString()).close();
            Path replaced = live.resolveSibling(live.getFileName() + ".replaced-" + LocalDateTime.now().format(STAMP));
            try {
                if (Files.exists(live)) {
                    Files.move(live, replaced);
                } else {
                    replaced = null;
                }
                try {
                    Files.move(copy, live);
                } catch (IOException e) {
                    copyTree(copy, live);
                }
            } catch (FileAlreadyExistsException e) {
                throw new IllegalStateException("Cannot keep the replaced database: " + e.getFile() + " exists", e);
            } catch (IOException e) {
                throw new UncheckedIOException("Restore failed while moving folders (" + e.getMessage()
                        + "); the replaced database is at " + replaced, e);
            }
            LOG.log(System.Logger.Level.INFO, "Database {0} restored from {1}; the replaced one is at {2}", live, source,
                    replaced);
            return new Restored(v, replaced);
        } finally {
            deleteTree(copy);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        Path top = root.getParent() != null && root.getParent().getFileName().toString().startsWith("kiban-restore-")
                ? root.getParent() : root;
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> all = Files.walk(top)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the scratch copy " + top + ": " + e.getMessage());
        }
    }
}
