package jp.kiban.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.kiban.persistence.DatabaseBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kiban cli db backup DIR} and {@code kiban cli db restore DIR}: the data folder's Derby database. */
final class DbBackupCommands {
    private DbBackupCommands() {
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = { "Back the data folder's Derby database up into a new folder inside DIR (Derby online backup).",
                    "PostgreSQL databases are backed up with pg_dump instead." })
    static final class BackupCommand implements Callable<Integer> {
        @ParentCommand
        KibanCli.DbCommand db;
        @Mixin
        KibanCli.OutputOptions output;
        @Parameters(index = "0", paramLabel = "DIR", description = "Folder to put the backup in (created if missing).")
        Path directory;

        @Override
        public Integer call() {
            KibanCli cli = db.root.cli;
            db.root.environment();
            Path backup = cli.services.get(DatabaseBackup.class).backup(directory);
            if (output.json) {
                cli.printJson(Map.of("backup", backup.toString()));
            } else {
                cli.out.println("Backed up to " + backup);
                cli.out.println("Restore with: kiban cli db restore " + backup);
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = { "Replace the data folder's Derby database with a backup, after checking that the backup"
                    + " boots, that every table is consistent and that its schema fits this version of Kiban.",
                    "Nothing is replaced when the check fails; the replaced database is kept as db.replaced-<time>.",
                    "Close every desk client on this data folder first." })
    static final class RestoreCommand implements Callable<Integer> {
        @ParentCommand
        KibanCli.DbCommand db;
        @Mixin
        KibanCli.OutputOptions output;
        @Parameters(index = "0", paramLabel = "BACKUP", description = "The folder 'db backup' made (or the database folder in it).")
        Path backup;
        @Option(names = "--check-only", description = "Only check the backup; replace nothing.")
        boolean checkOnly;

        @Override
        public Integer call() {
            KibanCli cli = db.root.cli;
            db.root.environment();
            DatabaseBackup service = cli.services.get(DatabaseBackup.class);
            DatabaseBackup.Verification v;
            Path replaced = null;
            if (checkOnly) {
                v = service.verify(backup);
            } else {
                DatabaseBackup.Restored r = service.restore(backup);
                v = r.verification();
                replaced = r.replacedDatabase();
            }
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("backup", v.database().toString());
                doc.put("ok", v.ok());
                doc.put("tables", v.tables());
                doc.put("pendingMigrations", v.pending());
                doc.put("problems", v.problems());
                doc.put("restored", !checkOnly && v.ok());
                doc.put("replaced", replaced == null ? null : replaced.toString());
                cli.printJson(doc);
            } else {
                cli.out.println("Backup      " + v.database());
                cli.out.println("Tables      " + v.tables() + " checked");
                if (!v.pending().isEmpty()) {
                    cli.out.println("Older       " + v.pending().size() + " migration(s) will be applied at the next start: "
                            + String.join(", ", v.pending()));
                }
                if (v.ok()) {
                    cli.out.println(checkOnly ? "The backup can be restored." : "Restored. The replaced database is kept at "
                            + (replaced == null ? "(there was none)" : replaced.toString()));
                }
            }
            if (!v.ok()) {
                cli.err.println("error: the backup was not restored: " + String.join("; ", v.problems()));
                return KibanCli.FAILED;
            }
            return KibanCli.OK;
        }
    }
}
