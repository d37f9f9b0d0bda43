package jp.kiban.forms.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.LabelCharacterException;
import jp.kiban.forms.LabelDocument;
import jp.kiban.forms.LabelLayout;
import jp.kiban.forms.LabelOptions;
import jp.kiban.forms.LabelProgress;
import jp.kiban.forms.LabelService;
import jp.kiban.forms.LabelWriting;
import jp.kiban.forms.ui.internal.Messages;
import jp.kiban.platform.Operator;
import jp.kiban.ui.UiKeys;

/**
 * 宛名ラベルの作成 for a list of addressees (e.g. the rows of a search): paper, writing (the town's setting
 * preselected), start position; the run goes in a background job with a progress bar and キャンセル. A
 * cancelled or refused run produces nothing; a finished one opens in the {@link FormPreviewDialog}.
 * The dialog stays open afterwards with what was made and who got no label.
 */
public class LabelRunDialog extends Dialog {
    public static final String SHELL = "labels.dialog";
    public static final String TARGET_SELECTED = "labels.target.selected";
    public static final String TARGET_ALL = "labels.target.all";
    public static final String LAYOUT = "labels.layout";
    public static final String HORIZONTAL = "labels.horizontal";
    public static final String VERTICAL = "labels.vertical";
    public static final String START = "labels.start";
    public static final String OUTLINE = "labels.outline";
    public static final String PROGRESS = "labels.progress";
    public static final String STATUS = "labels.status";
    public static final String DETAILS = "labels.details";
    public static final String CREATE = "labels.create";
    public static final String CANCEL_RUN = "labels.cancel";
    public static final String CLOSE = "labels.close";

    private static final Logger LOG = Logger.getLogger(LabelRunDialog.class.getName());
    private static final int STEPS = 1000;
    private static final LabelLayout[] LAYOUTS = { LabelLayout.SHEET_12, LabelLayout.SHEET_24, LabelLayout.NAGA3_WINDOW };

    private final LabelService service;
    private final Operator operator;
    private final List<AddresseeNumber> selected;
    private final List<AddresseeNumber> all;
    private Button targetSelected;
    private Combo layout;
    private Button horizontal;
    private Button vertical;
    private Spinner start;
    private Button outline;
    private ProgressBar bar;
    private Label status;
    private Text details;
    private Button create;
    private Button cancelRun;
    private Button close;
    private Job job;
    private LabelDocument last;

    /**
     * @param selected the rows the clerk selected (may be empty)
     * @param all      every row shown
     */
    public LabelRunDialog(Shell parent, LabelService service, Operator operator, List<AddresseeNumber> selected,
            List<AddresseeNumber> all) {
        super(parent);
        this.service = service;
        this.operator = operator;
        this.selected = List.copyOf(selected);
        this.all = List.copyOf(all);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("labels.title"));
        shell.setData(UiKeys.KEY, SHELL);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));

        label(area, Messages.get("labels.target"));
        Composite target = new Composite(area, SWT.NONE);
        target.setLayout(new GridLayout(1, false));
        targetSelected = radio(target, TARGET_SELECTED, Messages.get("labels.selected", selected.size()));
        Button targetAll = radio(target, TARGET_ALL, Messages.get("labels.all", all.size()));
        targetSelected.setEnabled(!selected.isEmpty());
        targetSelected.setSelection(selected.size() > 1);
        targetAll.setSelection(selected.size() <= 1);

        label(area, Messages.get("labels.layout"));
        layout = new Combo(area, SWT.READ_ONLY);
        layout.setData(UiKeys.KEY, LAYOUT);
        for (LabelLayout l : LAYOUTS) {
            layout.add(Messages.get("labels.layout." + l.id()));
        }
        layout.select(0);

        label(area, Messages.get("labels.writing"));
        Composite writing = new Composite(area, SWT.NONE);
        writing.setLayout(new GridLayout(2, false));
        horizontal = radio(writing, HORIZONTAL, Messages.get("labels.horizontal"));
        vertical = radio(writing, VERTICAL, Messages.get("labels.vertical"));
        LabelWriting town = LabelWriting.HORIZONTAL;
        try {
            town = service.settings().writing();
        } catch (DomainException e) {
            LOG.warning(e.getMessage());
        }
        vertical.setSelection(town == LabelWriting.VERTICAL);
        horizontal.setSelection(town != LabelWriting.VERTICAL);

        label(area, Messages.get("labels.start"));
        start = new Spinner(area, SWT.BORDER);
        start.setData(UiKeys.KEY, START);
        start.setValues(1, 1, LabelLayout.SHEET_12.perPage(), 0, 1, 6);

        new Label(area, SWT.NONE);
        outline = new Button(area, SWT.CHECK);
        outline.setData(UiKeys.KEY, OUTLINE);
        outline.setText(Messages.get("labels.outline"));

        layout.addListener(SWT.Selection, e -> layoutChanged());

        bar = new ProgressBar(area, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setData(UiKeys.KEY, PROGRESS);
        bar.setMaximum(STEPS);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        status = new Label(area, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        GridData sd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        sd.widthHint = 520;
        status.setLayoutData(sd);
        details = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        details.setData(UiKeys.KEY, DETAILS);
        GridData dd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        dd.heightHint = 90;
        details.setLayoutData(dd);
        return area;
    }

    private void layoutChanged() {
        LabelLayout chosen = LAYOUTS[Math.max(0, layout.getSelectionIndex())];
        start.setMaximum(chosen.perPage());
        start.setEnabled(!chosen.envelope());
        vertical.setEnabled(!chosen.envelope());
        if (chosen.envelope()) {
            vertical.setSelection(false);
            horizontal.setSelection(true);
        }
    }

    private static void label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
    }

    private static Button radio(Composite parent, String key, String text) {
        Button b = new Button(parent, SWT.RADIO);
        b.setText(text);
        b.setData(UiKeys.KEY, key);
        return b;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        create = createButton(parent, 2001, Messages.get("labels.create"), true);
        create.setData(UiKeys.KEY, CREATE);
        cancelRun = createButton(parent, 2002, Messages.get("labels.cancel"), false);
        cancelRun.setData(UiKeys.KEY, CANCEL_RUN);
        cancelRun.setEnabled(false);
        close = createButton(parent, CANCEL, Messages.get("labels.close"), false);
        close.setData(UiKeys.KEY, CLOSE);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == 2001) {
            run();
        } else if (id == 2002) {
            cancelRun();
        } else if (job == null) {
            super.buttonPressed(id);
        }
    }

    @Override
    protected void handleShellCloseEvent() {
        if (job != null) {
            cancelRun(); // the window closes when the run has stopped
            return;
        }
        super.handleShellCloseEvent();
    }

    /** The last document made (for callers that want it after the dialog). */
    public LabelDocument lastDocument() {
        return last;
    }

    private void run() {
        List<AddresseeNumber> numbers = targetSelected.getSelection() ? selected : all;
        LabelLayout chosen = LAYOUTS[Math.max(0, layout.getSelectionIndex())];
        LabelOptions options;
        try {
            options = LabelOptions.of(chosen)
                    .withWriting(vertical.getSelection() ? LabelWriting.VERTICAL : LabelWriting.HORIZONTAL)
                    .withStartPosition(chosen.envelope() ? 1 : start.getSelection())
                    .withOutlines(outline.getSelection());
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            return;
        }
        running(true);
        details.setText("");
        status.setText(Messages.get("labels.phase.LOOKUP", 0, numbers.size()));
        bar.setSelection(0);
        Display display = getShell().getDisplay();
        Job run = Job.create(Messages.get("labels.title"), (IProgressMonitor monitor) -> {
            LabelProgress progress = new Progress(display, monitor);
            try {
                LabelDocument doc = service.labels(operator, numbers, options, progress);
                display.asyncExec(() -> finished(doc));
            } catch (CancellationException e) {
                display.asyncExec(this::cancelled);
                return Status.CANCEL_STATUS;
            } catch (LabelCharacterException e) {
                display.asyncExec(() -> refused(e));
            } catch (DomainException e) {
                display.asyncExec(() -> failed(e.getMessage(Locale.JAPANESE)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Label run failed", e);
                display.asyncExec(() -> failed(String.valueOf(e.getMessage())));
            }
            return Status.OK_STATUS;
        });
        run.setSystem(true);
        job = run;
        run.schedule();
    }

    /** Reports to the dialog at most every 50 ms; cancelled when the job is. */
    private final class Progress implements LabelProgress {
        private final Display display;
        private final IProgressMonitor monitor;
        private long shown;

        Progress(Display display, IProgressMonitor monitor) {
            this.display = display;
            this.monitor = monitor;
        }

        @Override
        public void progress(Phase phase, int done, int total) {
            long now = System.nanoTime();
            if (now - shown < 50_000_000L && done < total) {
                return;
            }
            shown = now;
            double share = total == 0 ? 1 : (double) done / total;
            int value = (int) (STEPS * switch (phase) {
            case LOOKUP -> 0.4 * share;
            case CHECK -> 0.4 + 0.1 * share;
            case DRAW -> 0.5 + 0.5 * share;
            });
            String text = Messages.get("labels.phase." + phase.name(), done, total);
            display.asyncExec(() -> {
                if (!bar.isDisposed() && job != null && !monitor.isCanceled()) {
                    bar.setSelection(value);
                    status.setText(text);
                }
            });
        }

        @Override
        public boolean cancelled() {
            return monitor.isCanceled();
        }
    }

    private void cancelRun() {
        if (job != null) {
            job.cancel();
            cancelRun.setEnabled(false);
            status.setText(Messages.get("labels.cancelling"));
        }
    }

    private void running(boolean on) {
        create.setEnabled(!on);
        cancelRun.setEnabled(on);
        close.setEnabled(!on);
        layout.setEnabled(!on);
        start.setEnabled(!on && !LAYOUTS[Math.max(0, layout.getSelectionIndex())].envelope());
        outline.setEnabled(!on);
        if (!on) {
            job = null;
        }
    }

    private boolean gone() {
        return getShell() == null || getShell().isDisposed();
    }

    private void cancelled() {
        if (gone()) {
            return;
        }
        running(false);
        bar.setSelection(0);
        status.setText(Messages.get("labels.cancelled"));
        relayout();
    }

    private void refused(LabelCharacterException e) {
        if (gone()) {
            return;
        }
        running(false);
        bar.setSelection(0);
        status.setText(e.getMessage(Locale.JAPANESE));
        details.setText(e.problems().stream()
                .map(p -> Messages.get("labels.problem", p.number().value(), p.name(), p.character(), p.codes()))
                .collect(Collectors.joining("\n")));
        relayout();
    }

    private void failed(String message) {
        if (gone()) {
            return;
        }
        running(false);
        bar.setSelection(0);
        status.setText(Messages.get("labels.failed", message));
        relayout();
    }

    private void finished(LabelDocument doc) {
        if (gone()) {
            return;
        }
        running(false);
        last = doc;
        bar.setSelection(STEPS);
        String missing = doc.missing().stream()
                .map(m -> Messages.get("labels.missing." + m.reason().name(), m.number().value()))
                .collect(Collectors.joining("、"));
        details.setText(doc.missing().isEmpty() ? "" : Messages.get("labels.missing", missing));
        if (doc.labels() == 0) {
            status.setText(Messages.get("labels.none"));
            relayout();
            return;
        }
        status.setText(Messages.get("labels.done", doc.labels(), doc.pages()));
        relayout();
        String layoutName = Messages.get("labels.layout." + doc.layout().id());
        String file = "宛名ラベル_" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + ".pdf";
        new FormPreviewDialog(getShell(), Messages.get("labels.previewTitle", doc.labels(), layoutName), doc.pdf(),
                file).open();
    }

    private void relayout() {
        getShell().layout(true, true);
    }
}
