package jp.kiban.forms.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.printing.PrintDialog;
import org.eclipse.swt.printing.Printer;
import org.eclipse.swt.printing.PrinterData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import jp.kiban.forms.ui.internal.Messages;
import jp.kiban.forms.ui.internal.PdfImages;
import jp.kiban.ui.UiKeys;

/**
 * The preview of a form (any PDF Kiban produces) inside the desk client: its pages rendered with
 * PDFBox, page by page, with 印刷 (the system's print dialog, pages rendered at the printer's
 * resolution up to {@value #MAX_PRINT_DPI} dpi and placed at the paper's origin, so label positions are
 * kept), PDFで保存 (written to a temporary file and moved into place: a failed save leaves the old
 * file as it was) and 閉じる.
 */
public class FormPreviewDialog extends Dialog {
    public static final String SHELL = "preview.dialog";
    public static final String IMAGE = "preview.image";
    public static final String PAGE = "preview.pageLabel";
    public static final String PREVIOUS = "preview.previous";
    public static final String NEXT = "preview.next";
    public static final String PRINT = "preview.print";
    public static final String SAVE = "preview.save";
    public static final String CLOSE = "preview.close";
    public static final String STATUS = "preview.status";
    /** The 発行 button of a draft preview ({@link #setDraft}). */
    public static final String ISSUE = "preview.issue";
    /** Return code of {@link #open()} when the clerk chose to issue the previewed draft. */
    public static final int ISSUE_CODE = 1003;
    /** Highest resolution pages are rendered at for printing (an A4 page at 300 dpi is about 26 MB). */
    public static final int MAX_PRINT_DPI = 300;

    private static final Logger LOG = Logger.getLogger(FormPreviewDialog.class.getName());
    private boolean draft;

    private final String title;
    private final byte[] pdf;
    private final String fileName;
    private PDDocument document;
    private PdfImages images;
    private int page;
    private float dpi = 66;
    private Image shown;
    private Composite holder;
    private Label image;
    private Label pageLabel;
    private Label status;
    private ScrolledComposite scroll;
    private Button previous;
    private Button next;
    private Function<Shell, String> fileChooser = this::chooseFile;
    private Function<Shell, PrinterData> printerChooser = this::choosePrinter;

    /**
     * @param title    shown in the title bar, e.g. 住民票の写し（発行番号 00000042）
     * @param pdf      the document
     * @param fileName the name offered when saving, e.g. 住民票の写し_00000042.pdf
     */
    public FormPreviewDialog(Shell parent, String title, byte[] pdf, String fileName) {
        super(parent);
        this.title = title;
        this.pdf = pdf.clone();
        this.fileName = fileName;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    /** Replaces the file dialog (for embedding and tests): gives the path to save to, or null. */
    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    public void setFileChooser(Function<Shell, String> chooser) {
        this.fileChooser = chooser;
    }

    /** Replaces the print dialog (for embedding and tests): gives the printer to use, or null. */
    public void setPrinterChooser(Function<Shell, PrinterData> chooser) {
        this.printerChooser = chooser;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
        shell.setData(UiKeys.KEY, SHELL);
        shell.addListener(SWT.Dispose, e -> dispose());
    }

    @Override
    protected Point getInitialSize() {
        Rectangle screen = getShell().getDisplay().getClientArea();
        return new Point(Math.min(760, screen.width - 40), Math.min(1000, screen.height - 40));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        try {
            document = Loader.loadPDF(pdf);
            images = new PdfImages(document);
        } catch (IOException e) {
            throw new IllegalStateException("Not a PDF: " + e.getMessage(), e);
        }
        Composite bar = new Composite(area, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        previous = button(bar, PREVIOUS, Messages.get("preview.previous"), () -> show(page - 1));
        next = button(bar, NEXT, Messages.get("preview.next"), () -> show(page + 1));
        pageLabel = new Label(bar, SWT.NONE);
        pageLabel.setData(UiKeys.KEY, PAGE);
        GridData pl = new GridData(SWT.FILL, SWT.CENTER, false, false);
        pl.widthHint = 120;
        pageLabel.setLayoutData(pl);
        button(bar, "preview.zoomOut", Messages.get("preview.zoomOut"), () -> zoom(1 / 1.25f));
        button(bar, "preview.zoomIn", Messages.get("preview.zoomIn"), () -> zoom(1.25f));

        scroll = new ScrolledComposite(area, SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // the page in the middle of a grey desk, like paper on a table
        holder = new Composite(scroll, SWT.NONE);
        holder.setLayout(new GridLayout(1, false));
        holder.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        image = new Label(holder, SWT.NONE);
        image.setData(UiKeys.KEY, IMAGE);
        image.setLayoutData(new GridData(SWT.CENTER, SWT.CENTER, true, true));
        scroll.setContent(holder);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);

        status = new Label(area, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        show(0);
        return area;
    }

    private static Button button(Composite parent, String key, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData(UiKeys.KEY, key);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        if (draft) {
            // a draft (見本) is never printed or saved: the clerk checks it, then issues the certificate
            createButton(parent, ISSUE_CODE, Messages.get("preview.issue"), true).setData(UiKeys.KEY, ISSUE);
            createButton(parent, CANCEL, Messages.get("preview.close"), false).setData(UiKeys.KEY, CLOSE);
            return;
        }
        createButton(parent, 1001, Messages.get("preview.print"), false).setData(UiKeys.KEY, PRINT);
        createButton(parent, 1002, Messages.get("preview.save"), false).setData(UiKeys.KEY, SAVE);
        createButton(parent, CANCEL, Messages.get("preview.close"), true).setData(UiKeys.KEY, CLOSE);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == 1001) {
            print();
        } else if (id == 1002) {
            save();
        } else if (id == ISSUE_CODE) {
            setReturnCode(ISSUE_CODE);
            close();
        } else {
            super.buttonPressed(id);
        }
    }

    /** Number of pages of the document. */
    public int pages() {
        return document.getNumberOfPages();
    }

    /** The page shown (0-based). */
    public int page() {
        return page;
    }

    private void show(int index) {
        page = Math.max(0, Math.min(pages() - 1, index));
        pageLabel.setText(Messages.get("preview.page", page + 1, pages()));
        previous.setEnabled(page > 0);
        next.setEnabled(page < pages() - 1);
        BusyIndicator.showWhile(getShell().getDisplay(), () -> {
            try {
                ImageData data = images.render(page, dpi);
                Image old = shown;
                shown = new Image(getShell().getDisplay(), data);
                image.setImage(shown);
                if (old != null) {
                    old.dispose();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot render page " + (page + 1) + " of " + title, e);
                status.setText(Messages.get("preview.renderFailed", e.getMessage()));
            }
        });
        holder.layout(true, true);
        scroll.setMinSize(holder.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        scroll.setOrigin(0, 0);
        pageLabel.getParent().layout(true, true);
    }

    private void zoom(float factor) {
        dpi = Math.max(40, Math.min(200, dpi * factor));
        show(page);
    }

    // ----------------------------------------------------------------- save

    private void save() {
        String chosen = fileChooser.apply(getShell());
        if (chosen == null) {
            return;
        }
        Path target = Path.of(chosen.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? chosen : chosen + ".pdf");
        try {
            saveTo(target);
            status.setText(Messages.get("preview.saved", target));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot save " + title + " to " + target, e);
            status.setText(Messages.get("preview.saveFailed", e.getMessage()));
        }
        status.getParent().layout(true, true);
    }

    /** Writes the PDF to {@code target}: a temporary file beside it, then moved into place. */
    public void saveTo(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = Files.createTempFile(absolute.getParent(), ".kiban", ".pdf");
        try {
            Files.write(tmp, pdf);
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private String chooseFile(Shell shell) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.pdf" });
        dialog.setFilterNames(new String[] { "PDF (*.pdf)" });
        dialog.setFileName(fileName);
        dialog.setOverwrite(true);
        return dialog.open();
    }

    // ----------------------------------------------------------------- print

    private void print() {
        PrinterData data = printerChooser.apply(getShell());
        if (data == null) {
            status.setText(Messages.get(Printer.getPrinterList().length == 0 && Printer.getDefaultPrinterData() == null
                    ? "preview.noPrinter" : "preview.printCancelled"));
            status.getParent().layout(true, true);
            return;
        }
        try {
            int[] printed = new int[1];
            BusyIndicator.showWhile(getShell().getDisplay(), () -> printed[0] = print(data));
            status.setText(Messages.get("preview.printed", printed[0], data.name == null ? "" : data.name));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot print " + title, e);
            status.setText(Messages.get("preview.printFailed", e.getMessage()));
        }
        status.getParent().layout(true, true);
    }

    private PrinterData choosePrinter(Shell shell) {
        if (Printer.getPrinterList().length == 0 && Printer.getDefaultPrinterData() == null) {
            return null;
        }
        PrintDialog dialog = new PrintDialog(shell, SWT.NONE);
        dialog.setText(title);
        dialog.setScope(PrinterData.ALL_PAGES);
        dialog.setStartPage(1);
        dialog.setEndPage(pages());
        return dialog.open();
    }

    /**
     * Prints the pages the printer data asks for (all, or a page range), each rendered at the printer's
     * resolution (at most {@value #MAX_PRINT_DPI} dpi) and drawn at actual size from the paper's top left
     * corner. Returns the number of pages printed.
     */
    public int print(PrinterData data) {
        Printer printer = new Printer(data);
        try {
            if (!printer.startJob(title)) {
                throw new IllegalStateException("the printer refused the job");
            }
            Point deviceDpi = printer.getDPI();
            Rectangle trim = printer.computeTrim(0, 0, 0, 0);
            float renderDpi = Math.min(MAX_PRINT_DPI, Math.max(deviceDpi.x, deviceDpi.y));
            int first = data.scope == PrinterData.PAGE_RANGE ? Math.max(1, data.startPage) : 1;
            int last = data.scope == PrinterData.PAGE_RANGE ? Math.min(pages(), data.endPage) : pages();
            int count = 0;
            GC gc = new GC(printer);
            try {
                for (int p = first; p <= last; p++) {
                    PDRectangle box = document.getPage(p - 1).getMediaBox();
                    ImageData pixels = images.render(p - 1, renderDpi);
                    Image img = new Image(printer, pixels);
                    try {
                        printer.startPage();
                        // the paper's origin is at (trim.x, trim.y) of the printable area
                        gc.drawImage(img, 0, 0, pixels.width, pixels.height, trim.x, trim.y,
                                Math.round(box.getWidth() / 72f * deviceDpi.x),
                                Math.round(box.getHeight() / 72f * deviceDpi.y));
                        printer.endPage();
                        count++;
                    } finally {
                        img.dispose();
                    }
                }
            } finally {
                gc.dispose();
            }
            printer.endJob();
            LOG.info(() -> "Printed " + title + " to " + data.name);
            return count;
        } catch (IOException e) {
            printer.cancelJob();
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            printer.dispose();
        }
    }

    private void dispose() {
        if (shown != null) {
            shown.dispose();
            shown = null;
        }
        if (document != null) {
            try {
                document.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the preview document", e);
            }
            document = null;
        }
    }
}
