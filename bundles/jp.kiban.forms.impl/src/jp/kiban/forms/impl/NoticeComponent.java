package jp.kiban.forms.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.forms.FormException;
import jp.kiban.forms.Notice;
import jp.kiban.forms.NoticeWriter;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;

/**
 * The one layout of every business's notices (A4 portrait, in points from the bottom left):
 * <ul>
 * <li>the recipient block inside the window of a 長3 envelope (window 23 mm from the left, 14 mm from the top,
 * 90 × 45 mm; the sheet folded in three), 〒, address, name with 様, a reference line;</li>
 * <li>文書番号, date (和暦) and the issuer with the 公印 on the right;</li>
 * <li>the title, the body blocks (text wrapped by glyph width, so IVS names stay whole), the footnotes;</li>
 * <li>a block that does not fit goes to the next page, headed 「（続き）」; a table repeats its header row.</li>
 * </ul>
 */
@Component(service = NoticeWriter.class)
public class NoticeComponent implements NoticeWriter {
    private static final float MM = 72f / 25.4f;
    private static final float MARGIN = 20 * MM;
    private static final float BOTTOM = 18 * MM;
    private static final float WIDTH = PdfCanvas.WIDTH - 2 * MARGIN;
    private static final float TEXT = 10.5f;
    private static final float LINE = TEXT * 1.55f;
    private static final float CELL_PAD = 4;
    /** Characters that never start a line (行頭禁則): they hang at the end of the previous one. */
    private static final String NO_LINE_START = "、。，．）」』】〕・ー々っゃゅょッャュョ！？";

    @Reference
    private MunicipalityService municipalities;
    @Reference
    private KibanEnvironment environment;

    private FormFont font;

    @Override
    public byte[] write(Notice notice) {
        return writeAll(List.of(notice));
    }

    @Override
    public byte[] writeAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("No notices to write");
        }
        Municipality town = municipalities.current().orElseThrow(() -> new FormException("municipality.missing"));
        try (PdfCanvas pdf = new PdfCanvas(font(), notices.size() == 1 ? notices.get(0).title()
                : notices.get(0).title() + " (" + notices.size() + ")")) {
            for (Notice notice : notices) {
                try {
                    new Page(pdf, notice, town).draw();
                } catch (FormException e) {
                    throw new FormException("notice.unprintable", notice.recipient().name(), notice.title(),
                            e.getMessage());
                }
            }
            return pdf.save();
        }
    }

    /** The drawing of one notice: a cursor {@code y} going down the page. */
    private final class Page {
        private final PdfCanvas pdf;
        private final Notice notice;
        private final Municipality town;
        private float y;

        Page(PdfCanvas pdf, Notice notice, Municipality town) {
            this.pdf = pdf;
            this.notice = notice;
            this.town = town;
        }

        void draw() {
            pdf.newPage();
            recipient();
            issuer();
            y = PdfCanvas.HEIGHT - 92 * MM;
            float title = 17;
            while (title > 11 && pdf.width(notice.title(), title) > WIDTH) {
                title -= 0.5f;
            }
            float tx = PdfCanvas.WIDTH / 2 - pdf.width(notice.title(), title) / 2;
            pdf.text(tx, y, title, notice.title());
            pdf.text(tx + 0.35f, y, title, notice.title()); // a little weight: the font has no bold face
            y -= title + 14;
            for (Notice.Block block : notice.body()) {
                switch (block) {
                    case Notice.Heading h -> heading(h.text());
                    case Notice.Paragraph p -> paragraph(p.text(), TEXT, 0);
                    case Notice.Fields f -> fields(f);
                    case Notice.Table t -> table(t);
                }
            }
            if (!notice.footnotes().isEmpty()) {
                ensure(LINE * 2);
                y -= 4;
                pdf.guideLine(MARGIN, y, MARGIN + WIDTH, y, 0.4f);
                y -= 12;
                for (String note : notice.footnotes()) {
                    paragraph(note, 8.5f, 0);
                    y -= 2;
                }
            }
        }

        /** The window of a 長3 envelope: 23 mm from the left, 14 mm from the top, 90 × 45 mm. */
        private void recipient() {
            Notice.Recipient r = notice.recipient();
            float x = 26 * MM;
            float top = PdfCanvas.HEIGHT - 19 * MM;
            float at = top;
            if (!r.postalCode().isEmpty()) {
                String code = r.postalCode().replace("-", "");
                code = code.length() == 7 ? code.substring(0, 3) + "-" + code.substring(3) : r.postalCode();
                pdf.text(x, at, 11, "〒" + code);
                at -= 16;
            }
            for (String line : r.addressLines()) {
                for (String part : wrap(line, 11, 84 * MM)) {
                    pdf.text(x, at, 11, part);
                    at -= 14;
                }
            }
            at -= 8;
            String name = r.name() + "　様";
            float size = 15;
            while (size > 10 && pdf.width(name, size) > 84 * MM) {
                size -= 0.5f;
            }
            pdf.text(x + 6, at, size, name);
            at -= 14;
            if (!r.reference().isEmpty()) {
                pdf.text(x + 6, at, 8, r.reference());
            }
        }

        private void issuer() {
            float right = PdfCanvas.WIDTH - MARGIN;
            float at = PdfCanvas.HEIGHT - 19 * MM;
            Optional<String> number = notice.documentNumber();
            if (number.isPresent()) {
                pdf.textRight(right, at, 10.5f, number.get());
                at -= 15;
            }
            pdf.textRight(right, at, 10.5f, WarekiDate.of(notice.date()).format());
            at -= 52;
            String mayor = prefecture() + town.name() + town.mayorTitle() + "　" + town.mayorName();
            float size = 12.5f;
            while (size > 9 && pdf.width(mayor, size) > 80 * MM) {
                size -= 0.5f;
            }
            // the 公印 over the last character of the name, its right edge on the margin
            float nameRight = notice.seal() ? right - OfficialSeal.SIZE / 2 + size / 2 : right;
            pdf.textRight(nameRight, at, size, mayor);
            if (notice.seal()) {
                seal().draw(pdf, nameRight - size / 2, at + size * 0.35f);
            }
        }

        private void heading(String text) {
            ensure(LINE * 2.5f);
            y -= 4;
            pdf.text(MARGIN, y, 11.5f, text);
            pdf.text(MARGIN + 0.3f, y, 11.5f, text);
            y -= LINE + 2;
        }

        private void paragraph(String text, float size, float indent) {
            float line = size * 1.55f;
            for (String part : text.split("\n", -1)) {
                for (String l : wrap(part, size, WIDTH - indent)) {
                    ensure(line);
                    pdf.text(MARGIN + indent, y, size, l);
                    y -= line;
                }
            }
            y -= 4;
        }

        private void fields(Notice.Fields block) {
            float labelWidth = 38 * MM;
            for (Notice.Field f : block.fields()) {
                labelWidth = Math.max(labelWidth, Math.min(60 * MM, pdf.width(f.label(), TEXT) + 2 * CELL_PAD + 4));
            }
            float valueWidth = WIDTH - labelWidth;
            y -= 2;
            boolean first = true;
            for (Notice.Field f : block.fields()) {
                List<String> lines = wrap(f.value(), TEXT, valueWidth - 2 * CELL_PAD);
                List<String> labels = wrap(f.label(), TEXT, labelWidth - 2 * CELL_PAD);
                float h = Math.max(lines.size(), labels.size()) * LINE + 2 * CELL_PAD - (LINE - TEXT) + 2;
                if (ensure(h) || first) {
                    pdf.line(MARGIN, y, MARGIN + WIDTH, y);
                    first = false;
                }
                float top = y;
                pdf.fill(MARGIN, top - h, labelWidth, h, 0.92f);
                float ly = top - CELL_PAD - TEXT + 1;
                for (String l : labels) {
                    pdf.text(MARGIN + CELL_PAD, ly, TEXT, l);
                    ly -= LINE;
                }
                float vy = top - CELL_PAD - TEXT + 1;
                for (String l : lines) {
                    pdf.text(MARGIN + labelWidth + CELL_PAD, vy, TEXT, l);
                    vy -= LINE;
                }
                pdf.line(MARGIN, top - h, MARGIN + WIDTH, top - h);
                pdf.line(MARGIN, top, MARGIN, top - h);
                pdf.line(MARGIN + labelWidth, top, MARGIN + labelWidth, top - h);
                pdf.line(MARGIN + WIDTH, top, MARGIN + WIDTH, top - h);
                y = top - h;
            }
            y -= 10 + TEXT;
        }

        private void table(Notice.Table t) {
            int n = t.headers().size();
            float size = TEXT;
            float[] widths;
            while (true) {
                widths = new float[n];
                for (int c = 0; c < n; c++) {
                    widths[c] = pdf.width(t.headers().get(c), size) + 2 * CELL_PAD;
                    for (List<String> row : t.rows()) {
                        widths[c] = Math.max(widths[c], pdf.width(row.get(c), size) + 2 * CELL_PAD);
                    }
                }
                float total = 0;
                for (float w : widths) {
                    total += w;
                }
                if (total <= WIDTH || size <= 7) {
                    // share what is left over in proportion, so the table spans the page
                    float scale = WIDTH / total;
                    for (int c = 0; c < n; c++) {
                        widths[c] *= scale;
                    }
                    if (total > WIDTH) {
                        throw new IllegalArgumentException("The table '" + t.caption() + "' is too wide for the page"
                                + " even at 7 pt: split it");
                    }
                    break;
                }
                size -= 0.5f;
            }
            float row = size + 2 * CELL_PAD + 2;
            if (!t.caption().isEmpty()) {
                ensure(LINE + 2 * row);
                pdf.text(MARGIN, y, TEXT, t.caption());
                y -= LINE - 4;
            }
            ensure(2 * row);
            headerRow(t, widths, size, row);
            for (int r = 0; r < t.rows().size(); r++) {
                if (ensure(row)) {
                    headerRow(t, widths, size, row);
                }
                boolean total = t.totalRow() && r == t.rows().size() - 1;
                if (total) {
                    pdf.line(MARGIN, y - 1.2f, MARGIN + WIDTH, y - 1.2f);
                }
                cells(t.rows().get(r), t.rightAligned(), widths, size, row, total);
            }
            y -= 10 + TEXT;
        }

        private void headerRow(Notice.Table t, float[] widths, float size, float row) {
            pdf.fill(MARGIN, y - row, WIDTH, row, 0.92f);
            List<Boolean> centred = new ArrayList<>();
            t.headers().forEach(h -> centred.add(null));
            cells(t.headers(), centred, widths, size, row, false);
        }

        /** One row of cells; {@code right} per column: true right, false left, null centred. */
        private void cells(List<String> values, List<Boolean> right, float[] widths, float size, float row,
                boolean bold) {
            float x = MARGIN;
            float base = y - CELL_PAD - size + 1;
            pdf.line(MARGIN, y, MARGIN + WIDTH, y);
            for (int c = 0; c < values.size(); c++) {
                String v = values.get(c);
                Boolean r = right.get(c);
                float tx = r == null ? x + widths[c] / 2 - pdf.width(v, size) / 2
                        : r ? x + widths[c] - CELL_PAD - pdf.width(v, size) : x + CELL_PAD;
                pdf.text(tx, base, size, v);
                if (bold) {
                    pdf.text(tx + 0.3f, base, size, v);
                }
                pdf.line(x, y, x, y - row);
                x += widths[c];
            }
            pdf.line(MARGIN + WIDTH, y, MARGIN + WIDTH, y - row);
            pdf.line(MARGIN, y - row, MARGIN + WIDTH, y - row);
            y -= row;
        }

        /** Starts a new page when {@code height} does not fit; true if it did. */
        private boolean ensure(float height) {
            if (y - height >= BOTTOM) {
                return false;
            }
            pdf.newPage();
            y = PdfCanvas.HEIGHT - MARGIN;
            String cont = notice.title() + "（続き）　" + notice.recipient().name() + "　様";
            pdf.text(MARGIN, y, 9, cont);
            y -= 24;
            return true;
        }

        /** Breaks {@code text} into lines no wider than {@code width}, by glyph (IVS sequences stay whole). */
        private List<String> wrap(String text, float size, float width) {
            List<String> lines = new ArrayList<>();
            if (text.isEmpty()) {
                lines.add("");
                return lines;
            }
            StringBuilder line = new StringBuilder();
            float w = 0;
            for (FormFont.Glyph g : pdf.font().glyphs(text)) {
                float a = g.advance() * size;
                if (w + a > width && line.length() > 0 && !NO_LINE_START.contains(g.text())) {
                    lines.add(line.toString());
                    line.setLength(0);
                    w = 0;
                    if (g.text().equals(" ") || g.text().equals("　")) {
                        continue;
                    }
                }
                line.append(g.text());
                w += a;
            }
            lines.add(line.toString());
            return lines;
        }

        private String prefecture() {
            try {
                return Prefecture.ofCode(town.code().prefectureCode()).kanji();
            } catch (IllegalArgumentException e) {
                return "";
            }
        }

        private OfficialSeal seal() {
            Optional<String> image = environment.setting(OfficialSeal.IMAGE_SETTING).map(String::strip)
                    .filter(t -> !t.isEmpty());
            boolean red = "red".equalsIgnoreCase(environment.setting(OfficialSeal.COLOUR_SETTING, "black").strip());
            return new OfficialSeal(image.map(Path::of).orElse(null), red,
                    OfficialSeal.text(town.name(), town.mayorTitle()));
        }
    }

    private synchronized FormFont font() {
        Path path = Path.of(environment.setting("forms.font.mincho", "/usr/share/fonts/truetype/ipamj/ipamjm.ttf"));
        if (font == null || !font.file().equals(path)) {
            font = FormFont.load(path);
        }
        return font;
    }
}
