package jp.kiban.residenttax.ui.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.platform.Operator;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxBatch;
import jp.kiban.residenttax.ResidentTaxNotices;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.ui.Form;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 住民税 当初課税: the taxpayers of 1 January are extracted and the tax of every one is computed and stored by the
 * batch on a background thread, with a progress bar and 中止 (the batch stops after the chunk it is in; what it
 * finished stays stored). Afterwards the figures, and the 納税通知書 of every taxpayer in one PDF.
 */
public class BatchPart {
    public static final String RUN = "juminzei.batch.run";
    public static final String CANCEL = "juminzei.batch.cancel";
    public static final String PROGRESS = "juminzei.batch.progress";
    public static final String STATUS = "juminzei.batch.status";
    public static final String RESULT = "juminzei.batch.result";
    public static final String NOTICES = "juminzei.batch.notices";

    @Inject
    ResidentTaxBatch batch;
    @Inject
    ResidentTax tax;
    @Inject
    ResidentTaxNotices notices;
    @Inject
    Session session;

    private Form form;
    private Button run;
    private Button cancel;
    private Button print;
    private ProgressBar bar;
    private Label status;
    private Table result;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Thread worker;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.WRAP);
        title.setText(Messages.get("batch.title"));
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        form = Texts.form(parent);
        form.text("batch.year", Messages.get("batch.year"), 6).setText(Integer.toString(Texts.currentYear()));
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(3, false));
        run = button(buttons, RUN, "batch.run", this::start);
        cancel = button(buttons, CANCEL, "batch.cancel", () -> {
            cancelled.set(true);
            cancel.setEnabled(false);
            status.setText(Messages.get("batch.cancelling"));
        });
        cancel.setEnabled(false);
        print = button(buttons, NOTICES, "batch.notices", this::printAll);
        bar = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setData(UiKeys.KEY, PROGRESS);
        GridData bgd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        bgd.widthHint = 500;
        bgd.heightHint = 18;
        bar.setLayoutData(bgd);
        status = new Label(parent, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        result = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        result.setData(UiKeys.KEY, RESULT);
        result.setHeaderVisible(true);
        result.setLinesVisible(true);
        GridData rgd = new GridData(SWT.BEGINNING, SWT.TOP, false, false);
        rgd.heightHint = 262;
        rgd.widthHint = 460;
        result.setLayoutData(rgd);
        TableColumn item = new TableColumn(result, SWT.LEFT);
        item.setText(Messages.get("batch.column.item"));
        item.setWidth(220);
        TableColumn value = new TableColumn(result, SWT.RIGHT);
        value.setText(Messages.get("batch.column.value"));
        value.setWidth(220);
        showStored();
    }

    private static Button button(Composite parent, String key, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(Messages.get(text));
        b.setData(UiKeys.KEY, key);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private Optional<Integer> year() {
        return form.parse("batch.year", Texts::taxYear, true);
    }

    private void showStored() {
        Optional<Integer> year = year();
        if (year.isEmpty()) {
            return;
        }
        try {
            int stored = batch.storedCount(session.operator(), year.get());
            status.setText(stored == 0 ? Messages.get("batch.notYet", Messages.taxYear(year.get()))
                    : Messages.get("batch.stored", Messages.taxYear(year.get()), stored));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
    }

    void start() {
        Optional<Integer> year = year();
        if (year.isEmpty() || worker != null) {
            status.setText(Messages.get("form.errors"));
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
        status.setText(Messages.get("batch.started", Messages.taxYear(y)));
        status.getParent().layout(true, true);
        Thread t = new Thread(() -> {
            try {
                ResidentTaxBatch.Result r = batch.run(operator, y,
                        (done, total) -> display.asyncExec(() -> progress(done, total)), cancelled::get);
                display.asyncExec(() -> finished(r, null));
            } catch (RuntimeException e) {
                display.asyncExec(() -> finished(null, e));
            }
        }, "juminzei-batch");
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
            status.setText(Messages.get("batch.progress", done, total));
        }
        status.getParent().layout(true, true);
    }

    private void finished(ResidentTaxBatch.Result r, RuntimeException error) {
        worker = null;
        if (bar.isDisposed()) {
            return;
        }
        run.setEnabled(true);
        print.setEnabled(true);
        cancel.setEnabled(false);
        if (error != null) {
            status.setText(error instanceof DomainException d ? d.getMessage(Locale.JAPANESE)
                    : error instanceof SecurityException ? Messages.get("refused")
                            : Messages.get("batch.failed", error.getMessage()));
        } else {
            status.setText(r.cancelled() ? Messages.get("batch.cancelled", r.computed(), r.total())
                    : Messages.get("batch.done", Messages.taxYear(r.taxYear()), r.computed()));
            row("batch.result.total", Messages.get("batch.persons", r.total()));
            row("batch.result.computed", Messages.get("batch.persons", r.computed()));
            row("batch.result.tax", Texts.yen(r.totalTax()) + " 円");
            row("batch.result.incomeLevy", Texts.yen(r.incomeLevy()) + " 円");
            row("batch.result.perCapita", Texts.yen(r.perCapita()) + " 円");
            row("batch.result.forest", Texts.yen(r.forestTax()) + " 円");
            row("batch.result.exempt", Messages.get("batch.persons", r.exempt()));
            row("batch.result.perCapitaOnly", Messages.get("batch.persons", r.perCapitaOnly()));
            row("batch.result.speed", Messages.get("batch.result.perSecond", Math.round(r.taxpayersPerSecond())));
        }
        status.getParent().layout(true, true);
    }

    private void row(String key, String value) {
        TableItem item = new TableItem(result, SWT.NONE);
        item.setText(new String[] { Messages.get(key), value });
    }

    /** Every taxpayer of the year who owes anything, in one PDF for the post. */
    void printAll() {
        Optional<Integer> year = year();
        if (year.isEmpty()) {
            return;
        }
        try {
            List<AddresseeNumber> all = tax.taxpayers(session.operator(), year.get(), "", Integer.MAX_VALUE).stream()
                    .map(Taxpayer::person).toList();
            byte[] pdf = notices.taxNotices(session.operator(), year.get(), all, Texts.today());
            new FormPreviewDialog(bar.getShell(), Messages.get("batch.notices.title", Messages.taxYear(year.get())), pdf,
                    "住民税納税通知書-" + year.get()).open();
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            status.getParent().layout(true, true);
        }
    }

    @PreDestroy
    void dispose() {
        cancelled.set(true);
    }
}
