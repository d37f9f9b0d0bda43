package jp.kiban.resident.ui.internal;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jp.kiban.characters.CharacterCandidate;
import jp.kiban.characters.CharacterLookup;
import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.ui.UiKeys;

/**
 * 文字コード照会: search by reading or code, the candidates (IVS variants after their base) drawn from
 * the font of record's own glyph outlines, the selected one enlarged, and 入力 to put it into the name
 * field. The glyphs are drawn from IPAmj明朝's outlines (not with SWT text, which may ignore the IVS),
 * so the clerk sees exactly the variant that will be stored and printed.
 */
final class CharacterLookupDialog extends Dialog {
    static final String QUERY = "lookup.query";
    static final String SEARCH = "lookup.search";
    static final String RESULTS = "lookup.results";
    static final String PREVIEW = "lookup.preview";
    static final String DETAIL = "lookup.detail";
    static final String STATUS = "lookup.status";
    static final String INSERT = "lookup.insert";

    private static final int LIMIT = 300;
    private static final int ROW_GLYPH = 32;
    private static final int PREVIEW_SIZE = 200;

    private final CharacterLookup lookup;
    private final CharacterRepertoire repertoire;
    private final String initialQuery;
    private Text query;
    private Table table;
    private Canvas preview;
    private Label detail;
    private Label status;
    private final List<CharacterCandidate> candidates = new ArrayList<>();
    private final List<Image> images = new ArrayList<>();
    private CharacterCandidate selected;
    private String chosen;

    CharacterLookupDialog(Shell parent, CharacterLookup lookup, CharacterRepertoire repertoire, String initialQuery) {
        super(parent);
        this.lookup = lookup;
        this.repertoire = repertoire;
        this.initialQuery = initialQuery;
    }

    /** The chosen name character (base, or base + IVS), after OK. */
    String chosen() {
        return chosen;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("lookup.title"));
        shell.setData(UiKeys.KEY, "lookup.dialog");
        shell.addListener(SWT.Dispose, e -> disposeImages());
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));

        Composite top = new Composite(area, SWT.NONE);
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        GridLayout tl = new GridLayout(3, false);
        tl.marginWidth = 0;
        top.setLayout(tl);
        new Label(top, SWT.NONE).setText(Messages.get("lookup.query"));
        query = new Text(top, SWT.BORDER | SWT.SINGLE);
        query.setData(UiKeys.KEY, QUERY);
        GridData qd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        qd.widthHint = 260;
        query.setLayoutData(qd);
        query.setText(initialQuery);
        query.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN) {
                e.doit = false; // Enter searches here instead of pressing 入力
                search();
            }
        });
        Button search = new Button(top, SWT.PUSH);
        search.setText(Messages.get("lookup.search"));
        search.setData(UiKeys.KEY, SEARCH);
        search.addListener(SWT.Selection, e -> search());

        table = new Table(area, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setData(UiKeys.KEY, RESULTS);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.widthHint = 440;
        td.heightHint = 360;
        table.setLayoutData(td);
        column(Messages.get("lookup.col.glyph"), 60);
        column(Messages.get("lookup.col.code"), 140);
        column(Messages.get("lookup.col.readings"), 180);
        column(Messages.get("lookup.col.strokes"), 50);
        table.addListener(SWT.Selection, e -> select(table.getSelectionIndex()));
        table.addListener(SWT.DefaultSelection, e -> {
            select(table.getSelectionIndex());
            okPressed();
        });

        Composite right = new Composite(area, SWT.NONE);
        right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        right.setLayout(new GridLayout(1, false));
        preview = new Canvas(right, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        preview.setData(UiKeys.KEY, PREVIEW);
        GridData pd = new GridData(SWT.CENTER, SWT.TOP, false, false);
        pd.widthHint = PREVIEW_SIZE;
        pd.heightHint = PREVIEW_SIZE;
        preview.setLayoutData(pd);
        preview.setBackground(preview.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        preview.addPaintListener(e -> paintPreview(e.gc));
        detail = new Label(right, SWT.WRAP);
        detail.setData(UiKeys.KEY, DETAIL);
        GridData dd = new GridData(SWT.FILL, SWT.TOP, true, false);
        dd.widthHint = PREVIEW_SIZE;
        detail.setLayoutData(dd);

        status = new Label(area, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        GridData sd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        sd.widthHint = 640;
        status.setLayoutData(sd);
        status.setText(Messages.get("lookup.hint"));
        if (!initialQuery.isBlank()) {
            search();
        }
        query.setFocus();
        return area;
    }

    private void column(String text, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.get("lookup.insert"), false).setData(UiKeys.KEY, INSERT);
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.get("lookup.cancel"), false)
                .setData(UiKeys.KEY, "lookup.cancel");
    }

    void search() {
        List<CharacterCandidate> found;
        try {
            found = lookup.search(query.getText(), LIMIT);
        } catch (RuntimeException e) {
            status.setText(Messages.get("lookup.unavailable", e.getMessage()));
            return;
        }
        table.removeAll();
        disposeImages();
        candidates.clear();
        candidates.addAll(found);
        for (CharacterCandidate c : found) {
            TableItem item = new TableItem(table, SWT.NONE);
            Image glyph = glyphImage(c.character(), ROW_GLYPH);
            images.add(glyph);
            item.setImage(0, glyph);
            item.setText(0, "");
            item.setText(1, c.codes());
            item.setText(2, c.readings());
            item.setText(3, c.strokes() == 0 ? "" : Integer.toString(c.strokes()));
        }
        if (found.isEmpty()) {
            status.setText(query.getText().isBlank() ? Messages.get("lookup.hint") : Messages.get("lookup.none"));
            select(-1);
        } else {
            status.setText(found.size() >= LIMIT ? Messages.get("lookup.more", LIMIT)
                    : Messages.get("lookup.count", found.size()));
            table.setSelection(0);
            select(0);
        }
    }

    private void select(int index) {
        selected = index >= 0 && index < candidates.size() ? candidates.get(index) : null;
        if (selected == null) {
            detail.setText("");
        } else {
            StringBuilder b = new StringBuilder(selected.codes()).append('\n')
                    .append(Messages.get(selected.isVariant() ? "lookup.variant" : "lookup.base"));
            if (!selected.readings().isEmpty()) {
                b.append('\n').append(selected.readings());
            }
            if (selected.strokes() > 0) {
                b.append('\n').append(Messages.get("lookup.strokes", selected.strokes()));
            }
            detail.setText(b.toString());
        }
        preview.redraw();
        detail.getParent().layout(true, true);
    }

    @Override
    protected void okPressed() {
        if (selected == null) {
            status.setText(Messages.get("lookup.noSelection"));
            return;
        }
        chosen = selected.character();
        super.okPressed();
    }

    private void paintPreview(GC gc) {
        Rectangle r = preview.getClientArea();
        Display d = preview.getDisplay();
        gc.setForeground(d.getSystemColor(SWT.COLOR_GRAY));
        gc.setLineStyle(SWT.LINE_DOT);
        int margin = PREVIEW_SIZE / 10;
        int size = Math.min(r.width, r.height) - 2 * margin;
        gc.drawRectangle(margin, margin, size, size);
        gc.drawLine(margin + size / 2, margin, margin + size / 2, margin + size);
        gc.drawLine(margin, margin + size / 2, margin + size, margin + size / 2);
        gc.setLineStyle(SWT.LINE_SOLID);
        if (selected != null) {
            drawGlyph(gc, selected.character(), margin, margin, size, d.getSystemColor(SWT.COLOR_BLACK));
        }
    }

    /** The glyph on a white square of {@code size} pixels, for a table row. */
    private Image glyphImage(String ch, int size) {
        Display d = table.getDisplay();
        Image image = new Image(d, size, size);
        GC gc = new GC(image);
        try {
            gc.setBackground(d.getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(0, 0, size, size);
            drawGlyph(gc, ch, 0, 0, size, d.getSystemColor(SWT.COLOR_BLACK));
        } finally {
            gc.dispose();
        }
        return image;
    }

    /**
     * Fills the glyph's outline (em units, y down, baseline at 0) into the em square at (x, y) of
     * {@code size} pixels; IPAmj明朝's em square spans 0.88 em above the baseline and 0.12 below.
     */
    private void drawGlyph(GC gc, String ch, int x, int y, int size, Color color) {
        Optional<Shape> outline;
        try {
            outline = repertoire.outline(ch);
        } catch (RuntimeException e) {
            return;
        }
        if (outline.isEmpty()) {
            return;
        }
        Display d = gc.getDevice() instanceof Display display ? display : Display.getCurrent();
        Path path = new Path(d);
        try {
            float baseline = y + size * 0.88f;
            double[] c = new double[6];
            for (PathIterator it = outline.get().getPathIterator(null); !it.isDone(); it.next()) {
                switch (it.currentSegment(c)) {
                    case PathIterator.SEG_MOVETO -> path.moveTo(px(c[0], x, size), py(c[1], baseline, size));
                    case PathIterator.SEG_LINETO -> path.lineTo(px(c[0], x, size), py(c[1], baseline, size));
                    case PathIterator.SEG_QUADTO -> path.quadTo(px(c[0], x, size), py(c[1], baseline, size),
                            px(c[2], x, size), py(c[3], baseline, size));
                    case PathIterator.SEG_CUBICTO -> path.cubicTo(px(c[0], x, size), py(c[1], baseline, size),
                            px(c[2], x, size), py(c[3], baseline, size), px(c[4], x, size), py(c[5], baseline, size));
                    case PathIterator.SEG_CLOSE -> path.close();
                    default -> {
                    }
                }
            }
            gc.setAntialias(SWT.ON);
            gc.setFillRule(SWT.FILL_WINDING);
            gc.setBackground(color);
            gc.fillPath(path);
        } finally {
            path.dispose();
        }
    }

    private static float px(double v, int x, int size) {
        return (float) (x + v * size);
    }

    private static float py(double v, float baseline, int size) {
        return (float) (baseline + v * size);
    }

    private void disposeImages() {
        images.forEach(Image::dispose);
        images.clear();
    }

    @Override
    protected Point getInitialSize() {
        Point p = super.getInitialSize();
        return new Point(Math.max(p.x, 720), Math.max(p.y, 560));
    }
}
