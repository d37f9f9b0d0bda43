package jp.kiban.characters.impl;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.characters.CharacterException;
import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.core.name.NameCharacterPolicy;
import jp.kiban.core.name.NameCharacters;
import jp.kiban.platform.KibanEnvironment;

/**
 * The repertoire of the font of record, IPAmj明朝 (the 文字情報基盤 font; the same file the forms
 * embed, setting {@value #FONT_SETTING}). The font is parsed on first use, once per process: its
 * Unicode cmap (fontbox) for base characters, its cmap format 14 subtable ({@link VariationSequences})
 * for base + IVS. A missing or unreadable font refuses every check with {@code font.missing} /
 * {@code font.unreadable} rather than letting unchecked names through.
 */
@Component(service = { CharacterRepertoire.class, NameCharacterPolicy.class })
public class FontRepertoireComponent implements CharacterRepertoire {

    /** The font of record; shared with the forms so that what is accepted is what prints. */
    public static final String FONT_SETTING = "forms.font.mincho";
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf";

    private static final Logger LOG = Logger.getLogger(FontRepertoireComponent.class.getName());
    /** fontbox warns on every parse that it ignores format 14; kept in a field so the level sticks. */
    private static final Logger FONTBOX_CMAP = quiet("org.apache.fontbox.ttf.CmapSubtable");

    @Reference
    private KibanEnvironment environment;

    private Path fontFile;
    private Font font;

    /** For DS. */
    public FontRepertoireComponent() {
    }

    /** Outside DS (tests, tools): the repertoire of one font file. */
    public static FontRepertoireComponent of(Path fontFile) {
        FontRepertoireComponent c = new FontRepertoireComponent();
        c.fontFile = fontFile;
        return c;
    }

    private record Font(Path file, String name, TrueTypeFont ttf, CmapLookup cmap, VariationSequences sequences,
            float unitsPerEm) {
    }

    private synchronized Font font() {
        Path path = fontFile != null ? fontFile : Path.of(environment.setting(FONT_SETTING, DEFAULT_FONT));
        if (font != null && font.file().equals(path)) {
            return font;
        }
        if (!Files.isRegularFile(path)) {
            LOG.severe("Character repertoire: font file " + path + " not found (setting " + FONT_SETTING
                    + "); names cannot be checked, so they are refused");
            throw new CharacterException("font.missing", path);
        }
        try {
            long start = System.nanoTime();
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
            VariationSequences sequences = VariationSequences.read(path);
            font = new Font(path, ttf.getName(), ttf, ttf.getUnicodeCmapLookup(), sequences, ttf.getUnitsPerEm());
            LOG.info(String.format("Character repertoire: %s (%s), %d variation sequences, read in %d ms", ttf.getName(),
                    path, sequences.size(), (System.nanoTime() - start) / 1_000_000));
            return font;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Character repertoire: cannot read font " + path, e);
            throw new CharacterException("font.unreadable", path);
        }
    }

    @Deactivate
    synchronized void close() {
        if (font != null) {
            try {
                font.ttf().close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the font", e);
            }
            font = null;
        }
    }

    @Override
    public boolean covers(String nameCharacter) {
        return glyph(nameCharacter) > 0;
    }

    /** The glyph id of a name character, 0 if the font lacks it. */
    int glyph(String nameCharacter) {
        if (nameCharacter == null || nameCharacter.isEmpty()) {
            return 0;
        }
        int[] cps = nameCharacter.codePoints().toArray();
        if (cps.length > 2 || NameCharacters.isVariationSelector(cps[0])
                || (cps.length == 2 && !NameCharacters.isVariationSelector(cps[1]))) {
            return 0;
        }
        Font f = font();
        int glyph;
        synchronized (this) {
            glyph = f.cmap().getGlyphId(cps[0]);
        }
        if (glyph == 0 || cps.length == 1) {
            return glyph;
        }
        int variant = f.sequences().glyph(cps[0], cps[1]);
        return variant == VariationSequences.DEFAULT_GLYPH ? glyph : variant;
    }

    @Override
    public List<String> variants(int baseCodePoint) {
        String base = Character.toString(baseCodePoint);
        if (NameCharacters.isVariationSelector(baseCodePoint) || !covers(base)) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        result.add(base);
        for (int selector : font().sequences().selectors(baseCodePoint)) {
            result.add(base + Character.toString(selector));
        }
        return result;
    }

    @Override
    public Optional<Shape> outline(String nameCharacter) {
        int glyph = glyph(nameCharacter);
        if (glyph <= 0) {
            return Optional.empty();
        }
        Font f = font();
        try {
            GeneralPath path;
            synchronized (this) {
                GlyphData data = f.ttf().getGlyph().getGlyph(glyph);
                path = data == null ? new GeneralPath() : data.getPath();
            }
            float scale = 1f / f.unitsPerEm();
            return Optional.of(AffineTransform.getScaleInstance(scale, -scale).createTransformedShape(path));
        } catch (IOException e) {
            throw new CharacterException("font.unreadable", f.file());
        }
    }

    @Override
    public float advance(String nameCharacter) {
        int glyph = glyph(nameCharacter);
        if (glyph <= 0) {
            return 0;
        }
        Font f = font();
        try {
            synchronized (this) {
                return f.ttf().getHorizontalMetrics().getAdvanceWidth(glyph) / f.unitsPerEm();
            }
        } catch (IOException e) {
            throw new CharacterException("font.unreadable", f.file());
        }
    }

    @Override
    public String source() {
        Font f = font();
        return f.name() + " (" + f.file() + ", " + f.sequences().size() + " variation sequences)";
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }
}
