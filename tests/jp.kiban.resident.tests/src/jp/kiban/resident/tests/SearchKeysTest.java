package jp.kiban.resident.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.resident.impl.SearchKeysAccess;

/** The normalised search keys: what is folded, and what must not be. */
class SearchKeysTest {

    @Test
    void oldAndVariantFormsFoldToTheNewForm() {
        Map<String, String> pairs = Map.ofEntries(Map.entry("髙橋", "高橋"), Map.entry("山﨑", "山崎"),
                Map.entry("渡邊", "渡辺"), Map.entry("渡邉", "渡辺"), Map.entry("澤田", "沢田"), Map.entry("濱口", "浜口"),
                Map.entry("廣田", "広田"), Map.entry("國分", "国分"), Map.entry("櫻井", "桜井"), Map.entry("齋藤", "斎藤"),
                Map.entry("齊藤", "斉藤"), Map.entry("德川", "徳川"), Map.entry("惠子", "恵子"), Map.entry("龍也", "竜也"));
        pairs.forEach((old, fresh) -> assertEquals(SearchKeysAccess.fold(fresh), SearchKeysAccess.fold(old), old));
    }

    @Test
    void saiOfSaitoIsNotFoldedTogetherWithSeiOfSaito() {
        // 斎 (齋) and 斉 (齊) are different characters: 斎藤 must not find 斉藤
        assertNotEquals(SearchKeysAccess.fold("斎藤"), SearchKeysAccess.fold("斉藤"));
        assertNotEquals(SearchKeysAccess.fold("齋藤"), SearchKeysAccess.fold("齊藤"));
    }

    @Test
    void variationSelectorsAndSpacesAreIgnoredForSearchOnly() {
        String withIvs = "葛\uDB40\uDD00城"; // 葛 + U+E0100
        KanjiName stored = KanjiName.of(withIvs, "太郎");
        assertEquals("葛城太郎", SearchKeysAccess.nameKey(stored));
        assertTrue(stored.family().contains("\uDB40\uDD00"), "the stored name keeps its IVS");
        assertEquals("葛城太郎", SearchKeysAccess.fold("葛城　太郎"));
    }

    @Test
    void readingsAreKatakanaWithoutSpaces() {
        assertEquals(Optional.of("ヤマダタロウ"), SearchKeysAccess.kanaInput("やまだ　たろう"));
        assertEquals(Optional.of("ヤマダタロウ"), SearchKeysAccess.kanaInput("ﾔﾏﾀﾞ ﾀﾛｳ"));
        assertEquals(Optional.empty(), SearchKeysAccess.kanaInput("山田"));
        assertEquals("ヤマダ　タロウ", Furigana.of("やまだ たろう").value());
    }

    @Test
    void addressKeyIgnoresWidthAndHyphenForms() {
        Address a = Address.of(Prefecture.TOKYO, "デモ町", "本町一丁目", "１２ー３");
        assertEquals(SearchKeysAccess.addressKey(a), SearchKeysAccess.addressInput("本町一丁目１２－３"));
        assertTrue(SearchKeysAccess.addressKey(a).contains(SearchKeysAccess.addressInput("12-3")));
    }
}
