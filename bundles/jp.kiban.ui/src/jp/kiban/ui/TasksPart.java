package jp.kiban.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import jp.kiban.core.DomainException;
import jp.kiban.platform.Operator;

/**
 * A business's 確認事項 as a part: what resident events left for the clerk, newest first, open ones only unless
 * asked; a double-click opens what the task is about; 完了 records who looked at it, with a note. The business part
 * supplies its texts, its tasks and what a double-click opens.
 *
 * <p>UI keys: {@code <prefix>tasks.table}, {@code .includeDone}, {@code .note}, {@code .resolve}, {@code .status}.
 * Texts (from the business's messages): {@code tasks.title}, {@code tasks.includeDone}, {@code tasks.reload},
 * {@code tasks.column.<column>}, {@code tasks.note}, {@code tasks.resolve}, {@code tasks.done} (by, note),
 * {@code tasks.open}, {@code tasks.count} (open), {@code tasks.select}, {@code tasks.alreadyDone},
 * {@code tasks.resolved} (kind, subject), {@code refused}.
 *
 * @param <T> the business's task
 */
public abstract class TasksPart<T> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    /** What every task shows: the columns 作成, 種類 and 状態 and, last, the subject. */
    public record Task(Instant createdAt, String kind, boolean done, Optional<String> resolvedBy,
            Optional<String> note, String subject) {
    }

    @Inject
    protected Session session;
    @Inject
    protected PartOpener opener;

    private final Class<T> type;
    private final String keyPrefix;
    private final String[][] columns;
    private Table table;
    private Button includeDone;
    private Text note;
    private Label status;

    /**
     * @param keyPrefix put before the UI keys ({@code ""} or e.g. {@code "jidoteate."})
     * @param columns   every column as {text key after {@code tasks.column.}, width}: created, kind, state, the
     *                  {@link #details} and subject
     */
    protected TasksPart(Class<T> type, String keyPrefix, String[][] columns) {
        this.type = type;
        this.keyPrefix = keyPrefix;
        this.columns = columns;
    }

    /** The business's text for {@code key} with its arguments. */
    protected abstract String text(String key, Object... args);

    /** The tasks, oldest first. */
    protected abstract List<T> tasks(Operator operator, boolean includeDone);

    protected abstract Task task(T task);

    /** The business's columns between 状態 and the subject (世帯番号, 宛名番号, 異動日 …). */
    protected abstract List<String> details(T task);

    protected abstract void resolve(Operator operator, T task, String note);

    /** What a double-click does. */
    protected abstract void open(T task);

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.WRAP);
        title.setText(text("tasks.title"));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(2, false));
        includeDone = new Button(bar, SWT.CHECK);
        includeDone.setText(text("tasks.includeDone"));
        includeDone.setData(UiKeys.KEY, keyPrefix + "tasks.includeDone");
        includeDone.addListener(SWT.Selection, e -> refresh());
        Button reload = new Button(bar, SWT.PUSH);
        reload.setText(text("tasks.reload"));
        reload.addListener(SWT.Selection, e -> refresh());

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData(UiKeys.KEY, keyPrefix + "tasks.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] c : columns) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(text("tasks.column." + c[0]));
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TableItem item && type.isInstance(item.getData())) {
                open(type.cast(item.getData()));
            }
        });

        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayout(new GridLayout(3, false));
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(actions, SWT.NONE).setText(text("tasks.note"));
        note = new Text(actions, SWT.BORDER);
        note.setData(UiKeys.KEY, keyPrefix + "tasks.note");
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button resolve = new Button(actions, SWT.PUSH);
        resolve.setText(text("tasks.resolve"));
        resolve.setData(UiKeys.KEY, keyPrefix + "tasks.resolve");
        resolve.addListener(SWT.Selection, e -> resolve());
        status = new Label(parent, SWT.WRAP);
        status.setData(UiKeys.KEY, keyPrefix + "tasks.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        refresh();
    }

    public void refresh() {
        table.removeAll();
        try {
            List<T> tasks = tasks(session.operator(), includeDone.getSelection());
            long open = 0;
            for (T t : tasks.reversed()) { // newest first
                Task task = task(t);
                List<String> cells = new ArrayList<>();
                cells.add(TIME.format(task.createdAt()));
                cells.add(task.kind());
                cells.add(task.done() ? text("tasks.done", task.resolvedBy().orElse(""), task.note().orElse(""))
                        : text("tasks.open"));
                cells.addAll(details(t));
                cells.add(task.subject());
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(t);
                item.setText(cells.toArray(String[]::new));
                open += task.done() ? 0 : 1;
            }
            status.setText(text("tasks.count", open));
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(text("refused"));
        }
        status.getParent().layout(true, true);
    }

    protected void resolve() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 0 || !type.isInstance(sel[0].getData())) {
            status.setText(text("tasks.select"));
            status.getParent().layout(true, true);
            return;
        }
        T t = type.cast(sel[0].getData());
        Task task = task(t);
        if (task.done()) {
            status.setText(text("tasks.alreadyDone"));
            status.getParent().layout(true, true);
            return;
        }
        try {
            resolve(session.operator(), t, note.getText());
            note.setText("");
            refresh();
            status.setText(text("tasks.resolved", task.kind(), task.subject()));
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        }
        status.getParent().layout(true, true);
    }
}
