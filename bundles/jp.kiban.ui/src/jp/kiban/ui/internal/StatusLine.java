package jp.kiban.ui.internal;

import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.persistence.Database;
import jp.kiban.platform.ConnectionStatus;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.ui.UiKeys;

/** The status line: the municipality, the database and the link to the central store. */
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

    @Inject
    jp.kiban.ui.Session session;

    private boolean databaseFailed;

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
        label(bar, UiKeys.STATUS_CONNECTION, Messages.get("status.connection."
                + (connection == null ? ConnectionStatus.State.NOT_CONFIGURED : connection.state()).name()));
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

    private static void label(Composite bar, String key, String text) {
        Label l = new Label(bar, SWT.NONE);
        l.setData(UiKeys.KEY, key);
        l.setText(text);
        l.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
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
