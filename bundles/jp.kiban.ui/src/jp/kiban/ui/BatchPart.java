package jp.kiban.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.platform.Operator;

/**
 * A business's yearly batch (国保 当初賦課, 住民税 当初課税 …) as a part: a year, 実行, 中止 and the 納税通知書 of all; the
 * batch runs on a background thread with a progress bar and 中止 (it stops after the chunk it is in; what it finished
 * stays stored); afterwards its figures in a table. The business part supplies its texts, its batch service, its
 * figures and the notices.
 *
 * <p>UI keys: {@code <prefix>batch.run}, {@code .cancel}, {@code .progress}, {@code .status}, {@code .result},
 * {@code .notices}. Texts (from the business's messages): {@code batch.title}, {@code batch.year}, {@code batch.run},
 * {@code batch.cancel}, {@code batch.notices}, {@code batch.column.item}, {@code batch.column.value},
 * {@code batch.notYet} (year), {@code batch.stored} (year, count), {@code batch.started} (year),
 * {@code batch.progress} (done, total), {@code batch.cancelling}, {@code batch.cancelled} (computed, total),
 * {@code batch.done} (year, computed), {@code batch.failed} (message), {@code refused}, {@code form.errors}.
 *
 * @param <R> the batch's result
 */
public abstract class BatchPart<R> {
    /** What the status line says of a finished run. */
    public record Outcome(int year, int total, int computed, boolean cancelled) {
    }

    /** Called by the batch after each chunk, on the batch's thread. */
    @FunctionalInterface
    public interface Progress {
        void done(int done, int total);
    }

    @Inject
    protected Session session;

    private final String keyPrefix;
    private final int resultHeight;
    private final String threadName;
    private Form form;
    private Button run;
    private Button cancel;
    private Button print;
    private ProgressBar bar;
    private Label status;
    private Table result;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Thread worker;

    /**
     * @param keyPrefix    put before the UI keys ({@code ""} or e.g. {@code "juminzei."})
     * @param resultHeight the height of the figures table, in pixels
     * @param threadName   the batch thread's name
     */
    protected BatchPart(String keyPrefix, int resultHeight, String threadName) {
        this.keyPrefix = keyPrefix;
        this.resultHeight = resultHeight;
        this.threadName = threadName;
    }

    /** The business's text for {@code key} with its arguments. */
    protected abstract String text(String key, Object... args);

    /** The business's counter form (its widths) for the year field. */
    protected abstract Form form(Composite parent);

    /** The year the field starts with. */
    protected abstract int currentYear();

    /** A year as typed, or an {@link IllegalArgumentException} with the Japanese message. */
    protected abstract int parseYear(String text);

    /** 令和8年度（2026年度）. */
    protected abstract String yearText(int year);

    protected abstract int storedCount(Operator operator, int year);

    /** Runs the batch on the calling (background) thread. */
    protected abstract R run(Operator operator, int year, Progress progress, BooleanSupplier cancelled);

    protected abstract Outcome outcome(R result);

    /** Adds the figures of a run that ended to the table, with {@link #row}. */
    protected abstract void showFigures(R result);

    /** Shows the 納税通知書 of everybody of the year (one PDF for the post). */
    protected abstract void printNotices(int year);

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.WRAP);
        title.setText(text("batch.title"));
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        form = form(parent);
        form.text("batch.year", text("batch.year"), 6).setText(Integer.toString(currentYear()));
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(3, false));
        run = button(buttons, "batch.run", this::start);
        cancel = button(buttons, "batch.cancel", () -> {
            cancelled.set(true);
            cancel.setEnabled(false);
            status.setText(text("batch.cancelling"));
        });
        cancel.setEnabled(false);
        print = button(buttons, "batch.notices", this::printAll);
        bar = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setData(UiKeys.KEY, keyPrefix + "batch.progress");
        GridData bgd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        bgd.widthHint = 500;
        bgd.heightHint = 18;
        bar.setLayoutData(bgd);
        status = new Label(parent, SWT.WRAP);
        status.setData(UiKeys.KEY, keyPrefix + "batch.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        result = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        result.setData(UiKeys.KEY, keyPrefix + "batch.result");
        result.setHeaderVisible(true);
        result.setLinesVisible(true);
        GridData rgd = new GridData(SWT.BEGINNING, SWT.TOP, false, false);
        rgd.heightHint = resultHeight;
        rgd.widthHint = 460;
        result.setLayoutData(rgd);
        TableColumn item = new TableColumn(result, SWT.LEFT);
        item.setText(text("batch.column.item"));
        item.setWidth(220);
        TableColumn value = new TableColumn(result, SWT.RIGHT);
        value.setText(text("batch.column.value"));
        value.setWidth(220);
        showStored();
    }

    /** A button with the text {@code key} and the UI key {@code <prefix>key}. */
    private Button button(Composite parent, String key, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text(key));
        b.setData(UiKeys.KEY, keyPrefix + key);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private Optional<Integer> year() {
        return form.parse("batch.year", this::parseYear, true);
    }

    private void showStored() {
        Optional<Integer> year = year();
        if (year.isEmpty()) {
            return;
        }
        try {
            int stored = storedCount(session.operator(), year.get());
            status.setText(stored == 0 ? text("batch.notYet", yearText(year.get()))
                    : text("batch.stored", yearText(year.get()), stored));
        } catch (SecurityException e) {
            status.setText(text("refused"));
        }
    }

    protected void start() {
        Optional<Integer> year = year();
        if (year.isEmpty() || worker != null) {
            status.setText(text("form.errors"));
            status.getParent().layout(true, true);
            return;
        }
        Display display = bar.getDisplay();
        Operator operator = session.operator();
        int y = year.get();
        cancelled.set(false);
        run.setEnabled(false);
        print.setEnabled(false);
        cancel.setEnabled(true);
        bar.setSelection(0);
        result.removeAll();
        status.setText(text("batch.started", yearText(y)));
        status.getParent().layout(true, true);
        Thread t = new Thread(() -> {
            try {
                R r = run(operator, y, (done, total) -> display.asyncExec(() -> progress(done, total)), cancelled::get);
                display.asyncExec(() -> finished(r, null));
            } catch (RuntimeException e) {
                display.asyncExec(() -> finished(null, e));
            }
        }, threadName);
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    private void progress(int done, int total) {
        if (bar.isDisposed()) {
            return;
        }
        bar.setMaximum(Math.max(1, total));
        bar.setSelection(done);
        if (!cancelled.get()) {
            status.setText(text("batch.progress", done, total));
        }
        status.getParent().layout(true, true);
    }

    private void finished(R r, RuntimeException error) {
        worker = null;
        if (bar.isDisposed()) {
            return;
        }
        run.setEnabled(true);
        print.setEnabled(true);
        cancel.setEnabled(false);
        if (error != null) {
            status.setText(error instanceof DomainException d ? d.getMessage(Locale.JAPANESE)
                    : error instanceof SecurityException ? text("refused") : text("batch.failed", error.getMessage()));
        } else {
            Outcome o = outcome(r);
            status.setText(o.cancelled() ? text("batch.cancelled", o.computed(), o.total())
                    : text("batch.done", yearText(o.year()), o.computed()));
            showFigures(r);
        }
        status.getParent().layout(true, true);
    }

    /** A line of the figures table: the text {@code key} and the value. */
    protected void row(String key, String value) {
        TableItem item = new TableItem(result, SWT.NONE);
        item.setText(new String[] { text(key), value });
    }

    protected Shell shell() {
        return bar.getShell();
    }

    protected void printAll() {
        Optional<Integer> year = year();
        if (year.isEmpty()) {
            return;
        }
        try {
            printNotices(year.get());
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            status.getParent().layout(true, true);
        }
    }

    @PreDestroy
    public void dispose() {
        cancelled.set(true);
    }
}
