package jp.kiban.forms.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import jp.kiban.core.name.NameCharacters;
import jp.kiban.forms.FormException;

/**
 * The form font (IPAmj明朝), parsed once: its Unicode cmap for plain characters and its format 14
 * subtable for base character + IVS. {@link #glyphs(String)} turns text into glyph ids, one per
 * name character, and refuses a character (or a base + IVS pair) the font lacks.
 */
final class FormFont {

    /** One name character and the glyph that prints it. */
    record Glyph(String text, int glyphId, float advance) {
    }

    /**
     * fontbox warns on every parse that it ignores the format 14 subtable; {@link VariationSequences}
     * reads it instead. Kept in a field so that the level is not lost with a collected logger.
     */
    private static final java.util.logging.Logger FONTBOX_CMAP = quiet("org.apache.fontbox.ttf.CmapSubtable");

    private final Path file;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final VariationSequences sequences;
    private final float unitsPerEm;

    private FormFont(Path file, TrueTypeFont ttf, VariationSequences sequences) throws IOException {
        this.file = file;
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup();
        this.sequences = sequences;
        this.unitsPerEm = ttf.getUnitsPerEm();
    }

    static FormFont load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FormException("font.missingFile", file);
        }
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            return new FormFont(file, ttf, VariationSequences.read(file));
        } catch (IOException e) {
            throw new FormException("font.unreadable", file, e.getMessage());
        }
    }

    Path file() {
        return file;
    }

    TrueTypeFont trueTypeFont() {
        return ttf;
    }

    int variationSequenceCount() {
        return sequences.size();
    }

    /** The glyphs of {@code text}; refuses the first character the font cannot print exactly. */
    List<Glyph> glyphs(String text) {
        List<Glyph> result = new ArrayList<>();
        for (String ch : NameCharacters.split(text)) {
            int[] cps = ch.codePoints().toArray();
            int glyph = cmap.getGlyphId(cps[0]);
            if (cps.length > 1) {
                if (cps.length > 2 || !NameCharacters.isVariationSelector(cps[1])) {
                    throw missing(ch);
                }
                int variant = sequences.glyph(cps[0], cps[1]);
                glyph = variant == VariationSequences.DEFAULT_GLYPH ? glyph : variant;
            } else if (NameCharacters.isVariationSelector(cps[0])) {
                throw missing(ch);
            }
            if (glyph == 0) {
                throw missing(ch);
            }
            result.add(new Glyph(ch, glyph, advance(glyph)));
        }
        return result;
    }

    /** Width of {@code text} in points at {@code size}. */
    float width(String text, float size) {
        float w = 0;
        for (Glyph g : glyphs(text)) {
            w += g.advance();
        }
        return w * size;
    }

    /** Advance of a glyph in em (1.0 = font size). */
    private float advance(int glyph) {
        try {
            return ttf.getHorizontalMetrics().getAdvanceWidth(glyph) / unitsPerEm;
        } catch (IOException e) {
            throw new FormException("font.unreadable", file, e.getMessage());
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** OpenType features for vertical writing, and the scripts to look them up in. */
    private static final List<String> VERTICAL_FEATURES = List.of("vert", "vrt2");
    private static final String[] VERTICAL_SCRIPTS = { "kana", "hani", "DFLT", "latn" };
    private org.apache.fontbox.ttf.GlyphSubstitutionTable gsub;
    private boolean gsubRead;

    /**
     * The glyphs of {@code text} for vertical writing (縦書き): each character's vertical form from the
     * font's GSUB 'vert'/'vrt2' features where it has one (ー, 、, 。, brackets, small kana …), else its
     * upright glyph. Refuses missing characters as {@link #glyphs(String)} does.
     */
    List<Glyph> verticalGlyphs(String text) {
        List<Glyph> plain = glyphs(text);
        org.apache.fontbox.ttf.GlyphSubstitutionTable table = gsub();
        if (table == null) {
            return plain;
        }
        List<Glyph> result = new ArrayList<>(plain.size());
        for (Glyph g : plain) {
            int v = table.getSubstitution(g.glyphId(), VERTICAL_SCRIPTS, VERTICAL_FEATURES);
            result.add(v > 0 && v != g.glyphId() ? new Glyph(g.text(), v, g.advance()) : g);
        }
        return result;
    }

    private org.apache.fontbox.ttf.GlyphSubstitutionTable gsub() {
        if (!gsubRead) {
            try {
                gsub = ttf.getGsub();
            } catch (IOException e) {
                throw new FormException("font.unreadable", file, e.getMessage());
            }
            gsubRead = true;
        }
        return gsub;
    }

    private static FormException missing(String ch) {
        String codes = ch.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" "));
        return new FormException("font.missingGlyph", ch, codes);
    }
}
