package jp.kiban.resident.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import org.eclipse.e4.ui.di.Focus;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.PendingChange;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/** 仮登録一覧: the supervisor checks each provisional change and confirms (本登録) or rejects it. */
public class PendingPart {
    public static final String TABLE = "pending.table";
    public static final String CONFIRM = "pending.confirm";
    public static final String REJECT = "pending.reject";
    public static final String STATUS = "pending.status";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Inject
    ResidentChanges changes;
    @Inject
    Session session;

    private Table table;
    private Label status;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.get("pending.title"));
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setData(UiKeys.KEY, TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[] cols = { "column.reason", "column.changeDate", "column.notified", "column.persons", "column.operator",
                "column.registered" };
        int[] widths = { 90, 120, 120, 360, 100, 140 };
        for (int i = 0; i < cols.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(Messages.get(cols[i]));
            c.setWidth(widths[i]);
        }
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        Button confirm = new Button(buttons, SWT.PUSH);
        confirm.setText(Messages.get("pending.confirm"));
        confirm.setData(UiKeys.KEY, CONFIRM);
        confirm.addListener(SWT.Selection, e -> confirmSelected());
        Button reject = new Button(buttons, SWT.PUSH);
        reject.setText(Messages.get("pending.reject"));
        reject.setData(UiKeys.KEY, REJECT);
        reject.addListener(SWT.Selection, e -> rejectSelected());
        boolean supervisor = session.operator().may(Permission.CONFIRM_CHANGE);
        confirm.setEnabled(supervisor);
        reject.setEnabled(supervisor);
        status = new Label(parent, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        if (!supervisor) {
            status.setText(Messages.get("pending.noPermission"));
        }
        refresh();
    }

    /** Each time the list comes to the front it is read again: other clerks register changes meanwhile. */
    @Focus
    void onFocus() {
        refresh();
        table.setFocus();
    }

    /** Reloads the list (also when the part is shown again). */
    public void refresh() {
        table.removeAll();
        try {
            List<PendingChange> pending = changes.pending(session.operator());
            for (PendingChange p : pending) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(p.changeId());
                String persons = p.proposed().stream()
                        .map(r -> r.person().displayName().fullName() + "（" + r.relationship().label() + "）")
                        .collect(Collectors.joining("、"));
                item.setText(new String[] { p.reason().label(), PersonPart.wareki(p.changeDate()),
                        p.notificationDate().map(PersonPart::wareki).orElse("-"), persons, p.registeredByName(),
                        TIME.format(p.registeredAt()) });
            }
            if (pending.isEmpty() && session.operator().may(Permission.CONFIRM_CHANGE)) {
                status.setText(Messages.get("pending.none"));
            }
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        }
    }

    private void confirmSelected() {
        if (table.getSelectionCount() == 0) {
            status.setText(Messages.get("pending.select"));
            return;
        }
        StringBuilder done = new StringBuilder();
        for (TableItem item : table.getSelection()) {
            try {
                ChangeResult r = changes.confirm(session.operator(), (UUID) item.getData());
                done.append(r.reason().label()).append(' ');
            } catch (DomainException e) {
                status.setText(Messages.get("pending.failed", e.getMessage(Locale.JAPANESE)));
                refresh();
                return;
            }
        }
        refresh();
        status.setText(Messages.get("pending.confirmed", done.toString().strip()));
        status.getParent().layout(true, true);
    }

    private void rejectSelected() {
        TableItem[] selected = table.getSelection();
        if (selected.length == 0) {
            status.setText(Messages.get("pending.select"));
            return;
        }
        InputDialog reason = new InputDialog(table.getShell(), Messages.get("pending.reject"),
                Messages.get("pending.rejectReason"), "", v -> v == null || v.isBlank() ? Messages.get("form.required") : null);
        if (reason.open() != Window.OK) {
            return;
        }
        for (TableItem item : selected) {
            try {
                changes.reject(session.operator(), (UUID) item.getData(), reason.getValue());
            } catch (DomainException e) {
                status.setText(Messages.get("pending.failed", e.getMessage(Locale.JAPANESE)));
                refresh();
                return;
            }
        }
        refresh();
        status.setText(Messages.get("pending.rejected", selected.length + " 件"));
    }
}
