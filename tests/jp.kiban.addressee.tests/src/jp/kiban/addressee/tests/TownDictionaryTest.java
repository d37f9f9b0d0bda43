package jp.kiban.addressee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kiban.addressee.AddresseeException;
import jp.kiban.addressee.TownDictionary;
import jp.kiban.addressee.TownEntry;
import jp.kiban.addressee.TownImportMode;
import jp.kiban.addressee.TownImportResult;
import jp.kiban.core.address.PostalCode;

/** The 住所辞書 service on the real database: import modes, all-or-nothing, completion, export. */
class TownDictionaryTest {

    static final String BASE = """
            code,name,kana,postal_code,municipality
            010,大字北城,オオアザホクジョウ,399-9301,白馬村
            020,大字神城,オオアザカミシロ,399-9211,白馬村
            030,大字上野,オオアザウエノ,,"白馬村,旧北城村"
            101,一丁目,イッチョウメ,3999302,
            102,二丁目,ニチョウメ,3999302,
            """;

    TownDictionary dictionary;

    static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> codes(List<TownEntry> entries) {
        return entries.stream().map(TownEntry::code).toList();
    }

    @BeforeEach
    void startFromTheBaseDictionary() throws Exception {
        dictionary = Fixtures.service(TownDictionary.class);
        TownImportResult r = dictionary.importCsv(Fixtures.ADMIN, csv(BASE), TownImportMode.REPLACE);
        assertTrue(r.applied(), r.problems().toString());
    }

    @Test
    void importedEntriesCanBeListedAndFound() {
        assertEquals(List.of("010", "020", "030", "101", "102"), codes(dictionary.all()));
        TownEntry kamishiro = dictionary.find("020").orElseThrow();
        assertEquals("大字神城", kamishiro.name());
        assertEquals("オオアザカミシロ", kamishiro.kana());
        assertEquals(Optional.of(PostalCode.of("3999211")), kamishiro.postalCode());
        assertEquals(Optional.of("白馬村,旧北城村"), dictionary.find("030").orElseThrow().municipality(),
                "a quoted field keeps its comma");
        assertEquals(Optional.empty(), dictionary.find("030").orElseThrow().postalCode());
        assertEquals(Optional.empty(), dictionary.find("999"));
    }

    @Test
    void replaceMakesTheFileTheWholeDictionary() throws Exception {
        TownImportResult r = dictionary.importCsv(Fixtures.ADMIN,
                csv("code,name,kana,postal_code\n010,大字北城,オオアザホクジョウ,3999301\n020,大字神城,オオアザカミシロ,3999212\n201,三丁目,サンチョウメ,\n"),
                TownImportMode.REPLACE);
        assertTrue(r.applied());
        // 010 changed too: a 4-column file has no municipality, so 白馬村 is gone
        assertEquals(List.of(1, 2, 0, 3), List.of(r.added(), r.updated(), r.unchanged(), r.removed()));
        assertEquals(Optional.empty(), dictionary.find("010").orElseThrow().municipality());
        assertEquals(List.of("010", "020", "201"), codes(dictionary.all()));
        assertEquals(Optional.of(PostalCode.of("3999212")), dictionary.find("020").orElseThrow().postalCode());
    }

    @Test
    void addOrUpdateKeepsWhatTheFileDoesNotName() throws Exception {
        TownImportResult r = dictionary.importCsv(Fixtures.ADMIN,
                csv("code,name,kana,postal_code,municipality\n102,二丁目,ニチョウメ,3999303,\n103,三丁目,サンチョウメ,3999302,\n101,一丁目,イッチョウメ,3999302,\n"),
                TownImportMode.ADD_OR_UPDATE);
        assertTrue(r.applied());
        assertEquals(List.of(1, 1, 1, 0), List.of(r.added(), r.updated(), r.unchanged(), r.removed()));
        assertEquals(List.of("010", "020", "030", "101", "102", "103"), codes(dictionary.all()));
        assertEquals(Optional.of(PostalCode.of("3999303")), dictionary.find("102").orElseThrow().postalCode());
    }

    @Test
    void oneBadRowAndNothingIsImportedInEitherMode() throws Exception {
        String bad = "code,name,kana,postal_code\n301,四丁目,ヨンチョウメ,3999302\n302,五丁目,ゴチョウメ,999\n303,六丁目,6チョウメ,\n";
        for (TownImportMode mode : TownImportMode.values()) {
            TownImportResult r = dictionary.importCsv(Fixtures.ADMIN, csv(bad), mode);
            assertFalse(r.applied());
            assertEquals(List.of(3, 4), r.problems().stream().map(p -> p.line()).toList());
            assertEquals(List.of(0, 0, 0, 0), List.of(r.added(), r.updated(), r.unchanged(), r.removed()));
            assertEquals(List.of("010", "020", "030", "101", "102"), codes(dictionary.all()), "unchanged after " + mode);
        }
    }

    @Test
    void aFileWithBomAndCrLfImports() throws Exception {
        byte[] body = "code,name,kana,postal_code\r\n401,七丁目,ナナチョウメ,3999302\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        TownImportResult r = dictionary.importCsv(Fixtures.ADMIN, new ByteArrayInputStream(withBom), TownImportMode.ADD_OR_UPDATE);
        assertTrue(r.applied(), r.problems().toString());
        assertEquals("七丁目", dictionary.find("401").orElseThrow().name());
    }

    @Test
    void onlyAnAdministratorMayImport() {
        AddresseeException e = assertThrows(AddresseeException.class,
                () -> dictionary.importCsv(Fixtures.CLERK, csv(BASE), TownImportMode.REPLACE));
        assertEquals("permission.administer", e.code());
        assertEquals("住所辞書の変更はシステム管理者のみが行えます。", e.getMessage(Locale.JAPANESE));
        assertEquals("Only an administrator may change the town dictionary.", e.getMessage());
    }

    @Test
    void completionByLeadingNameOrReadingOrderedByReadingAndLimited() {
        assertEquals(List.of("030", "020", "010"), codes(dictionary.complete("大字", 10)), "by reading: ウ, カ, ホ");
        assertEquals(List.of("030", "020"), codes(dictionary.complete("大字", 2)));
        assertEquals(List.of("020"), codes(dictionary.complete("大字神", 10)));
        assertEquals(List.of("020"), codes(dictionary.complete("オオアザカ", 10)), "katakana reading");
        assertEquals(List.of("020"), codes(dictionary.complete("おおあざか", 10)), "hiragana is read as katakana");
        assertEquals(List.of("101"), codes(dictionary.complete("ｲｯ", 10)), "half-width kana too");
        assertEquals(List.of("101"), codes(dictionary.complete("一", 10)));
        assertEquals(List.of(), codes(dictionary.complete("丁目", 10)), "leading characters only");
        assertEquals(List.of(), dictionary.complete("  ", 10));
        assertEquals("search.limit", assertThrows(AddresseeException.class, () -> dictionary.complete("大字", 0)).code());
        assertEquals("search.limit", assertThrows(AddresseeException.class, () -> dictionary.complete("大字", 101)).code());
    }

    @Test
    void completionTreatsLikeWildcardsAsText() throws Exception {
        dictionary.importCsv(Fixtures.ADMIN, csv("code,name,kana,postal_code\n501,字_%!,アザ,\n"), TownImportMode.ADD_OR_UPDATE);
        assertEquals(List.of("501"), codes(dictionary.complete("字_%!", 10)));
        assertEquals(List.of(), codes(dictionary.complete("%", 10)));
        assertEquals(List.of(), codes(dictionary.complete("_", 10)));
    }

    @Test
    void exportImportsBackToTheSameDictionary() throws Exception {
        List<TownEntry> before = dictionary.all();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dictionary.exportCsv(out);
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFcode,name,kana,postal_code,municipality\r\n010,大字北城,オオアザホクジョウ,399-9301,白馬村\r\n"), text);
        assertTrue(text.contains("030,大字上野,オオアザウエノ,,\"白馬村,旧北城村\"\r\n"), text);
        dictionary.importCsv(Fixtures.ADMIN, csv("code,name,kana,postal_code\n999,別,ベツ,\n"), TownImportMode.REPLACE);
        TownImportResult r = dictionary.importCsv(Fixtures.ADMIN, new ByteArrayInputStream(out.toByteArray()),
                TownImportMode.REPLACE);
        assertTrue(r.applied(), r.problems().toString());
        assertEquals(before, dictionary.all());
    }
}
