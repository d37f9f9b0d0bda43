package jp.kiban.forms.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.addressee.AddressLabel;
import jp.kiban.addressee.AddressLabels;
import jp.kiban.addressee.LabelRun;
import jp.kiban.core.CounterInput;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.FormException;
import jp.kiban.forms.LabelCharacterException;
import jp.kiban.forms.LabelDocument;
import jp.kiban.forms.LabelLayout;
import jp.kiban.forms.LabelOptions;
import jp.kiban.forms.LabelProgress;
import jp.kiban.forms.LabelService;
import jp.kiban.forms.LabelWriting;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;

/**
 * 宛名ラベル as PDF on the forms engine ({@link PdfCanvas}, {@link FormFont}): label sheets and 長3 window
 * envelope blocks, horizontal or vertical. A run is checked for missing glyphs before anything is drawn
 * and is cancellable between labels; it keeps nothing on disk (the caller writes the bytes).
 */
@Component(service = LabelService.class)
public class LabelSheetComponent implements LabelService {

    private static final Logger LOG = Logger.getLogger(LabelSheetComponent.class.getName());
    /** Points per millimetre. */
    static final float MM = 72f / 25.4f;
    /** Numbers are looked up in slices, so that a long run reports progress and can be cancelled early. */
    private static final int LOOKUP_SLICE = 50;
    /** Where the form font's ideographic em box starts above the baseline (IPAmj明朝: 880/1000). */
    private static final float ASCENT = 0.88f;
    private static final String KANJI_DIGITS = "〇一二三四五六七八九";

    @Reference
    private AddressLabels addressLabels;
    @Reference
    private KibanEnvironment environment;
    /** The access log (jp.kiban.security): every label run printed (印刷) or refused, with the persons on it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessLog accessLog;

    private FormFont font;

    /** Sizes in points for one layout; lengths in mm. */
    private record Style(float padX, float padY, float postal, float address, float nameMax, float nameMin,
            float number, float addressIndent, float nameIndent) {
    }

    private static final Map<LabelLayout, Style> HORIZONTAL = new EnumMap<>(Map.of(
            LabelLayout.SHEET_12, new Style(4.5f, 3.5f, 10, 10.5f, 15, 8, 5.5f, 2, 6),
            LabelLayout.SHEET_24, new Style(4f, 2.6f, 8.5f, 9, 12, 7, 5, 1.5f, 4.5f),
            LabelLayout.NAGA3_WINDOW, new Style(2f, 2f, 11, 11.5f, 16, 9, 6, 2.5f, 8)));
    private static final Map<LabelLayout, Style> VERTICAL = new EnumMap<>(Map.of(
            LabelLayout.SHEET_12, new Style(4.5f, 3.5f, 9.5f, 10.5f, 15, 8, 5.5f, 0, 0),
            LabelLayout.SHEET_24, new Style(4f, 2.6f, 8, 8.5f, 12, 7, 5, 0, 0)));

    /** What one label shows, in the form it is drawn (digits as 漢数字 on a vertical label). */
    record Texts(AddresseeNumber number, String postal, List<String> lines, String name, boolean vertical) {
    }

    // ----------------------------------------------------------------- settings

    @Override
    public Settings settings() {
        String w = environment.setting(WRITING_SETTING, LabelWriting.HORIZONTAL.id());
        LabelWriting writing = LabelWriting.byId(w).orElseThrow(() -> new FormException("labels.badWriting", w));
        Map<LabelLayout, Offset> offsets = new EnumMap<>(LabelLayout.class);
        for (LabelLayout layout : LabelLayout.values()) {
            offsets.put(layout, new Offset(offset(layout, "x"), offset(layout, "y")));
        }
        return new Settings(writing, offsets);
    }

    /** The setting that holds one calibration offset, e.g. {@code labels.offset.12.x}. */
    public static String offsetSetting(LabelLayout layout, String axis) {
        return "labels.offset." + layout.id() + "." + axis;
    }

    private float offset(LabelLayout layout, String axis) {
        String key = offsetSetting(layout, axis);
        Optional<String> value = environment.setting(key);
        if (value.isEmpty() || value.get().isBlank()) {
            return 0;
        }
        try {
            float mm = Float.parseFloat(value.get().strip());
            if (Float.isFinite(mm) && Math.abs(mm) <= MAX_OFFSET_MM) {
                return mm;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new FormException("labels.badOffset", key, value.get(), MAX_OFFSET_MM);
    }

    // ----------------------------------------------------------------- runs

    @Override
    public LabelDocument labels(Operator operator, List<AddresseeNumber> numbers, LabelOptions options,
            LabelProgress progress) {
        permit(operator);
        Settings settings = settings();
        List<AddresseeNumber> distinct = new ArrayList<>(new LinkedHashSet<>(numbers));
        List<AddressLabel> labels = new ArrayList<>();
        List<LabelRun.Missing> missing = new ArrayList<>();
        progress.progress(LabelProgress.Phase.LOOKUP, 0, distinct.size());
        for (int from = 0; from < distinct.size(); from += LOOKUP_SLICE) {
            cancelIfAsked(progress);
            int to = Math.min(distinct.size(), from + LOOKUP_SLICE);
            LabelRun part = addressLabels.labels(distinct.subList(from, to), options.business(), options.day());
            labels.addAll(part.labels());
            missing.addAll(part.missing());
            progress.progress(LabelProgress.Phase.LOOKUP, to, distinct.size());
        }
        labels.sort(AddressLabel.MAILING_ORDER);
        return draw(operator, new LabelRun(labels, missing), options, settings, progress);
    }

    @Override
    public LabelDocument labels(Operator operator, LabelRun run, LabelOptions options, LabelProgress progress) {
        permit(operator);
        return draw(operator, run, options, settings(), progress);
    }

    private static void permit(Operator operator) {
        if (!operator.may(Permission.VIEW_RESIDENTS)) {
            throw new FormException("labels.notPermitted");
        }
    }

    private static void cancelIfAsked(LabelProgress progress) {
        if (progress.cancelled()) {
            throw new CancellationException("label run cancelled");
        }
    }

    private LabelDocument draw(Operator operator, LabelRun run, LabelOptions options, Settings settings,
            LabelProgress progress) {
        LabelLayout layout = options.layout();
        LabelWriting writing = layout.envelope() ? LabelWriting.HORIZONTAL
                : options.writing().orElse(settings.writing());
        List<AddressLabel> labels = run.labels();
        if (labels.isEmpty()) {
            return new LabelDocument(new byte[0], 0, 0, layout, writing, run.missing());
        }
        long start = System.nanoTime();
        FormFont f = font();
        synchronized (f) {
            List<Texts> texts;
            try {
                texts = check(f, labels, writing == LabelWriting.VERTICAL, progress);
            } catch (LabelCharacterException e) {
                access(AccessEvent.of(operator, AccessKind.REFUSED, "labels." + layout.id(),
                        e.problems().stream().map(p -> p.number().value()).toList(), false,
                        "refused: " + e.code() + " (" + e.problems().size() + " addressee(s))"));
                throw e;
            }
            Offset offset = settings.offset(layout);
            try (PdfCanvas pdf = new PdfCanvas(f, "宛名ラベル")) {
                int slot = options.startPosition() - 1;
                for (int i = 0; i < texts.size(); i++, slot++) {
                    cancelIfAsked(progress);
                    int position = slot % layout.perPage();
                    if (i == 0 || position == 0) {
                        pdf.newPage();
                        guides(pdf, layout, offset, options.outlines());
                    }
                    label(pdf, layout, position, offset, texts.get(i));
                    progress.progress(LabelProgress.Phase.DRAW, i + 1, texts.size());
                }
                cancelIfAsked(progress);
                byte[] bytes = pdf.save();
                LOG.info(() -> String.format("Labels: %d on %d page(s), layout %s, %s, by %s in %d ms", texts.size(),
                        pdf.pages(), layout.id(), writing.id(), operator.id(), (System.nanoTime() - start) / 1_000_000));
                access(AccessEvent.of(operator, AccessKind.PRINT, "labels." + layout.id(),
                        labels.stream().map(l -> l.number().value()).toList(), false,
                        texts.size() + " label(s) on " + pdf.pages() + " page(s), " + writing.id() + ", "
                                + run.missing().size() + " without a label"));
                return new LabelDocument(bytes, pdf.pages(), texts.size(), layout, writing, run.missing());
            }
        }
    }

    private void access(AccessEvent event) {
        AccessLog log = accessLog;
        if (log != null) {
            try {
                log.record(event);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.SEVERE, "Access log entry not written: " + e.getMessage(), e);
            }
        }
    }

    /** Every label's texts, checked against the font first: one missing character refuses the run. */
    private List<Texts> check(FormFont f, List<AddressLabel> labels, boolean vertical, LabelProgress progress) {
        List<Texts> result = new ArrayList<>(labels.size());
        List<LabelCharacterException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            cancelIfAsked(progress);
            Texts t = texts(labels.get(i), vertical);
            try {
                f.glyphs(t.postal());
                for (String line : t.lines()) {
                    f.glyphs(line);
                }
                f.glyphs(t.name());
            } catch (FormException e) {
                if (!"font.missingGlyph".equals(e.code())) {
                    throw e;
                }
                problems.add(new LabelCharacterException.Problem(t.number(), plainName(labels.get(i).name()),
                        String.valueOf(e.arguments().get(0)), String.valueOf(e.arguments().get(1))));
            }
            result.add(t);
            progress.progress(LabelProgress.Phase.CHECK, i + 1, labels.size());
        }
        if (!problems.isEmpty()) {
            throw new LabelCharacterException(problems);
        }
        return result;
    }

    private static String plainName(String labelName) {
        String suffix = CounterInput.FULL_WIDTH_SPACE + "様";
        return labelName.endsWith(suffix) ? labelName.substring(0, labelName.length() - suffix.length()) : labelName;
    }

    /**
     * The texts of a label. A vertical label writes digits as 漢数字 and hyphens as ー; a label with a
     * name in the alphabet or an address abroad stays horizontal on a vertical run.
     */
    static Texts texts(AddressLabel l, boolean verticalRun) {
        List<String> lines = new ArrayList<>(l.addressLines());
        l.recipient().ifPresent(lines::add);
        boolean latin = hasLatin(l.name()) || (l.postalCode().isEmpty() && lines.stream().anyMatch(s -> hasLatin(s)));
        boolean vertical = verticalRun && !latin;
        String postal = l.postalCode().map(pc -> "〒" + pc.format()).orElse("");
        if (vertical) {
            lines = lines.stream().map(LabelSheetComponent::verticalForm).toList();
        }
        return new Texts(l.number(), postal, lines, vertical ? verticalForm(l.name()) : l.name(), vertical);
    }

    private static boolean hasLatin(String s) {
        return s.codePoints().anyMatch(cp -> (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'));
    }

    /** Text for a vertical column: digits as 漢数字, hyphens as ー, other ASCII as full-width characters. */
    static String verticalForm(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp >= '0' && cp <= '9') {
                out.append(KANJI_DIGITS.charAt(cp - '0'));
            } else if (cp >= '０' && cp <= '９') {
                out.append(KANJI_DIGITS.charAt(cp - '０'));
            } else if (CounterInput.isHyphen(cp) || cp == '-') {
                out.append('ー');
            } else if (cp == ' ') {
                out.append(CounterInput.FULL_WIDTH_SPACE);
            } else if (cp > 0x20 && cp < 0x7F) {
                out.appendCodePoint(cp + 0xFEE0);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    // ----------------------------------------------------------------- drawing

    /** Label outlines (when asked for) and, on envelope sheets, the fold marks. */
    private static void guides(PdfCanvas pdf, LabelLayout layout, Offset offset, boolean outlines) {
        if (layout.envelope()) {
            // 三つ折り: short marks at both edges where the sheet is folded (not moved by the calibration)
            for (float fold : new float[] { 99, 198 }) {
                float y = PdfCanvas.HEIGHT - fold * MM;
                pdf.guideLine(0, y, 6 * MM, y, 0.5f);
                pdf.guideLine(PdfCanvas.WIDTH - 6 * MM, y, PdfCanvas.WIDTH, y, 0.5f);
            }
            if (outlines) {
                // the window of the envelope, and the block printed inside it
                pdf.guide((23 + offset.x()) * MM, PdfCanvas.HEIGHT - (13 + 45 + offset.y()) * MM, 90 * MM, 45 * MM,
                        0.75f);
            }
        }
        if (outlines) {
            for (int i = 0; i < layout.perPage(); i++) {
                pdf.guide((layout.x(i) + offset.x()) * MM,
                        PdfCanvas.HEIGHT - (layout.y(i) + layout.height() + offset.y()) * MM, layout.width() * MM,
                        layout.height() * MM, 0.6f);
            }
        }
    }

    /** Draws one label at {@code position} on the page. */
    private void label(PdfCanvas pdf, LabelLayout layout, int position, Offset offset, Texts t) {
        float left = (layout.x(position) + offset.x()) * MM;
        float top = PdfCanvas.HEIGHT - (layout.y(position) + offset.y()) * MM;
        float w = layout.width() * MM;
        float h = layout.height() * MM;
        if (t.vertical()) {
            vertical(pdf, VERTICAL.get(layout), left, top, w, h, t);
        } else {
            horizontal(pdf, HORIZONTAL.get(layout), left, top, w, h, t);
        }
    }

    /** 横書き: 〒 line, address lines (wrapped and shrunk to fit), then the name, larger. */
    private static void horizontal(PdfCanvas pdf, Style s, float left, float top, float w, float h, Texts t) {
        float padX = s.padX() * MM;
        float padY = s.padY() * MM;
        float x = left + padX;
        float right = left + w - padX;
        float bottom = top - h + padY;
        // the 宛名番号, small, in the bottom margin on the right (for returned mail)
        pdf.textRight(right, top - h + padY * 0.35f, s.number(), t.number().value());

        float y = top - padY;
        if (!t.postal().isEmpty()) {
            y -= s.postal();
            pdf.text(x, y, s.postal(), t.postal());
            y -= s.postal() * 0.35f;
        }
        float addressX = x + s.addressIndent() * MM;
        float nameX = x + s.nameIndent() * MM;
        float room = y - bottom;
        // the name: as large as fits its width, wrapped only if the smallest size is still too wide
        Fit name = fit(pdf, List.of(t.name()), right - nameX, s.nameMax(), s.nameMin(), Float.MAX_VALUE, 1.15f);
        float nameHeight = name.lines().size() * name.size() * 1.15f;
        // the address takes what is left above the name
        Fit address = fit(pdf, t.lines(), right - addressX, s.address(), s.address() * 0.7f,
                room - nameHeight - s.address() * 0.4f, 1.2f);
        for (String line : address.lines()) {
            y -= address.size();
            pdf.text(addressX, y, address.size(), line);
            y -= address.size() * 0.2f;
        }
        // the name centred in the space below the address
        float space = y - bottom;
        float nameTop = y - Math.max(0, (space - nameHeight) / 2);
        for (String line : name.lines()) {
            nameTop -= name.size();
            pdf.text(nameX, nameTop + name.size() * (1 - ASCENT), name.size(), line);
            nameTop -= name.size() * 0.15f;
        }
    }

    /**
     * 縦書き: 〒 across at the top right, then columns from right to left: the address (wrapped and shrunk
     * to fit), the recipient, and the name centred in the space left, larger.
     */
    private static void vertical(PdfCanvas pdf, Style s, float left, float top, float w, float h, Texts t) {
        float padX = s.padX() * MM;
        float padY = s.padY() * MM;
        float right = left + w - padX;
        float innerLeft = left + padX;
        pdf.text(innerLeft, top - h + padY * 0.35f, s.number(), t.number().value());
        float columnTop = top - padY;
        if (!t.postal().isEmpty()) {
            pdf.textRight(right, columnTop - s.postal(), s.postal(), t.postal());
            columnTop -= s.postal() * 1.5f;
        }
        float columnBottom = top - h + padY;
        float height = columnTop - columnBottom;
        int nameChars = pdf.font().glyphs(t.name()).size();

        float size = s.address();
        float nameSize;
        List<String> columns;
        List<String> nameColumns;
        while (true) {
            nameSize = Math.max(Math.min(s.nameMax(), height / nameChars), Math.min(s.nameMin(), s.nameMax()));
            nameSize = Math.max(nameSize, size);
            nameColumns = columns(t.name(), fitting(height, nameSize));
            int perColumn = fitting(height, size);
            columns = new ArrayList<>();
            for (String line : t.lines()) {
                columns.addAll(columns(line, perColumn));
            }
            float needed = columns.size() * size * 1.25f + size * 0.8f + nameColumns.size() * nameSize * 1.25f;
            if (needed <= right - innerLeft || size <= 3.5f) {
                break;
            }
            size -= 0.5f;
        }
        float x = right;
        for (String column : columns) {
            column(pdf, x - size * 0.5f, columnTop, size, column);
            x -= size * 1.25f;
        }
        // the name column(s) centred between the left edge and the address
        float nameWidth = nameColumns.size() * nameSize * 1.25f - nameSize * 0.25f;
        float centre = (innerLeft + x) / 2;
        float nx = centre + nameWidth / 2;
        for (String column : nameColumns) {
            int n = pdf.font().glyphs(column).size();
            float colTop = columnTop - Math.max(0, (height - n * nameSize) / 2);
            column(pdf, nx - nameSize * 0.5f, colTop, nameSize, column);
            nx -= nameSize * 1.25f;
        }
    }

    /** One vertical column, centred on {@code centreX}, its first character's em box starting at {@code top}. */
    private static void column(PdfCanvas pdf, float centreX, float top, float size, String text) {
        List<FormFont.Glyph> glyphs = pdf.font().verticalGlyphs(text);
        float y = top;
        for (FormFont.Glyph g : glyphs) {
            y -= size;
            pdf.glyphAt(centreX - g.advance() * size / 2, y + size * (1 - ASCENT), size, g);
        }
    }

    /** How many characters of {@code size} fit a column of {@code height} (a rounding error does not cost one). */
    private static int fitting(float height, float size) {
        return Math.max(1, (int) Math.floor(height / size + 1e-3f));
    }

    /** Characters that belong to a number on a vertical label (漢数字 and the ー between numbers). */
    private static final String NUMERALS = "〇一二三四五六七八九十ー";
    /** A column may well end after these (都道府県, 市区町村, 郡, 丁目). */
    private static final String BREAK_AFTER = "都道府県市区町村郡目";

    /**
     * Splits {@code text} into columns of at most {@code perColumn} name characters: as few columns as
     * needed, of about equal length (no single character left over in a column of its own), ending where
     * an address divides naturally (after 都道府県, 市区町村, 丁目, or where a number starts) and never inside
     * a number if that can be helped (二二番地 is not cut between 二 and 二).
     */
    static List<String> columns(String text, int perColumn) {
        List<String> chars = jp.kiban.core.name.NameCharacters.split(text);
        int n = chars.size();
        int per = Math.max(1, perColumn);
        List<String> result = new ArrayList<>();
        int start = 0;
        while (n - start > per) {
            int remaining = n - start;
            int count = (remaining + per - 1) / per;
            int target = start + (remaining + count - 1) / count;
            int best = -1;
            int bestScore = Integer.MAX_VALUE;
            for (int cut = start + Math.max(1, (target - start + 1) / 2); cut <= start + per && cut < n; cut++) {
                boolean before = NUMERALS.contains(chars.get(cut - 1));
                boolean after = NUMERALS.contains(chars.get(cut));
                int score = Math.abs(cut - target) + (before && after ? 100 : 0) + (!before && after ? -2 : 0)
                        + (BREAK_AFTER.contains(chars.get(cut - 1)) ? -3 : 0);
                if (score < bestScore) {
                    bestScore = score;
                    best = cut;
                }
            }
            result.add(String.join("", chars.subList(start, best)));
            start = best;
        }
        result.add(String.join("", chars.subList(start, n)));
        return result;
    }

    /** Lines at a size. */
    record Fit(float size, List<String> lines) {
    }

    /**
     * The largest size from {@code max} down at which the lines fit {@code width} and {@code height}: down to
     * {@code min} a line is shrunk rather than wrapped; from {@code min} on, lines wrap, and the size goes
     * below {@code min} only if the wrapped lines are still too high (never overflowing the label).
     */
    static Fit fit(PdfCanvas pdf, List<String> lines, float width, float max, float min, float height, float leading) {
        float size = max;
        while (true) {
            List<String> wrapped = new ArrayList<>();
            for (String line : lines) {
                wrapped.addAll(wrap(pdf, line, width, size));
            }
            boolean fitsHeight = wrapped.size() * size * leading <= height;
            boolean single = wrapped.size() == lines.size();
            // above the minimum a line is shrunk rather than wrapped; at the minimum it wraps
            if ((fitsHeight && (single || size <= min)) || size <= 3) {
                return new Fit(size, wrapped);
            }
            size -= 0.5f;
        }
    }

    /** Breaks a line to fit {@code width}: at a space where possible, else between characters. */
    static List<String> wrap(PdfCanvas pdf, String line, float width, float size) {
        List<String> result = new ArrayList<>();
        List<String> chars = jp.kiban.core.name.NameCharacters.split(line);
        StringBuilder current = new StringBuilder();
        float used = 0;
        int lastSpace = -1;
        for (String ch : chars) {
            float advance = pdf.width(ch, size);
            if (used + advance > width && current.length() > 0) {
                String text = current.toString();
                if (lastSpace > 0) {
                    result.add(text.substring(0, lastSpace).stripTrailing());
                    current = new StringBuilder(text.substring(lastSpace).stripLeading());
                } else {
                    result.add(text);
                    current = new StringBuilder();
                }
                used = pdf.width(current.toString(), size);
                lastSpace = -1;
            }
            if (ch.equals(" ") || ch.equals(String.valueOf(CounterInput.FULL_WIDTH_SPACE))) {
                lastSpace = current.length();
            }
            current.append(ch);
            used += advance;
        }
        if (current.length() > 0) {
            result.add(current.toString());
        }
        return result;
    }

    private synchronized FormFont font() {
        Path path = Path.of(environment.setting(ResidentCopyComponent.FONT_SETTING, ResidentCopyComponent.DEFAULT_FONT));
        if (font == null || !font.file().equals(path)) {
            font = FormFont.load(path);
        }
        return font;
    }
}
