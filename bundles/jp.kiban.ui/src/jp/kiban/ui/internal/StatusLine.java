package jp.kiban.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.persistence.Database;
import jp.kiban.platform.ConnectionStatus;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.ui.UiKeys;

/** The status line: the municipality, the database and the link to the central store (updated as it changes). */
public class StatusLine {
    private static final System.Logger LOG = System.getLogger(StatusLine.class.getName());

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    MunicipalityService municipalities;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    Database database;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ConnectionStatus connection;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    @Inject
    jp.kiban.ui.Session session;

    private boolean databaseFailed;
    private Label connectionLabel;

    @PostConstruct
    public void createControls(Composite parent) {
        // the renderer's composite has no layout of its own: without one the trim bar gets no height
        parent.setLayout(new FillLayout());
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(4, false);
        layout.marginHeight = 2;
        layout.horizontalSpacing = 24;
        bar.setLayout(layout);
        label(bar, UiKeys.STATUS_MUNICIPALITY, municipalityText());
        label(bar, UiKeys.STATUS_DATABASE, databaseFailed ? Messages.get("status.database.error") : databaseText());
        connectionLabel = label(bar, UiKeys.STATUS_CONNECTION, connectionText());
        if (connection != null && connection.state() != ConnectionStatus.State.NOT_CONFIGURED) {
            // sync on demand: a click on the connection state
            connectionLabel.setToolTipText(Messages.get("status.connection.tooltip"));
            connectionLabel.addListener(SWT.MouseUp, e -> connection.syncNow());
        }
        Label who = new Label(bar, SWT.NONE);
        who.setData(UiKeys.KEY, UiKeys.STATUS_OPERATOR);
        who.setText(operatorText());
        who.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        session.onLogin(() -> bar.getDisplay().asyncExec(() -> {
            if (!who.isDisposed()) {
                who.setText(operatorText());
                bar.layout(true, true);
            }
        }));
        // The trim bar was laid out before this control had content; lay the window out again once it is up,
        // or the status line stays zero pixels high until something else triggers a layout.
        bar.getDisplay().asyncExec(() -> {
            if (!bar.isDisposed()) {
                bar.getShell().layout(true, true);
            }
        });
    }

    private static Label label(Composite bar, String key, String text) {
        Label l = new Label(bar, SWT.NONE);
        l.setData(UiKeys.KEY, key);
        l.setText(text);
        l.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        return l;
    }

    /** The sync service posts every change of the connection state (online, syncing, offline, counts). */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void connectionChanged(@UIEventTopic(ConnectionStatus.TOPIC) Event event) {
        if (connectionLabel != null && !connectionLabel.isDisposed()) {
            connectionLabel.setText(connectionText());
            connectionLabel.getParent().layout(true);
        }
    }

    private static String time(Instant t) {
        return HH_MM.format(t.atZone(ZoneId.systemDefault()));
    }

    /** e.g. 中央サーバ: オフライン（14:05 から・未送信 3 件）・確認待ち 1 件, or 中央サーバ: 災害モード（同期停止中・未送信 3 件） */
    String connectionText() {
        if (connection == null) {
            return Messages.get("status.connection.NOT_CONFIGURED");
        }
        String text = switch (connection.state()) {
            case NOT_CONFIGURED -> Messages.get("status.connection.NOT_CONFIGURED");
            case ONLINE -> connection.lastSync().map(t -> Messages.get("status.connection.ONLINE.at", time(t)))
                    .orElse(Messages.get("status.connection.ONLINE"));
            case SYNCING -> Messages.get("status.connection.SYNCING", Math.max(0, connection.progress()));
            case OFFLINE -> connection.offlineSince()
                    .map(t -> Messages.get("status.connection.OFFLINE.since", time(t), connection.pendingChanges()))
                    .orElse(Messages.get("status.connection.OFFLINE"));
            case DISASTER -> Messages.get("status.connection.DISASTER", connection.pendingChanges());
        };
        long conflicts = connection.conflicts();
        return conflicts > 0 ? text + Messages.get("status.connection.conflicts", conflicts) : text;
    }

    private String municipalityText() {
        try {
            Optional<Municipality> m = municipalities == null ? Optional.empty() : municipalities.current();
            return m.map(x -> Messages.get(x.demo() ? "status.municipality.demo" : "status.municipality", x.name(),
                    x.code().value())).orElse(Messages.get("status.municipality.none"));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Municipality not readable: " + e.getMessage(), e);
            databaseFailed = true;
            return Messages.get("status.municipality.unknown");
        }
    }

    private String operatorText() {
        return session.current().map(o -> Messages.get("status.operator", o.name(),
                String.join("・", o.roles().stream().sorted().map(r -> Messages.get("role." + r.name())).toList())
                        + (o.businesses().isEmpty() ? "" : " " + String.join(",", new java.util.TreeSet<>(o.businesses())))))
                .orElse(Messages.get("status.operator.none"));
    }

    private String databaseText() {
        if (database == null) {
            return Messages.get("status.database.error");
        }
        String what = database.dialect().displayName() + " " + database.displayUrl();
        return Messages.get("status.database",
                database.embedded() ? Messages.get("status.database.embedded", database.dialect().displayName())
                        : what);
    }
}
