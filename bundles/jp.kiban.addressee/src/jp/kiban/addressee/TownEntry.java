package jp.kiban.addressee;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.kiban.core.address.PostalCode;
import jp.kiban.core.name.Furigana;

/**
 * One entry of the town's 住所辞書: a 町字 (大字上野, 一丁目 …) with the town's own code.
 *
 * @param code         町字コード, the town's own code: 1 to {@value #MAX_CODE} ASCII digits or
 *                     letters (upper case as given; the code is compared exactly)
 * @param name         町字名 as written, at most {@value #MAX_NAME} characters, no spaces
 * @param kana         its reading in full-width katakana without spaces (hiragana and half-width
 *                     input are converted as for {@link Furigana})
 * @param postalCode   郵便番号 of the 町字, if it has one
 * @param municipality the 市区町村 it belongs to (for towns that keep several, e.g. after a merger)
 */
public record TownEntry(String code, String name, String kana, Optional<PostalCode> postalCode,
        Optional<String> municipality) {

    public static final int MAX_CODE = 12;
    public static final int MAX_NAME = 50;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1," + MAX_CODE + "}");

    public TownEntry {
        code = checkCode(code);
        name = checkName(name);
        kana = readingKey(kana);
        postalCode = postalCode == null ? Optional.empty() : postalCode;
        municipality = checkMunicipality(municipality == null ? null : municipality.orElse(null));
    }

    /** Checks a 町字名 and returns it stripped. */
    public static String checkName(String name) {
        String n = Texts.require(name, Labels.TOWN_NAME, MAX_NAME);
        if (n.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
            throw new AddresseeException("town.nameSpace");
        }
        return n;
    }

    /** Checks an optional 市区町村 (null or blank: none). */
    public static Optional<String> checkMunicipality(String municipality) {
        return Optional.ofNullable(Texts.optional(municipality, Labels.MUNICIPALITY, MAX_NAME));
    }

    public static TownEntry of(String code, String name, String kana, String postalCode) {
        return new TownEntry(code, name, kana,
                postalCode == null || postalCode.isBlank() ? Optional.empty() : Optional.of(PostalCode.of(postalCode)),
                Optional.empty());
    }

    /** Checks a 町字コード and returns it stripped. */
    public static String checkCode(String code) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            throw new AddresseeException("input.blank", Labels.TOWN_CODE);
        }
        if (!CODE.matcher(c).matches()) {
            throw new AddresseeException("town.codeForm", MAX_CODE);
        }
        return c;
    }

    /** A reading as stored and compared: full-width katakana, spaces removed. */
    public static String readingKey(String reading) {
        return Furigana.of(reading).value().replace("\u3000", "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TownEntry t && code.equals(t.code) && name.equals(t.name) && kana.equals(t.kana)
                && postalCode.equals(t.postalCode) && municipality.equals(t.municipality);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name, kana, postalCode, municipality);
    }
}
