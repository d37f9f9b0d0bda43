package jp.kiban.core.tests;

import static jp.kiban.core.tests.IdentifierTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kiban.core.DomainException;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.core.name.NameCharacters;

class NameTest {

    static final String KATSURAGI = "葛\uDB40\uDD00城"; // 葛 + U+E0100
    static final String YOSHINO = "\uD842\uDFB7野"; // 𠮷 (U+20BB7) + 野
    static final String TSUJI = "辻\uDB40\uDD01"; // 辻 + U+E0101

    @Test
    void splitsBaseAndSelectorsAndSurrogatePairsTogether() {
        assertEquals(List.of("葛\uDB40\uDD00", "城"), NameCharacters.split(KATSURAGI));
        assertEquals(List.of("\uD842\uDFB7", "野"), NameCharacters.split(YOSHINO));
        assertEquals(List.of(TSUJI), NameCharacters.split(TSUJI));
        assertEquals(List.of("葛\uFE00\uDB40\uDD00"), NameCharacters.split("葛\uFE00\uDB40\uDD00"));
        assertEquals(2, NameCharacters.count(KATSURAGI));
        assertEquals(2, NameCharacters.count(YOSHINO));
        assertEquals(1, NameCharacters.count(TSUJI));
        assertEquals(0, NameCharacters.count(""));
        assertTrue(NameCharacters.isVariationSelector(0xE01EF) && NameCharacters.isVariationSelector(0xFE0F));
    }

    @Test
    void truncatesOnlyBetweenNameCharacters() {
        String name = KATSURAGI + YOSHINO + TSUJI;
        assertEquals("", NameCharacters.truncate(name, 0));
        assertEquals("葛\uDB40\uDD00", NameCharacters.truncate(name, 1));
        assertEquals(KATSURAGI + "\uD842\uDFB7", NameCharacters.truncate(name, 3));
        assertEquals(name, NameCharacters.truncate(name, 5));
        assertEquals(name, NameCharacters.truncate(name, 99));
        for (int n = 0; n <= 5; n++) {
            String cut = NameCharacters.truncate(name, n);
            assertEquals(n, NameCharacters.count(cut));
            assertTrue(name.startsWith(cut));
            assertTrue(NameCharacters.split(name).subList(0, n).equals(NameCharacters.split(cut)));
        }
    }

    @Test
    void kanjiName() {
        KanjiName n = KanjiName.of(" " + KATSURAGI + " ", TSUJI);
        assertEquals(KATSURAGI, n.family());
        assertEquals(KATSURAGI + "\u3000" + TSUJI, n.fullName());
        assertEquals(3, n.length());
        assertEquals(KanjiName.of("山田", "太郎"), KanjiName.parse("山田　太郎"));
        assertEquals(KanjiName.of("山田", "太郎"), KanjiName.parse("山田 太郎"));
        assertEquals("ＷＡＮＧ", KanjiName.parse("ＷＡＮＧ").fullName());
        assertEquals("", KanjiName.of("佐々木", null).given());
        assertEquals("佐々木", KanjiName.of("佐々木", "").fullName());
        for (String ok : List.of(YOSHINO, "〆木", "ゆうこ", "マリー・ルイーズ", "Smith", "髙橋", "\uFA11")) {
            assertEquals(ok, KanjiName.of(ok, "").family());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "'', input.blank",
            "'\u3000', input.blank",
            "ﾔﾏﾀﾞ, name.halfWidthKana",
            "山\u0000田, input.character",
            "山\u200B田, input.character",
            "\uDB40\uDD00山, name.orphanSelector",
            "山田1, input.character",
            "山田　花子, input.character",
            "\uE000, input.character",
            "\u2F00, input.character"})
    void kanjiNameRefusals(String family, String code) {
        refused(code, () -> KanjiName.of(family, "太郎"));
    }

    @Test
    void kanjiNameLengthIsCountedInNameCharacters() {
        String fifty = "葛\uDB40\uDD00".repeat(KanjiName.MAX_PART_LENGTH);
        assertEquals(fifty, KanjiName.of(fifty, "").family());
        refused("name.tooLong", () -> KanjiName.of(fifty + "葛", ""));
    }

    @ParameterizedTest
    @CsvSource({
            "ﾔﾏﾀﾞ ﾀﾛｳ, ヤマダ　タロウ",
            "ﾊﾟｸ, パク",
            "ｳﾞｨｸﾄﾙ, ヴィクトル",
            "やまだ　はなこ, ヤマダ　ハナコ",
            "'  サトウ   イチロー  ', サトウ　イチロー",
            "ｻｻｷ･ｼﾞｮｰ, ササキ・ジョー",
            "すゞき, スヾキ",
            "か\u3099, ガ",
            "ヒ゛, ビ",
            "ヴ, ヴ"})
    void furiganaIsNormalisedToFullWidthKatakana(String input, String expected) {
        assertEquals(expected, Furigana.of(input).value());
    }

    @ParameterizedTest
    @CsvSource({
            "ヤマ田, 田, 3",
            "ヤマダ　タロウ2, 2, 8",
            "yamada, y, 1",
            "ヤマダ　ﾀﾛｳA, A, 8"})
    void furiganaNamesTheFirstBadCharacter(String input, String character, int position) {
        DomainException e = refused("furigana.character", () -> Furigana.of(input));
        assertEquals(List.of(e.arguments().get(0), String.valueOf(position)), e.arguments());
        assertTrue(e.getMessage().contains("'" + character + "' (U+") && e.getMessage().contains("position " + position),
                e.getMessage());
        assertTrue(e.getMessage(Locale.JAPANESE).contains(position + "文字目"), e.getMessage(Locale.JAPANESE));
    }

    @Test
    void furiganaRefusals() {
        refused("furigana.voicedMark", () -> Furigana.of("ﾞｶ"));
        refused("furigana.voicedMark", () -> Furigana.of("ｱﾟ"));
        refused("furigana.voicedMark", () -> Furigana.of("ｶ ﾞ"));
        refused("input.blank", () -> Furigana.of(" 　"));
    }

    @ParameterizedTest
    @CsvSource({
            "john smith, JOHN SMITH",
            "'  Ｍａｒｙ   Ａｎｎ  ', MARY ANN",
            "o’brien, O'BRIEN",
            "'NGUYEN VAN A, JR.', 'NGUYEN VAN A, JR.'",
            "garcia-lopez, GARCIA-LOPEZ"})
    void alphabetNameIsNormalised(String input, String expected) {
        assertEquals(expected, AlphabetName.of(input).value());
    }

    @Test
    void alphabetNameRefusals() {
        DomainException e = refused("input.character", () -> AlphabetName.of("JOHN 3RD"));
        assertTrue(e.getMessage().contains("'3' (U+0033) at position 6"), e.getMessage());
        refused("input.character", () -> AlphabetName.of("山田"));
        refused("input.character", () -> AlphabetName.of("JOSÉ"));
        refused("input.blank", () -> AlphabetName.of("  "));
        refused("name.noLetter", () -> AlphabetName.of("-."));
        assertEquals(AlphabetName.MAX_LENGTH, AlphabetName.of("A".repeat(AlphabetName.MAX_LENGTH)).value().length());
        refused("name.tooLong", () -> AlphabetName.of("A".repeat(AlphabetName.MAX_LENGTH + 1)));
    }
}
