package jp.kiban.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import jp.kiban.core.DomainException;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.Era;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.CorporateNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.id.ResidentRecordCode;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;

class DomainExceptionTest {

    /** At least one refusal per message code and per field label. */
    static final List<Executable> REFUSALS = List.of(
            () -> IndividualNumber.of(""), () -> LocalGovernmentCode.of(""), () -> CorporateNumber.of(""),
            () -> ResidentRecordCode.of(""), () -> AddresseeNumber.of(""), () -> HouseholdNumber.of(""),
            () -> WarekiDate.parse(""), () -> KanjiName.of("", ""), () -> KanjiName.of("山田", "1"),
            () -> Furigana.of(""), () -> AlphabetName.of(""), () -> Prefecture.ofName(""), () -> PostalCode.of(""),
            () -> Address.of(Prefecture.TOKYO, "", "x", "1"), () -> Address.of(Prefecture.TOKYO, "x", "", "1"),
            () -> Address.of(Prefecture.TOKYO, "x", "x", ""), () -> Address.of(Prefecture.TOKYO, "x", "x", "1").withBuilding("\t\u0001"),
            () -> IndividualNumber.of("1"), () -> LocalGovernmentCode.of("1"), () -> IndividualNumber.of("621498320258"),
            () -> LocalGovernmentCode.of("99999"), () -> AddresseeNumber.fromSerial(0), () -> Era.of(LocalDate.of(1800, 1, 1)),
            () -> Era.ofCode(9), () -> WarekiDate.parse("M5.1.1"), () -> WarekiDate.parse("R2.2.30"),
            () -> WarekiDate.parse("R1.4.30"), () -> WarekiDate.parse("H31.5.1"), () -> WarekiDate.parse("?"),
            () -> RecordedDate.impossible(Era.REIWA, 2, 2, 2), () -> RecordedDate.fromStorageString("?"),
            () -> KanjiName.of("\uFE00", ""), () -> KanjiName.of("ｱ", ""), () -> KanjiName.of("あ".repeat(51), ""),
            () -> AlphabetName.of("."), () -> Furigana.of("x"), () -> Furigana.of("ﾟ"), () -> Prefecture.ofCode(0), () -> Prefecture.ofName("東"),
            () -> PostalCode.of("12-34567"), () -> Address.of(Prefecture.OSAKA, "x", "x", "1")
                    .withLocalGovernmentCode(LocalGovernmentCode.of("13101")));

    @Test
    void everyMessageExistsInEnglishAndJapanese() throws Throwable {
        Set<String> codes = new TreeSet<>();
        Set<String> labels = new TreeSet<>();
        for (Executable refusal : REFUSALS) {
            DomainException e = assertThrows(DomainException.class, refusal);
            codes.add(e.code());
            e.arguments().stream().filter(DomainException.Label.class::isInstance)
                    .forEach(l -> labels.add(((DomainException.Label) l).key()));
            String en = e.getMessage();
            String ja = e.getMessage(Locale.JAPANESE);
            for (String text : List.of(en, ja)) {
                assertFalse(text.startsWith(e.code()), "missing message: " + text);
                assertFalse(text.matches(".*\\{\\d}.*"), "unfilled placeholder: " + text);
                // English labels may equal one-word keys ("date"); Japanese ones never contain Latin keys
                labels.stream().filter(key -> text == ja || !key.equals(key.toLowerCase(Locale.ROOT)))
                        .forEach(key -> assertFalse(text.contains(key), "missing label " + key + ": " + text));
            }
            assertNotEquals(en, ja);
            assertTrue(ja.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA), ja);
            assertTrue(en.chars().filter(c -> c < 128).count() > en.length() / 2, en);
        }
        assertEquals(26, codes.size(), codes.toString());
        assertEquals(17, labels.size(), labels.toString());
    }

    @Test
    void englishForLogsWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            DomainException e = assertThrows(DomainException.class, () -> PostalCode.of("12-34567"));
            assertEquals("A postal code is written as 1234567 or 123-4567.", e.getMessage());
            assertEquals(e.getMessage(), e.getMessage(Locale.ENGLISH));
            assertEquals(e.getMessage(), e.getMessage(Locale.FRENCH));
            assertEquals("郵便番号は1234567または123-4567の形式で入力してください。", e.getMessage(Locale.JAPAN));
            assertEquals(e.getMessage(Locale.JAPAN), e.getMessage(Locale.JAPANESE));
            assertTrue(e.toString().contains("A postal code"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void unknownCodesFallBackToCodeAndArguments() {
        DomainException e = new DomainException("no.such.code", 1, new DomainException.Label("date"));
        assertEquals("no.such.code[1, date]", e.getMessage());
        assertEquals("no.such.code[1, 日付]", e.getMessage(Locale.JAPANESE));
        assertTrue(e instanceof IllegalArgumentException);
    }
}
