package jp.kiban.characters;

import java.awt.Shape;
import java.util.List;
import java.util.Optional;

import jp.kiban.core.name.NameCharacterPolicy;

/**
 * The characters Kiban may store in a name: those of the embedded 文字情報基盤 font (IPAmj明朝), either a
 * base character or a base character + ideographic variation selector (IVS) whose sequence the font
 * registers (its cmap format 14 subtable: the Moji_Joho IVD collection, so 葛 has U+E0102… there, not
 * the Adobe-Japan1 U+E0100). Registered as a {@link NameCharacterPolicy} too: the registers refuse
 * names with characters it does not {@linkplain #covers cover}.
 * <p>
 * A "name character" is one base code point (a surrogate pair is one) with the variation selector
 * that follows it, as {@link jp.kiban.core.name.NameCharacters#split} cuts them.
 */
public interface CharacterRepertoire extends NameCharacterPolicy {

    /**
     * Whether the font has the exact glyph of this name character: the base code point in its
     * character map and, with a variation selector, the sequence in its variation sequences. A
     * selector alone, two selectors or an empty string are not covered.
     */
    boolean covers(String nameCharacter);

    @Override
    default boolean allows(String nameCharacter) {
        return covers(nameCharacter);
    }

    /**
     * The base character and every base + IVS sequence the font registers for it, in selector
     * order (e.g. 葛, 葛+U+E0102 … 葛+U+E0108); empty if the base itself is not covered.
     */
    List<String> variants(int baseCodePoint);

    /**
     * The outline of the exact glyph of a name character (the IVS variant, not the base's default
     * glyph), in em units (1.0 = the font size) with y growing downwards and the baseline at y = 0,
     * for drawing it enlarged; empty if not covered.
     */
    Optional<Shape> outline(String nameCharacter);

    /** The advance width of the glyph in em units (1.0 for a full-width ideograph); 0 if not covered. */
    float advance(String nameCharacter);

    /** Where the repertoire comes from, for logs and the CLI: the font's name and file. */
    String source();
}
