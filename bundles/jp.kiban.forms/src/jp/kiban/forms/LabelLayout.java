package jp.kiban.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * The paper a label run prints on. Every layout is an A4 portrait page (210 × 297 mm); positions are
 * in millimetres from the top left corner of the sheet, before the town's calibration offset.
 * <ul>
 * <li>{@link #SHEET_12}: 12 labels (2 columns × 6 rows) of 86.4 × 42.3 mm, 上 21.6 mm, 左 18.6 mm, no gaps:
 * the common 四辺余白付 12面 sheet (e.g. エーワン 31531 / 72312 and the same layout from other makers).</li>
 * <li>{@link #SHEET_24}: 24 labels (3 columns × 8 rows) of 70.0 × 33.9 mm, 上 12.9 mm, no side margins:
 * the common 上下余白付 24面 sheet (e.g. エーワン 72224).</li>
 * <li>{@link #NAGA3_WINDOW}: one address block per A4 page, placed to show through the window of a 長形3号
 * window envelope (窓 about 90 × 45 mm, 23 mm from the left and 13 mm from the top of the envelope) when
 * the sheet is folded in three (折り目 at 99 mm and 198 mm).</li>
 * </ul>
 *
 * @param id         the name on the command line and in the settings ({@code 12}, {@code 24}, {@code naga3})
 * @param columns    labels across
 * @param rows       labels down
 * @param width      label width (mm)
 * @param height     label height (mm)
 * @param top        top edge of the first row (mm)
 * @param left       left edge of the first column (mm)
 * @param pitchX     distance between the left edges of two columns (mm)
 * @param pitchY     distance between the top edges of two rows (mm)
 */
public enum LabelLayout {
    SHEET_12("12", 2, 6, 86.4f, 42.3f, 21.6f, 18.6f, 86.4f, 42.3f),
    SHEET_24("24", 3, 8, 70.0f, 33.9f, 12.9f, 0f, 70.0f, 33.9f),
    NAGA3_WINDOW("naga3", 1, 1, 85.0f, 40.0f, 17.0f, 25.0f, 0f, 0f);

    private final String id;
    private final int columns;
    private final int rows;
    private final float width;
    private final float height;
    private final float top;
    private final float left;
    private final float pitchX;
    private final float pitchY;

    LabelLayout(String id, int columns, int rows, float width, float height, float top, float left, float pitchX,
            float pitchY) {
        this.id = id;
        this.columns = columns;
        this.rows = rows;
        this.width = width;
        this.height = height;
        this.top = top;
        this.left = left;
        this.pitchX = pitchX;
        this.pitchY = pitchY;
    }

    public String id() {
        return id;
    }

    /** Labels per A4 page. */
    public int perPage() {
        return columns * rows;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }

    public float top() {
        return top;
    }

    public float left() {
        return left;
    }

    /** Left edge of label {@code index} on its page (0-based, row by row), in mm. */
    public float x(int index) {
        return left + (index % columns) * pitchX;
    }

    /** Top edge of label {@code index} on its page (0-based, row by row), in mm. */
    public float y(int index) {
        return top + (index / columns) * pitchY;
    }

    /** An envelope block rather than a sheet of labels (horizontal writing only). */
    public boolean envelope() {
        return this == NAGA3_WINDOW;
    }

    public static Optional<LabelLayout> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }
}
