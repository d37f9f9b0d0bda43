package jp.kiban.ui.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.DatabaseBackup;
import jp.kiban.persistence.Dialect;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.ui.ConfirmDialog;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * バックアップと復元 of this terminal's embedded Derby database, for the administrator, through the same service as
 * {@code kiban cli db backup/restore}: a backup into a new dated folder (with its size), and a restore that is
 * checked first (the backup boots, every table passes Derby's check, the schema fits this software), asks before it
 * replaces anything, keeps the replaced database, and says that Kiban must be restarted. Long steps run in the
 * background with a progress bar; the window stays usable.
 */
public class BackupPart {
    @Inject
    Session session;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    DatabaseBackup backups;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    Database database;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    AccessLog accessLog;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    IWorkbench workbench;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    jp.kiban.platform.KibanEnvironment environment;

    private Composite root;
    private Text folder;
    private Button backup;
    private ProgressBar backupProgress;
    private Label backupMessage;
    private Text source;
    private Button check;
    private Button restore;
    private ProgressBar restoreProgress;
    private Label restoreMessage;
    private Button quit;
    /** The backup folder that passed the last check (restore is offered for it only). */
    private Path checked;
    private boolean restored;

    @PostConstruct
    public void createControls(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.WRAP);
        title.setText(Messages.get("backup.title"));

        Group b = group(parent, "backup.group");
        Label explain = wrap(b, Messages.get("backup.explain"));
        explain.setLayoutData(span(3, 640));
        new Label(b, SWT.NONE).setText(Messages.get("backup.folder"));
        folder = new Text(b, SWT.BORDER);
        folder.setData(UiKeys.KEY, UiKeys.BACKUP_FOLDER);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        browse(b, folder);
        backup = new Button(b, SWT.PUSH);
        backup.setData(UiKeys.KEY, UiKeys.BACKUP_RUN);
        backup.setText(Messages.get("backup.run"));
        backup.addListener(SWT.Selection, e -> runBackup());
        // Derby's backup reports nothing while it copies: the bar follows the bytes in the new folder against the database's
        backupProgress = new ProgressBar(b, SWT.HORIZONTAL);
        backupProgress.setMaximum(100);
        backupProgress.setData(UiKeys.KEY, UiKeys.BACKUP_PROGRESS);
        backupProgress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        backupProgress.setVisible(false);
        backupMessage = wrap(b, "");
        backupMessage.setData(UiKeys.KEY, UiKeys.BACKUP_MESSAGE);
        backupMessage.setLayoutData(span(3, 640));

        Group r = group(parent, "restore.group");
        wrap(r, Messages.get("restore.explain")).setLayoutData(span(3, 640));
        new Label(r, SWT.NONE).setText(Messages.get("restore.folder"));
        source = new Text(r, SWT.BORDER);
        source.setData(UiKeys.KEY, UiKeys.RESTORE_FOLDER);
        source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        source.addListener(SWT.Modify, e -> {
            checked = null;
            enable();
        });
        browse(r, source);
        Composite buttons = new Composite(r, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        buttons.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 3, 1));
        check = new Button(buttons, SWT.PUSH);
        check.setData(UiKeys.KEY, UiKeys.RESTORE_CHECK);
        check.setText(Messages.get("restore.check"));
        check.addListener(SWT.Selection, e -> runCheck());
        restore = new Button(buttons, SWT.PUSH);
        restore.setData(UiKeys.KEY, UiKeys.RESTORE_RUN);
        restore.setText(Messages.get("restore.run"));
        restore.addListener(SWT.Selection, e -> runRestore());
        restoreProgress = new ProgressBar(r, SWT.INDETERMINATE);
        restoreProgress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        restoreProgress.setVisible(false);
        restoreMessage = wrap(r, "");
        restoreMessage.setData(UiKeys.KEY, UiKeys.RESTORE_MESSAGE);
        restoreMessage.setLayoutData(span(3, 640));
        quit = new Button(r, SWT.PUSH);
        quit.setData(UiKeys.KEY, UiKeys.RESTORE_QUIT);
        quit.setText(Messages.get("restore.quit"));
        quit.setVisible(false);
        quit.addListener(SWT.Selection, e -> {
            if (workbench != null) {
                workbench.close();
            }
        });

        String refusal = refusal();
        if (refusal != null) {
            backupMessage.setText(refusal);
            restoreMessage.setText(refusal);
        }
        enable();
    }

    /** Why this part cannot work here, or null. */
    private String refusal() {
        if (!session.current().map(o -> o.may(Permission.ADMINISTER)).orElse(false)) {
            return Messages.get("backup.noPermission");
        }
        if (backups == null || database == null) {
            return Messages.get("backup.unavailable");
        }
        if (database.dialect() != Dialect.DERBY || !database.embedded()) {
            return Messages.get("backup.notDerby", database.dialect().displayName());
        }
        return null;
    }

    private void enable() {
        boolean allowed = refusal() == null && !restored;
        boolean idle = !backupProgress.getVisible() && !restoreProgress.getVisible();
        backup.setEnabled(allowed && idle);
        check.setEnabled(allowed && idle);
        restore.setEnabled(allowed && idle && checked != null);
    }

    private static Group group(Composite parent, String key) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(Messages.get(key));
        g.setLayout(new GridLayout(3, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private static Label wrap(Composite parent, String text) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        return l;
    }

    private static GridData span(int columns, int width) {
        GridData g = new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1);
        g.widthHint = width;
        return g;
    }

    private void browse(Composite parent, Text target) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(Messages.get("backup.browse"));
        b.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(parent.getShell());
            d.setFilterPath(target.getText());
            String chosen = d.open();
            if (chosen != null) {
                target.setText(chosen);
            }
        });
    }

    private Path path(Text t, Label message) {
        String v = t.getText().strip();
        if (v.isEmpty()) {
            say(message, Messages.get("backup.folderRequired"), true);
            return null;
        }
        try {
            return Path.of(v);
        } catch (RuntimeException e) {
            say(message, Messages.get("backup.folderWrong", v), true);
            return null;
        }
    }

    private void say(Label l, String text, boolean error) {
        l.setForeground(l.getDisplay().getSystemColor(error ? SWT.COLOR_DARK_RED : SWT.COLOR_WIDGET_FOREGROUND));
        l.setText(text);
        root.layout(true, true);
    }

    private void log(String action, String detail) {
        if (accessLog != null) {
            try {
                accessLog.record(AccessEvent.of(session.operator(), AccessKind.SETTING, action, detail));
            } catch (RuntimeException e) {
                System.getLogger(BackupPart.class.getName()).log(System.Logger.Level.WARNING,
                        "Access log not written for " + action + ": " + e.getMessage());
            }
        }
    }

    /** Runs {@code work} off the UI thread with the progress bar going, then {@code done} on the UI thread. */
    private <T> void background(ProgressBar bar, Label message, String running, Supplier<T> work,
            java.util.function.Consumer<T> done) {
        bar.setVisible(true);
        say(message, running, false);
        enable();
        Thread t = new Thread(() -> {
            T result = null;
            RuntimeException failure = null;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            T r = result;
            RuntimeException f = failure;
            if (!root.isDisposed()) {
                root.getDisplay().asyncExec(() -> {
                    if (root.isDisposed()) {
                        return;
                    }
                    bar.setVisible(false);
                    if (f != null) {
                        System.getLogger(BackupPart.class.getName()).log(System.Logger.Level.ERROR, f.getMessage(), f);
                        say(message, Messages.get("backup.failed", f.getMessage()), true);
                    } else {
                        done.accept(r);
                    }
                    enable();
                });
            }
        }, "kiban-backup");
        t.setDaemon(true);
        t.start();
    }

    private record Made(Path folder, long bytes, long files) {
    }

    private void runBackup() {
        Path dir = path(folder, backupMessage);
        if (dir == null) {
            return;
        }
        Operator operator = session.operator();
        long expected = environment == null ? 0 : sizeOrZero(environment.dataLocation().database());
        java.util.Set<Path> before = children(dir);
        backupProgress.setSelection(0);
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (backupProgress.isDisposed() || !backupProgress.getVisible()) {
                return;
            }
            long copied = 0;
            for (Path p : children(dir)) {
                if (!before.contains(p)) {
                    copied += sizeOrZero(p);
                }
            }
            if (expected > 0) {
                backupProgress.setSelection((int) Math.min(99, copied * 100 / expected));
            }
            backupProgress.getDisplay().timerExec(200, poll[0]);
        };
        backupProgress.getDisplay().timerExec(200, poll[0]);
        background(backupProgress, backupMessage, Messages.get("backup.running"), () -> {
            Path made = backups.backup(dir);
            long[] size = size(made);
            return new Made(made, size[0], size[1]);
        }, m -> {
            backupProgress.setSelection(100);
            log("db.backup", m.folder().toString());
            System.getLogger(BackupPart.class.getName()).log(System.Logger.Level.INFO,
                    "Backup by " + operator.id() + " to " + m.folder());
            say(backupMessage, Messages.get("backup.done", m.folder().toString(), megabytes(m.bytes()), m.files()), false);
            if (source.getText().isBlank()) {
                source.setText(m.folder().toString());
            }
        });
    }

    private static java.util.Set<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return java.util.Set.of();
        }
        try (Stream<Path> in = Files.list(dir)) {
            return in.collect(java.util.stream.Collectors.toSet());
        } catch (IOException | RuntimeException e) {
            return java.util.Set.of();
        }
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.exists(p) ? size(p)[0] : 0;
        } catch (RuntimeException e) {
            return 0; // a file went away while counting (Derby's own temporary files)
        }
    }

    static String megabytes(long bytes) {
        return String.format("%.1f", bytes / (1024.0 * 1024.0));
    }

    /** {bytes, files} under a folder. */
    static long[] size(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            long[] s = new long[2];
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    s[0] += Files.size(p);
                    s[1]++;
                }
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String verdict(DatabaseBackup.Verification v) {
        if (!v.ok()) {
            return Messages.get("restore.bad", v.tables(), String.join("\n", v.problems()));
        }
        return v.pending().isEmpty() ? Messages.get("restore.good", v.tables())
                : Messages.get("restore.good.older", v.tables(), v.pending().size());
    }

    private void runCheck() {
        Path dir = path(source, restoreMessage);
        if (dir == null) {
            return;
        }
        checked = null;
        background(restoreProgress, restoreMessage, Messages.get("restore.checking"), () -> backups.verify(dir), v -> {
            say(restoreMessage, verdict(v), !v.ok());
            checked = v.ok() ? dir : null;
        });
    }

    private void runRestore() {
        Path dir = checked;
        if (dir == null) {
            return;
        }
        if (!ConfirmDialog.ask(root.getShell(), Messages.get("restore.confirm.title"), Messages.get("restore.confirm", dir),
                Messages.get("restore.confirm.ok"), Messages.get("backup.cancel"))) {
            return;
        }
        Operator operator = session.operator();
        // the service checks again before it replaces anything
        background(restoreProgress, restoreMessage, Messages.get("restore.running"), () -> backups.restore(dir), r -> {
            DatabaseBackup.Verification v = r.verification();
            if (!v.ok()) {
                checked = null;
                say(restoreMessage, Messages.get("restore.refused", String.join("\n", v.problems())), true);
                return;
            }
            restored = true;
            log("db.restore", dir + " (replaced database kept at " + r.replacedDatabase() + ")");
            System.getLogger(BackupPart.class.getName()).log(System.Logger.Level.WARNING, "Database restored from " + dir
                    + " by " + operator.id() + "; the replaced one is at " + r.replacedDatabase() + "; restart needed");
            say(restoreMessage, Messages.get("restore.done", r.replacedDatabase() == null ? "-" : r.replacedDatabase().toString()),
                    false);
            quit.setVisible(workbench != null);
            List.of(backup, check, restore).forEach(x -> x.setEnabled(false));
        });
    }
}
