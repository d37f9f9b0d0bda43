package jp.kiban.characters.tests;

import static jp.kiban.characters.tests.RepertoireTest.KATSU;
import static jp.kiban.characters.tests.RepertoireTest.KATSU_E0100;
import static jp.kiban.characters.tests.RepertoireTest.KATSU_E0102;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kiban.characters.CharacterCandidate;
import jp.kiban.characters.CharacterLookup;

/** The 文字コード照会: by reading (Unihan), by code (with and without IVS), by character. */
class LookupTest {

    static CharacterLookup lookup() {
        return Services.get(CharacterLookup.class);
    }

    static List<String> chars(List<CharacterCandidate> found) {
        return found.stream().map(CharacterCandidate::character).toList();
    }

    @Test
    void byKunReadingInHiraganaGivesTheBaseThenItsVariants() throws Exception {
        List<CharacterCandidate> found = lookup().search("くず", 100);
        List<String> chars = chars(found);
        assertTrue(chars.contains(KATSU), chars.toString());
        int base = chars.indexOf(KATSU);
        assertEquals(KATSU_E0102, chars.get(base + 1), "the variants follow their base");
        assertFalse(chars.contains(KATSU_E0100));
        CharacterCandidate katsu = found.get(base);
        assertTrue(katsu.onReadings().contains("カツ"), katsu.toString());
        assertTrue(katsu.kunReadings().contains("くず"), katsu.toString());
        assertEquals(12, katsu.strokes());
        assertEquals("U+845B U+E0102", found.get(base + 1).codes());
        assertTrue(found.get(base + 1).isVariant());
    }

    @Test
    void byOnReadingInKatakanaAndByPrefixOfAKunReading() throws Exception {
        assertTrue(chars(lookup().search("カツ", 200)).contains(KATSU));
        // Unihan lists 高 as たかい: the prefix たか finds it, after the exact たか readings
        List<String> taka = chars(lookup().search("たか", 300));
        assertTrue(taka.contains("高"), taka.toString());
        assertTrue(taka.indexOf("鷹") < taka.indexOf("高"), "exact readings first: " + taka);
        // ず and づ are not told apart (Unihan's romaji does not)
        assertTrue(chars(lookup().search("つづら", 50)).contains(KATSU));
    }

    @Test
    void byCodeWithAndWithoutIvs() throws Exception {
        CharacterLookup l = lookup();
        List<String> plain = chars(l.search("U+845B", 50));
        assertEquals(KATSU, plain.get(0));
        assertTrue(plain.contains(KATSU_E0102));
        assertEquals(plain, chars(l.search("845b", 50)));
        assertEquals(plain, chars(l.search("Ｕ＋８４５Ｂ", 50)), "full-width input");
        assertEquals(KATSU_E0102, l.search("U+845B U+E0102", 50).get(0).character());
        assertEquals(KATSU_E0102, l.search("845B_E0102", 50).get(0).character());
        List<String> adobe = chars(l.search("U+845B U+E0100", 50));
        assertFalse(adobe.contains(KATSU_E0100), "a sequence the font lacks is not offered");
        assertEquals(KATSU, adobe.get(0), "… but its base and the font's variants are");
        assertEquals(List.of(), l.search("U+9FA6", 50), "an ideograph the font lacks");
        assertEquals("\uD842\uDF9F", l.search("U+20B9F", 5).get(0).character(), "extension B, a surrogate pair");
    }

    @Test
    void byCharacterAndEdgeCases() throws Exception {
        CharacterLookup l = lookup();
        List<String> typed = chars(l.search("葛城", 100));
        assertEquals(KATSU, typed.get(0));
        assertTrue(typed.contains("城"));
        assertEquals(List.of(), l.search("  ", 10));
        assertEquals(List.of(), l.search(null, 10));
        assertEquals(List.of(), l.search("ゐゑゐゑゐゑ", 10), "a reading no character has");
        assertEquals(3, l.search("かつ", 3).size(), "the limit holds");
        assertThrows(IllegalArgumentException.class, () -> l.search("かつ", 0));
        assertEquals("葛", l.describe(KATSU_E0102).orElseThrow().character().substring(0, 1));
        assertTrue(l.describe(KATSU_E0100).isEmpty());
    }
}
