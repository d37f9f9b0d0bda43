package jp.kiban.childallowance.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import jp.kiban.childallowance.AllowanceTask;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.TaskKind;
import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 児童手当 確認事項: what resident events left for the clerk (認定請求の勧奨 after a birth or 転入 with the last day of the
 * 15日特例, 額改定 after a birth, 消滅 after a 転出 or death …). A double-click opens the recipient, or the 認定請求 form
 * filled in for the household's head; 完了 records who looked at it, with a note.
 */
public class TasksPart {
    public static final String TABLE = "jidoteate.tasks.table";
    public static final String DONE = "jidoteate.tasks.includeDone";
    public static final String NOTE = "jidoteate.tasks.note";
    public static final String RESOLVE = "jidoteate.tasks.resolve";
    public static final String STATUS = "jidoteate.tasks.status";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    @Inject
    ChildAllowance allowance;
    @Inject
    Session session;
    @Inject
    PartOpener opener;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ResidentRegistry registry;

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
        for (String[] c : new String[][] { { "created", "125" }, { "kind", "215" }, { "state", "80" }, { "household", "105" },
                { "person", "105" }, { "changeDate", "120" }, { "deadline", "120" }, { "subject", "280" } }) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(Messages.get("tasks.column." + c[0]));
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TableItem item && item.getData() instanceof AllowanceTask t) {
                open(t);
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

    /** The recipient the task is about, or the 認定請求 for the head of the household (births and move-ins). */
    void open(AllowanceTask t) {
        if (t.recipient().isPresent()) {
            RecipientPart.show(opener, t.recipient().get());
            return;
        }
        if (registry == null || t.person().isEmpty()) {
            return;
        }
        ApplicationTrigger trigger = t.kind() == TaskKind.BIRTH_APPLICATION ? ApplicationTrigger.BIRTH : ApplicationTrigger.MOVE_IN;
        Optional<ResidentRecord> person = registry.current(session.operator(), t.person().get());
        AddresseeNumber applicant = person.flatMap(p -> registry.household(session.operator(), p.householdNumber()).head())
                .map(ResidentRecord::addresseeNumber).orElse(t.person().get());
        ApplicationPart.prefill(opener, applicant, trigger, t.changeDate());
    }

    public void refresh() {
        table.removeAll();
        try {
            List<AllowanceTask> tasks = allowance.tasks(session.operator(), includeDone.getSelection());
            for (AllowanceTask t : tasks.reversed()) { // newest first
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(t);
                item.setText(new String[] { TIME.format(t.createdAt()), t.kind().label(),
                        t.done() ? Messages.get("tasks.done", t.resolvedBy().orElse(""), t.note().orElse(""))
                                : Messages.get("tasks.open"),
                        t.household().map(h -> h.value()).orElse(""), t.person().map(p -> p.value()).orElse(""),
                        Messages.date(t.changeDate()), t.deadline().map(Messages::date).orElse(""), t.subject() });
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
        if (sel.length == 0 || !(sel[0].getData() instanceof AllowanceTask t)) {
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
            allowance.resolveTask(session.operator(), t.id(), note.getText());
            note.setText("");
            refresh();
            status.setText(Messages.get("tasks.resolved", t.kind().label(), t.subject()));
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        }
        status.getParent().layout(true, true);
    }
}
