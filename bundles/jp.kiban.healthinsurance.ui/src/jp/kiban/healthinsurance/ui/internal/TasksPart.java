package jp.kiban.healthinsurance.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.KokuhoTask;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 確認事項: what resident events left for the clerk (国保加入の確認 after a 転入, a 転出 to confirm, a 世帯変更 …).
 * A double-click opens the household; 完了 records who looked at it, with a note.
 */
public class TasksPart {
    public static final String TABLE = "tasks.table";
    public static final String DONE = "tasks.includeDone";
    public static final String NOTE = "tasks.note";
    public static final String RESOLVE = "tasks.resolve";
    public static final String STATUS = "tasks.status";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    @Inject
    HealthInsurance kokuho;
    @Inject
    Session session;
    @Inject
    PartOpener opener;

    private Table table;
    private Button includeDone;
    private Text note;
    private Label status;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.WRAP);
        title.setText(Messages.get("tasks.title"));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(2, false));
        includeDone = new Button(bar, SWT.CHECK);
        includeDone.setText(Messages.get("tasks.includeDone"));
        includeDone.setData(UiKeys.KEY, DONE);
        includeDone.addListener(SWT.Selection, e -> refresh());
        Button reload = new Button(bar, SWT.PUSH);
        reload.setText(Messages.get("tasks.reload"));
        reload.addListener(SWT.Selection, e -> refresh());

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData(UiKeys.KEY, TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] c : new String[][] { { "created", "125" }, { "kind", "165" }, { "state", "90" },
                { "household", "105" }, { "person", "105" }, { "changeDate", "120" }, { "subject", "260" } }) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(Messages.get("tasks.column." + c[0]));
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TableItem item && item.getData() instanceof KokuhoTask t && t.household().isPresent()) {
                HouseholdPart.show(opener, t.household().get(), KokuhoNotices.fiscalYearOf(t.changeDate()));
            }
        });

        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayout(new GridLayout(3, false));
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(actions, SWT.NONE).setText(Messages.get("tasks.note"));
        note = new Text(actions, SWT.BORDER);
        note.setData(UiKeys.KEY, NOTE);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button resolve = new Button(actions, SWT.PUSH);
        resolve.setText(Messages.get("tasks.resolve"));
        resolve.setData(UiKeys.KEY, RESOLVE);
        resolve.addListener(SWT.Selection, e -> resolve());
        status = new Label(parent, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        refresh();
    }

    public void refresh() {
        table.removeAll();
        try {
            List<KokuhoTask> tasks = kokuho.tasks(session.operator(), includeDone.getSelection());
            for (KokuhoTask t : tasks.reversed()) { // newest first
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(t);
                item.setText(new String[] { TIME.format(t.createdAt()), Messages.label(t.kind()),
                        t.done() ? Messages.get("tasks.done", t.resolvedBy().orElse(""), t.note().orElse(""))
                                : Messages.get("tasks.open"),
                        t.household().map(h -> h.value()).orElse(""), t.person().map(p -> p.value()).orElse(""),
                        Rates.date(t.changeDate()), t.subject() });
            }
            status.setText(Messages.get("tasks.count", tasks.stream().filter(t -> !t.done()).count()));
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        status.getParent().layout(true, true);
    }

    void resolve() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 0 || !(sel[0].getData() instanceof KokuhoTask t)) {
            status.setText(Messages.get("tasks.select"));
            status.getParent().layout(true, true);
            return;
        }
        if (t.done()) {
            status.setText(Messages.get("tasks.alreadyDone"));
            status.getParent().layout(true, true);
            return;
        }
        try {
            kokuho.resolveTask(session.operator(), t.id(), note.getText());
            note.setText("");
            refresh();
            status.setText(Messages.get("tasks.resolved", Messages.label(t.kind()), t.subject()));
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        }
        status.getParent().layout(true, true);
    }
}
