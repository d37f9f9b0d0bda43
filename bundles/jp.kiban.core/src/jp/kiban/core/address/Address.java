package jp.kiban.core.address;

import java.util.Objects;
import java.util.Optional;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;
import jp.kiban.core.id.LocalGovernmentCode;

/**
 * 住所 in the parts the register keeps apart: 都道府県, 市区町村 (optionally with its
 * 全国地方公共団体コード, which must belong to the prefecture), 町字, 番地 and 方書.
 * <p>
 * 市区町村 and 町字 are kept as given (they come from the municipality's masters). In 番地 and
 * 方書, full-width digits become ASCII digits and a hyphen-like character after a digit (－, −,
 * ‐, ー, ...) becomes "-", so that "１２ー３" and "12-3" are the same address; the written form
 * ("1番地2", "12-3") is otherwise kept. Layers that need full-width text (e.g. 住基ネット) convert
 * on output.
 */
public final class Address {

    private static final Label MUNICIPALITY = new Label("municipality");
    private static final Label TOWN = new Label("town");
    private static final Label LOT = new Label("lotNumber");
    private static final Label BUILDING = new Label("building");

    private final Prefecture prefecture;
    private final String municipality;
    private final LocalGovernmentCode localGovernmentCode;
    private final String town;
    private final String lotNumber;
    private final String building;

    private Address(Prefecture prefecture, String municipality, LocalGovernmentCode code, String town,
            String lotNumber, String building) {
        this.prefecture = Objects.requireNonNull(prefecture, "prefecture");
        this.municipality = text(municipality, MUNICIPALITY);
        this.town = text(town, TOWN);
        this.lotNumber = normaliseNumbers(text(lotNumber, LOT));
        this.building = building == null || building.isBlank() ? null : normaliseNumbers(text(building, BUILDING));
        if (code != null && !code.prefectureCode().equals(prefecture.code())) {
            throw new DomainException("address.codeMismatch", code.withoutCheckDigit(),
                    Prefecture.ofCode(code.prefectureCode()).kanji(), prefecture.kanji());
        }
        this.localGovernmentCode = code;
    }

    /** An address without 方書 and without local government code; all parts required. */
    public static Address of(Prefecture prefecture, String municipality, String town, String lotNumber) {
        return new Address(prefecture, municipality, null, town, lotNumber, null);
    }

    /** This address with the given 方書 (building, room); null or blank removes it. */
    public Address withBuilding(String building) {
        return new Address(prefecture, municipality, localGovernmentCode, town, lotNumber, building);
    }

    /** This address with the 全国地方公共団体コード of its 市区町村; null removes it. */
    public Address withLocalGovernmentCode(LocalGovernmentCode code) {
        return new Address(prefecture, municipality, code, town, lotNumber, building);
    }

    public Prefecture prefecture() {
        return prefecture;
    }

    /** 市区町村, e.g. 千代田区 or 札幌市中央区. */
    public String municipality() {
        return municipality;
    }

    public Optional<LocalGovernmentCode> localGovernmentCode() {
        return Optional.ofNullable(localGovernmentCode);
    }

    /** 町字, e.g. 霞が関二丁目. */
    public String town() {
        return town;
    }

    /** 番地, e.g. 1番2号 or 12-3. */
    public String lotNumber() {
        return lotNumber;
    }

    /** 方書, e.g. ○○ビル3階. */
    public Optional<String> building() {
        return Optional.ofNullable(building);
    }

    /** The one-line written address; 方書 follows after a full-width space. */
    public String format() {
        String main = prefecture.kanji() + municipality + town + lotNumber;
        return building == null ? main : main + CounterInput.FULL_WIDTH_SPACE + building;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && prefecture == a.prefecture && municipality.equals(a.municipality)
                && Objects.equals(localGovernmentCode, a.localGovernmentCode) && town.equals(a.town)
                && lotNumber.equals(a.lotNumber) && Objects.equals(building, a.building);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefecture, municipality, localGovernmentCode, town, lotNumber, building);
    }

    @Override
    public String toString() {
        return format();
    }

    private static String text(String input, Label label) {
        String text = CounterInput.requireText(input, label);
        int position = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            position++;
            if (Character.isISOControl(cp)) {
                throw new DomainException("input.character", label, CounterInput.describe(cp), position);
            }
        }
        return text;
    }

    private static String normaliseNumbers(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean afterDigit = !sb.isEmpty() && sb.charAt(sb.length() - 1) >= '0' && sb.charAt(sb.length() - 1) <= '9';
            if (c >= '０' && c <= '９') {
                sb.append((char) (c - '０' + '0'));
            } else if (afterDigit && CounterInput.isHyphen(c)) {
                sb.append('-');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
