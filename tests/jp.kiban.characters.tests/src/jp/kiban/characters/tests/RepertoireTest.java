package jp.kiban.characters.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.characters.CharacterException;
import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.characters.impl.FontRepertoireComponent;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;
import jp.kiban.core.name.NameCharacterPolicy;

/** The repertoire read from IPAmj明朝: bases, IVS sequences (Moji_Joho), surrogate pairs, glyph outlines. */
class RepertoireTest {
    static final String KATSU = "葛";
    static final String KATSU_E0102 = "葛\uDB40\uDD02"; // Moji_Joho sequence IPAmj has
    static final String KATSU_E0100 = "葛\uDB40\uDD00"; // Adobe-Japan1 sequence IPAmj does not have
    static final String SHIKARU = "\uD842\uDF9F"; // 𠮟 U+20B9F, extension B (a surrogate pair)
    static final String NOT_IN_FONT_BMP = "\u9FA6"; // 龦, an ideograph IPAmj lacks
    static final String NOT_IN_FONT_EXT_G = "\uD880\uDC00"; // 𰀀 U+30000, extension G

    static CharacterRepertoire repertoire() {
        return Services.get(CharacterRepertoire.class);
    }

    @Test
    void basesTheFontHasAreCoveredOthersAreNot() {
        CharacterRepertoire r = repertoire();
        for (String ch : List.of(KATSU, "高", "々", "あ", "ア", "ー", "A", "Ａ", SHIKARU, "\uD867\uDE3D" /* 𩸽 */)) {
            assertTrue(r.covers(ch), ch + " " + NameCharacterPolicy.codes(ch));
        }
        for (String ch : List.of(NOT_IN_FONT_BMP, NOT_IN_FONT_EXT_G, "한", "\uD83D\uDE00" /* emoji */, "\uE000")) {
            assertFalse(r.covers(ch), ch + " " + NameCharacterPolicy.codes(ch));
        }
        assertFalse(r.covers(""));
    }

    @Test
    void ivsSequencesAreCoveredOnlyAsTheFontRegistersThem() {
        CharacterRepertoire r = repertoire();
        assertTrue(r.covers(KATSU_E0102));
        assertFalse(r.covers(KATSU_E0100), "Adobe-Japan1's 葛 E0100 is not in the Moji_Joho collection of IPAmj");
        assertFalse(r.covers("\uDB40\uDD02"), "a selector alone");
        assertFalse(r.covers(KATSU_E0102 + "\uDB40\uDD03"), "two selectors");
        assertFalse(r.covers(NOT_IN_FONT_BMP + "\uDB40\uDD00"), "a selector on a base the font lacks");
        assertFalse(r.covers("葛高"), "two name characters are not one");
    }

    @Test
    void variantsListTheBaseThenEverySequenceInSelectorOrder() {
        List<String> v = repertoire().variants(0x845B);
        assertEquals(KATSU, v.get(0));
        assertTrue(v.contains(KATSU_E0102), v.toString());
        assertFalse(v.contains(KATSU_E0100));
        assertTrue(v.size() >= 3, "葛 has several Moji_Joho variants: " + v.size());
        for (int i = 1; i < v.size(); i++) {
            assertTrue(repertoire().covers(v.get(i)));
            assertTrue(v.get(i - 1).codePoints().reduce(0, (a, b) -> b) < v.get(i).codePoints().reduce(0, (a, b) -> b));
        }
        assertEquals(List.of(), repertoire().variants(0x9FA6));
    }

    @Test
    void theIvsGlyphIsAnotherOutlineThanTheBase() {
        CharacterRepertoire r = repertoire();
        Shape base = r.outline(KATSU).orElseThrow();
        Shape variant = r.outline(KATSU_E0102).orElseThrow();
        Rectangle2D b = base.getBounds2D();
        assertTrue(b.getWidth() > 0.5 && b.getWidth() <= 1.1, "about one em wide: " + b);
        assertTrue(b.getMinY() < 0 && b.getMaxY() > -0.5, "y down, mostly above the baseline: " + b);
        assertNotEquals(area(base), area(variant), "the variant glyph differs from the base glyph");
        assertEquals(Optional.empty(), r.outline(KATSU_E0100));
        assertEquals(1.0f, r.advance(KATSU), 0.01f);
        assertEquals(0f, r.advance(NOT_IN_FONT_BMP));
    }

    /** A fingerprint of an outline: its path coordinates. */
    private static String area(Shape s) {
        StringBuilder b = new StringBuilder();
        double[] c = new double[6];
        for (var it = s.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            b.append(type).append(Math.round(c[0] * 1000)).append(',').append(Math.round(c[1] * 1000)).append(';');
        }
        return b.toString();
    }

    @Test
    void thePolicyNamesTheCharacterItsCodesAndItsPosition() {
        CharacterRepertoire r = repertoire();
        assertEquals(Optional.empty(), r.firstRefused("葛城　" + KATSU_E0102 + "子"));
        NameCharacterPolicy.Refused refused = r.firstRefused("山" + KATSU_E0100 + "田").orElseThrow();
        assertEquals(KATSU_E0100, refused.character());
        assertEquals(2, refused.position());
        assertEquals(3, r.firstRefused("山田" + NOT_IN_FONT_EXT_G).orElseThrow().position(), "a surrogate pair counts once");

        DomainException e = assertThrows(DomainException.class, () -> r.check("山" + NOT_IN_FONT_BMP, new Label("familyName")));
        assertEquals("name.notInRepertoire", e.code());
        String ja = e.getMessage(Locale.JAPANESE);
        assertTrue(ja.contains("氏の2文字目「" + NOT_IN_FONT_BMP + "」（U+9FA6）"), ja);
        assertTrue(ja.contains("文字情報基盤"), ja);
        assertTrue(e.getMessage().contains("(U+9FA6) at position 2"), e.getMessage());
    }

    @Test
    void aMissingFontRefusesInsteadOfLettingNamesThrough() {
        CharacterRepertoire missing = FontRepertoireComponent.of(Path.of("/nonexistent/ipamjm.ttf"));
        CharacterException e = assertThrows(CharacterException.class, () -> missing.covers(KATSU));
        assertEquals("font.missing", e.code());
        assertTrue(e.getMessage(Locale.JAPANESE).contains("/nonexistent/ipamjm.ttf"), e.getMessage(Locale.JAPANESE));
    }
}
