package jp.kiban.resident.impl;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

import jp.kiban.core.CounterInput;
import jp.kiban.core.address.Address;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.core.name.NameCharacters;

/**
 * Normalised search keys, stored in columns so that the counter search runs in SQL on both engines.
 * Only the keys are folded; the stored names keep their exact characters and IVS.
 * <p>
 * Kanji folding: variation selectors are removed, NFKC is applied (compatibility ideographs with a
 * canonical mapping, full-width Latin), then {@link #VARIANTS} maps common 旧字体/異体字 of name
 * characters to the 新字体 clerks type. Each pair is a recognised 異体字 relation (旧字体 → 新字体 of
 * the 常用漢字表 or a common 異体字 of it). 斎 (齋) and 斉 (齊) are different characters and are not
 * folded together. Extend the table here, and only here.
 */
final class SearchKeys {

    /** 旧字体/異体字 → 新字体. */
    static final Map<Integer, Integer> VARIANTS = Map.ofEntries(
            entry("髙", "高"), entry("﨑", "崎"), entry("嵜", "崎"), entry("邊", "辺"), entry("邉", "辺"),
            entry("澤", "沢"), entry("濱", "浜"), entry("廣", "広"), entry("國", "国"), entry("櫻", "桜"),
            entry("齋", "斎"), entry("齊", "斉"), entry("德", "徳"), entry("惠", "恵"), entry("龍", "竜"),
            entry("嶋", "島"), entry("嶌", "島"), entry("眞", "真"), entry("實", "実"), entry("榮", "栄"),
            entry("關", "関"), entry("條", "条"), entry("壽", "寿"), entry("淺", "浅"), entry("藏", "蔵"),
            entry("冨", "富"), entry("瀨", "瀬"));

    /** Separates the name variants stored in one key, so a partial input never matches across them. */
    static final String SEPARATOR = "|";

    private SearchKeys() {
    }

    private static Map.Entry<Integer, Integer> entry(String from, String to) {
        return Map.entry(from.codePointAt(0), to.codePointAt(0));
    }

    /** Folded kanji text without spaces and variation selectors. */
    static String fold(String text) {
        StringBuilder stripped = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !NameCharacters.isVariationSelector(cp) && !CounterInput.isSpace(cp)
                && !Character.isWhitespace(cp)).forEach(stripped::appendCodePoint);
        String nfkc = Normalizer.normalize(stripped, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().map(cp -> VARIANTS.getOrDefault(cp, cp)).map(Character::toUpperCase)
                .filter(cp -> !Character.isWhitespace(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    static String nameKey(KanjiName name, Optional<KanjiName> commonName, Optional<String> formerSurname) {
        StringBuilder sb = new StringBuilder(fold(name.family() + name.given()));
        commonName.ifPresent(c -> sb.append(SEPARATOR).append(fold(c.family() + c.given())));
        formerSurname.ifPresent(f -> sb.append(SEPARATOR).append(fold(f + name.given())));
        return sb.toString();
    }

    static String furiganaKey(Furigana furigana, Optional<Furigana> common, Optional<Furigana> formerSurname) {
        StringBuilder sb = new StringBuilder(kana(furigana));
        common.ifPresent(c -> sb.append(SEPARATOR).append(kana(c)));
        formerSurname.ifPresent(f -> sb.append(SEPARATOR).append(kana(f)));
        return sb.toString();
    }

    static String kana(Furigana f) {
        return f.value().replace(String.valueOf(CounterInput.FULL_WIDTH_SPACE), "");
    }

    static String addressKey(Address a) {
        return normaliseHyphens(fold(a.town() + a.lotNumber() + a.building().orElse("")));
    }

    /** Search input for the address: folded like the key, hyphen-like characters after digits become "-". */
    static String addressInput(String input) {
        return normaliseHyphens(fold(input));
    }

    /**
     * The kana key of a name input, if the input is a reading (katakana, hiragana, half-width kana);
     * empty if it contains anything else (then it is a kanji name).
     */
    static Optional<String> kanaInput(String input) {
        try {
            return Optional.of(kana(Furigana.of(input)));
        } catch (RuntimeException notKana) {
            return Optional.empty();
        }
    }

    private static String normaliseHyphens(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean afterDigit = !sb.isEmpty() && Character.isDigit(sb.charAt(sb.length() - 1));
            sb.append(afterDigit && CounterInput.isHyphen(c) ? '-' : c);
        }
        return sb.toString();
    }

    /** Escapes LIKE wildcards; the queries use ESCAPE '\'. */
    static String likeContains(String key) {
        return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
