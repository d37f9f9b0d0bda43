package jp.kiban.sync.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.platform.ConnectionStatus;
import jp.kiban.platform.ConnectionStatus.State;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.sync.ReplicaDownload;
import jp.kiban.ui.ConfirmDialog;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 同期の管理: the state of this terminal's link to the central store, sync on demand, and 災害モード — the
 * administrator (or a supervisor) stops all sync so that the counter works on this terminal's copy, with a banner
 * in the main window, until it is switched off again.
 */
public class SyncAdminPart {
    public static final String STATE = "syncadmin.state";
    public static final String AS_OF = "syncadmin.asOf";
    public static final String PENDING = "syncadmin.pending";
    public static final String SYNC_NOW = "syncadmin.syncNow";
    public static final String DISASTER_STATE = "syncadmin.disaster.state";
    public static final String DISASTER_ON = "syncadmin.disaster.on";
    public static final String DISASTER_OFF = "syncadmin.disaster.off";
    public static final String MESSAGE = "syncadmin.message";
    public static final String DOWNLOAD = "syncadmin.download";
    public static final String DOWNLOAD_PROGRESS = "syncadmin.download.progress";
    public static final String DOWNLOAD_STEP = "syncadmin.download.step";
    public static final String DOWNLOAD_HINT = "syncadmin.download.hint";

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ConnectionStatus connection;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    AccessLog accessLog;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ReplicaDownload replica;
    @Inject
    Session session;

    private Composite root;
    private Label address;
    private Label state;
    private Label asOf;
    private Label pending;
    private Label disasterState;
    private Button syncNow;
    private Button disasterOn;
    private Button disasterOff;
    private Label message;
    private Button download;
    private ProgressBar downloadProgress;
    private Label downloadStep;
    private Label downloadHint;
    private volatile boolean downloading;

    @PostConstruct
    public void createControls(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.WRAP);
        title.setText(Messages.get("admin.title"));

        Group link = group(parent, "admin.link");
        address = row(link, "admin.address", null);
        state = row(link, "admin.state", STATE);
        asOf = row(link, "admin.asOf", AS_OF);
        pending = row(link, "admin.pending", PENDING);
        syncNow = button(link, "admin.syncNow", SYNC_NOW);
        syncNow.addListener(SWT.Selection, e -> {
            boolean started = connection != null && connection.syncNow();
            say(started ? Messages.get("admin.syncStarted") : Messages.get("admin.syncNotStarted"), false);
        });

        Group disaster = group(parent, "admin.disaster");
        Label explain = new Label(disaster, SWT.WRAP);
        explain.setText(Messages.get("admin.disaster.explain"));
        GridData eg = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        eg.widthHint = 640;
        explain.setLayoutData(eg);
        disasterState = row(disaster, "admin.disaster.state", DISASTER_STATE);
        Composite buttons = new Composite(disaster, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        buttons.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 2, 1));
        disasterOn = new Button(buttons, SWT.PUSH);
        disasterOn.setData(UiKeys.KEY, DISASTER_ON);
        disasterOn.setText(Messages.get("admin.disaster.on"));
        disasterOn.addListener(SWT.Selection, e -> switchDisaster(true));
        disasterOff = new Button(buttons, SWT.PUSH);
        disasterOff.setData(UiKeys.KEY, DISASTER_OFF);
        disasterOff.setText(Messages.get("admin.disaster.off"));
        disasterOff.addListener(SWT.Selection, e -> switchDisaster(false));

        Group copy = group(parent, "admin.download");
        Label about = new Label(copy, SWT.WRAP);
        about.setText(Messages.get("admin.download.explain"));
        GridData ag = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        ag.widthHint = 640;
        about.setLayoutData(ag);
        downloadHint = new Label(copy, SWT.WRAP);
        downloadHint.setData(UiKeys.KEY, DOWNLOAD_HINT);
        downloadHint.setForeground(downloadHint.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        downloadHint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        download = button(copy, "admin.download.run", DOWNLOAD);
        download.addListener(SWT.Selection, e -> runDownload());
        downloadProgress = new ProgressBar(copy, SWT.HORIZONTAL);
        downloadProgress.setData(UiKeys.KEY, DOWNLOAD_PROGRESS);
        downloadProgress.setMaximum(1000);
        GridData pg = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        pg.widthHint = 500;
        downloadProgress.setLayoutData(pg);
        downloadStep = new Label(copy, SWT.WRAP);
        downloadStep.setData(UiKeys.KEY, DOWNLOAD_STEP);
        downloadStep.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        message = new Label(parent, SWT.WRAP);
        message.setData(UiKeys.KEY, MESSAGE);
        GridData mg = new GridData(SWT.FILL, SWT.TOP, true, false);
        mg.widthHint = 640;
        message.setLayoutData(mg);
        refresh();
    }

    private static Group group(Composite parent, String key) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(Messages.get(key));
        g.setLayout(new GridLayout(2, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private static Label row(Composite parent, String key, String id) {
        new Label(parent, SWT.NONE).setText(Messages.get(key));
        Label value = new Label(parent, SWT.WRAP);
        if (id != null) {
            value.setData(UiKeys.KEY, id);
        }
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return value;
    }

    private static Button button(Composite parent, String key, String id) {
        Button b = new Button(parent, SWT.PUSH);
        b.setData(UiKeys.KEY, id);
        b.setText(Messages.get(key));
        b.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 2, 1));
        return b;
    }

    static String time(Instant t) {
        return DateTimeFormatter.ofPattern(Messages.get("admin.time.pattern")).format(t.atZone(ZoneId.systemDefault()));
    }

    private void say(String text, boolean error) {
        message.setForeground(message.getDisplay().getSystemColor(error ? SWT.COLOR_DARK_RED : SWT.COLOR_WIDGET_FOREGROUND));
        message.setText(text);
        root.layout(true, true);
    }

    private void switchDisaster(boolean on) {
        Operator operator = session.operator();
        String when = connection.dataAsOf().map(SyncAdminPart::time).orElse(Messages.get("admin.asOf.never"));
        if (!ConfirmDialog.ask(root.getShell(), Messages.get(on ? "admin.disaster.on" : "admin.disaster.off"),
                on ? Messages.get("admin.disaster.confirmOn", when) : Messages.get("admin.disaster.confirmOff",
                        connection.pendingChanges()),
                Messages.get(on ? "admin.disaster.on" : "admin.disaster.off"), Messages.get("admin.cancel"))) {
            return;
        }
        try {
            connection.setDisasterMode(operator, on);
            if (accessLog != null) {
                accessLog.record(AccessEvent.of(operator, AccessKind.SETTING, "sync.disaster", on ? "on" : "off"));
            }
            say(Messages.get(on ? "admin.disaster.switchedOn" : "admin.disaster.switchedOff"), false);
        } catch (SecurityException e) {
            say(Messages.get("admin.disaster.noPermission"), true);
        } catch (RuntimeException e) {
            say(Messages.get("admin.disaster.failed", e.getMessage()), true);
        }
        refresh();
    }

    /** 控えの取得 in the background (on the sync service's thread): the bar goes through receiving, then applying. */
    private void runDownload() {
        if (replica == null || downloading) {
            return;
        }
        Operator operator = session.operator();
        downloading = true;
        message.setText("");
        downloadProgress.setSelection(0);
        downloadStep.setText(Messages.get("admin.download.starting"));
        refresh();
        var display = root.getDisplay();
        Thread t = new Thread(() -> {
            String text;
            boolean failed = false;
            try {
                ReplicaDownload.Result r = replica.download(operator, p -> display.asyncExec(() -> step(p)));
                if (accessLog != null) {
                    accessLog.record(AccessEvent.of(operator, AccessKind.IMPORT, "sync.replica",
                            r.received() + " event(s) received, " + r.applied() + " applied"));
                }
                text = Messages.get("admin.download.done", r.received(), r.applied(),
                        connection == null ? "" : connection.dataAsOf().map(SyncAdminPart::time).orElse(""));
            } catch (SecurityException e) {
                text = Messages.get("admin.download.noPermission");
                failed = true;
            } catch (RuntimeException e) {
                System.getLogger(SyncAdminPart.class.getName()).log(System.Logger.Level.WARNING,
                        "Replica download failed: " + e.getMessage(), e);
                text = Messages.get("admin.download.failed", e.getMessage());
                failed = true;
            }
            String result = text;
            boolean error = failed;
            display.asyncExec(() -> {
                downloading = false;
                if (root.isDisposed()) {
                    return;
                }
                if (!error) {
                    downloadProgress.setSelection(downloadProgress.getMaximum());
                }
                downloadStep.setForeground(downloadStep.getDisplay().getSystemColor(error ? SWT.COLOR_DARK_RED
                        : SWT.COLOR_WIDGET_FOREGROUND));
                downloadStep.setText(result);
                refresh();
            });
        }, "kiban-replica-download");
        t.setDaemon(true);
        t.start();
    }

    /** Receiving is the first half of the bar, applying the second. */
    private void step(ReplicaDownload.Progress p) {
        if (root.isDisposed() || !downloading) {
            return;
        }
        long total = Math.max(1, p.total());
        int half = downloadProgress.getMaximum() / 2;
        switch (p.phase()) {
            case "download" -> {
                downloadProgress.setSelection((int) (half * Math.min(p.done(), total) / total));
                downloadStep.setText(Messages.get("admin.download.receiving", p.done(), p.total()));
            }
            case "apply" -> {
                downloadProgress.setSelection(half + (int) (half * Math.min(p.done(), total) / total));
                downloadStep.setText(Messages.get("admin.download.applying", p.done(), p.total()));
            }
            default -> downloadProgress.setSelection(downloadProgress.getMaximum());
        }
        root.layout(true, true);
    }

    /** The sync service posts every change of its state. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void connectionChanged(@UIEventTopic(ConnectionStatus.TOPIC) Event event) {
        refresh();
    }

    private void refresh() {
        if (root == null || root.isDisposed()) {
            return;
        }
        boolean configured = connection != null && connection.state() != State.NOT_CONFIGURED;
        address.setText(configured ? connection.centralAddress() : Messages.get("admin.notConfigured"));
        if (connection == null) {
            state.setText(Messages.get("admin.state.NOT_CONFIGURED"));
        } else {
            State s = connection.state();
            state.setText(switch (s) {
                case ONLINE -> connection.lastSync().map(t -> Messages.get("admin.state.ONLINE.at", time(t)))
                        .orElse(Messages.get("admin.state.ONLINE"));
                case SYNCING -> Messages.get("admin.state.SYNCING", Math.max(0, connection.progress()));
                case OFFLINE -> connection.offlineSince().map(t -> Messages.get("admin.state.OFFLINE.since", time(t)))
                        .orElse(Messages.get("admin.state.OFFLINE"));
                default -> Messages.get("admin.state." + s.name());
            });
        }
        asOf.setText(connection == null ? "" : connection.dataAsOf().map(t -> Messages.get("admin.asOf.value", time(t)))
                .orElse(Messages.get("admin.asOf.never")));
        pending.setText(connection == null ? "" : Messages.get("admin.pending.value", connection.pendingChanges()));
        boolean on = connection != null && connection.disasterMode();
        disasterState.setText(on ? connection.disasterSince().map(t -> Messages.get("admin.disaster.isOn", time(t)))
                .orElse(Messages.get("admin.disaster.isOn", "")) : Messages.get("admin.disaster.isOff"));
        disasterState.setForeground(disasterState.getDisplay().getSystemColor(on ? SWT.COLOR_DARK_RED
                : SWT.COLOR_WIDGET_FOREGROUND));
        boolean may = session.current().map(o -> o.may(Permission.SWITCH_DISASTER_MODE)).orElse(false);
        syncNow.setEnabled(configured && !on);
        boolean admin = session.current().map(o -> o.may(Permission.ADMINISTER)).orElse(false);
        download.setEnabled(configured && !on && admin && replica != null && !downloading);
        downloadHint.setText(!configured ? "" : on ? Messages.get("admin.download.disaster")
                : !admin ? Messages.get("admin.download.noPermission")
                        : connection.dataAsOf().isEmpty() ? Messages.get("admin.download.never") : "");
        disasterOn.setEnabled(configured && may && !on);
        disasterOff.setEnabled(configured && may && on);
        if (configured && !may && message.getText().isEmpty()) {
            say(Messages.get("admin.disaster.noPermission"), false);
        }
        root.layout(true, true);
    }
}
