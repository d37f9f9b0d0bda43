package jp.kiban.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.CorporateNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.id.ResidentRecordCode;

class IdentifierTest {

    static DomainException refused(String code, Executable executable) {
        DomainException e = assertThrows(DomainException.class, executable);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    /** Known-bad numbers: the valid examples with a different check digit; the message names the right one. */
    static void assertWrongCheckDigit(Executable parse, String given, String expected) {
        DomainException e = refused("id.checkDigit", parse);
        assertEquals(List.of(given, expected), e.arguments().subList(1, 3));
        assertTrue(e.getMessage().contains("check digit is " + given + ", but " + expected + " was expected"), e.getMessage());
        assertTrue(e.getMessage(Locale.JAPANESE).contains("正しくは" + expected), e.getMessage(Locale.JAPANESE));
    }

    @Test
    void individualNumberPublishedExamples() {
        assertEquals("621498320257", IndividualNumber.of("621498320257").value());
        assertEquals("983205673214", IndividualNumber.of("983205673214").value());
        assertWrongCheckDigit(() -> IndividualNumber.of("621498320258"), "8", "7");
        assertWrongCheckDigit(() -> IndividualNumber.of("983205673210"), "0", "4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6214 9832 0257", "6214-9832-0257", "６２１４９８３２０２５７", " ６２１４ー９８３２ー０２５７ "})
    void individualNumberCounterInputIsNormalised(String input) {
        assertEquals(IndividualNumber.of("621498320257"), IndividualNumber.of(input));
    }

    @Test
    void individualNumberIsNeverShownInTextOrMessages() {
        IndividualNumber n = IndividualNumber.of("621498320257");
        assertFalse(n.toString().matches(".*\\d.*"), n.toString());
        assertEquals("********0257", n.masked());
        DomainException e = refused("id.checkDigit", () -> IndividualNumber.of("621498320258"));
        assertFalse(e.getMessage().contains("62149832025"));
        assertFalse(ResidentRecordCode.of("24727059608").toString().contains("2472705960"));
    }

    @Test
    void wrongLengthAndCharactersAreNamed() {
        DomainException e = refused("input.digitCount", () -> IndividualNumber.of("62149832025"));
        assertEquals("The individual number must have 12 digits, but 11 were given.", e.getMessage());
        assertEquals("個人番号は12桁で入力してください（入力は11桁です）。", e.getMessage(Locale.JAPANESE));
        e = refused("input.character", () -> IndividualNumber.of("6214O9832025"));
        assertEquals("The individual number contains a character that is not allowed: 'O' (U+004F) at position 5.",
                e.getMessage());
        refused("input.blank", () -> IndividualNumber.of("  "));
        refused("input.blank", () -> CorporateNumber.of(null));
    }

    @Test
    void localGovernmentCodeWithAndWithoutCheckDigit() {
        assertEquals("131016", LocalGovernmentCode.of("13101").value());
        assertEquals("011002", LocalGovernmentCode.of("01100").value());
        assertEquals("182079", LocalGovernmentCode.of("１８２０７").value());
        LocalGovernmentCode chiyoda = LocalGovernmentCode.of("131016");
        assertEquals(LocalGovernmentCode.of("13101"), chiyoda);
        assertEquals("13", chiyoda.prefectureCode());
        assertEquals("13101", chiyoda.withoutCheckDigit());
        assertWrongCheckDigit(() -> LocalGovernmentCode.of("131015"), "5", "6");
        assertWrongCheckDigit(() -> LocalGovernmentCode.of("011001"), "1", "2");
        refused("id.lengthEither", () -> LocalGovernmentCode.of("1310"));
        refused("id.lengthEither", () -> LocalGovernmentCode.of("1310160"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000", "48000", "99999"})
    void localGovernmentCodeNeedsAPrefecture(String code) {
        DomainException e = refused("id.prefectureCode", () -> LocalGovernmentCode.of(code));
        assertTrue(e.getMessage().contains(code.substring(0, 2)), e.getMessage());
    }

    @Test
    void corporateNumberHasItsCheckDigitFirst() {
        assertEquals("5835678256246", CorporateNumber.of("5835678256246").value());
        assertEquals(CorporateNumber.of("5835678256246"), CorporateNumber.of("5-8356-7825-6246"));
        assertWrongCheckDigit(() -> CorporateNumber.of("6835678256246"), "6", "5");
        // the last digit is payload, not check digit
        refused("id.checkDigit", () -> CorporateNumber.of("5835678256245"));
    }

    @Test
    void residentRecordCodeSample() {
        assertEquals("24727059608", ResidentRecordCode.of("24727059608").value());
        assertWrongCheckDigit(() -> ResidentRecordCode.of("24727059607"), "7", "8");
    }

    @Test
    void addresseeAndHouseholdNumbersFromSerial() {
        assertEquals("00000000019", AddresseeNumber.fromSerial(1).value()); // 1·2 = 2 → 11 − 2 = 9
        assertEquals("00000000060", AddresseeNumber.fromSerial(6).value()); // 6·2 = 12, r = 1 → 0
        assertEquals("00000000116", AddresseeNumber.fromSerial(11).value()); // 1·3 + 1·2 = 5 → 11 − 5 = 6
        assertEquals(1234567890L, AddresseeNumber.fromSerial(1234567890L).serial());
        assertEquals(AddresseeNumber.fromSerial(AddresseeNumber.MAX_SERIAL), AddresseeNumber.of("99999999995")); // 9·41 = 369, r = 6
        assertEquals(11, AddresseeNumber.LENGTH);
        for (long serial = 1; serial < 20_000; serial += 7) {
            AddresseeNumber a = AddresseeNumber.fromSerial(serial);
            assertEquals(a, AddresseeNumber.of(a.value()));
            assertEquals(serial, a.serial());
            assertEquals(a.value(), HouseholdNumber.fromSerial(serial).value());
        }
        assertNotEquals(AddresseeNumber.fromSerial(5), HouseholdNumber.fromSerial(5));
        assertTrue(AddresseeNumber.fromSerial(9).compareTo(AddresseeNumber.fromSerial(10)) < 0);
        refused("id.serialRange", () -> AddresseeNumber.fromSerial(0));
        refused("id.serialRange", () -> HouseholdNumber.fromSerial(AddresseeNumber.MAX_SERIAL + 1));
        refused("id.serialRange", () -> AddresseeNumber.of("00000000000"));
        assertWrongCheckDigit(() -> HouseholdNumber.of("00000000018"), "8", "9");
    }
}
