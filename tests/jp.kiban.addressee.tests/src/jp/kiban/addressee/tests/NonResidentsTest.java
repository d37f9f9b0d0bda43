package jp.kiban.addressee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.addressee.AddresseeDirectory;
import jp.kiban.addressee.AddresseeException;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.addressee.Gender;
import jp.kiban.addressee.NameAndAddress;
import jp.kiban.addressee.NonResident;
import jp.kiban.addressee.NonResidentData;
import jp.kiban.addressee.NonResidents;
import jp.kiban.addressee.PostalAddress;
import jp.kiban.core.DomainException;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.date.Era;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;

/** The 住登外者 register, its directory, and the hand-over to the resident base on moving in. */
class NonResidentsTest {

    final NonResidents register = Fixtures.service(NonResidents.class);
    final AddresseeNumbers numbers = Fixtures.service(AddresseeNumbers.class);

    static NonResidentData yamada(String reading) {
        return NonResidentData.of(KanjiName.of("山田", "太郎"), Furigana.of(reading), RecordedDate.exact(LocalDate.of(1970, 4, 1)))
                .withGender(Gender.MALE)
                .withAddress(PostalCode.of("100-0013"), jp.kiban.core.address.Address.of(
                        jp.kiban.core.address.Prefecture.TOKYO, "千代田区", "霞が関二丁目", "1-2").withBuilding("霞ビル３０１"));
    }

    @Test
    void registeringAssignsANonResidentNumberAndKeepsEverything() {
        String reading = Fixtures.uniqueReading("ヤマダ　タロウ");
        NonResident r = register.register(Fixtures.CLERK, yamada(reading));
        assertEquals(Optional.of(AddresseeKind.NON_RESIDENT), numbers.kindOf(r.number()));
        assertEquals("tanaka", r.updatedBy());
        NonResident found = register.find(r.number()).orElseThrow();
        assertEquals(yamada(reading), found.data(), "stored and read back unchanged");
        assertFalse(found.movedIn());
        assertEquals("霞ビル301", ((PostalAddress.Domestic) found.data().address().orElseThrow()).address().building().orElseThrow());
    }

    @Test
    void partlyUnknownBirthDatesAndAlphabetOnlyNamesAndAddressesAbroad() {
        NonResidentData d = new NonResidentData(Optional.empty(), Optional.of(AlphabetName.of("smith, john")),
                Furigana.of("スミス　ジョン"), RecordedDate.dayUnknown(Era.SHOWA, 50, 3), Optional.empty(), Optional.empty(),
                Optional.of(PostalAddress.abroad("10 Downing Street\r\nLondon SW1A 2AA\n\nUnited Kingdom")));
        NonResident r = register.register(Fixtures.CLERK, d);
        NonResidentData back = register.find(r.number()).orElseThrow().data();
        assertEquals("SMITH, JOHN", back.displayName());
        assertEquals("昭和50年3月日不詳", back.birthDate().format());
        assertEquals(Optional.empty(), back.gender());
        assertEquals(List.of("10 Downing Street", "London SW1A 2AA", "United Kingdom"),
                ((PostalAddress.Abroad) back.address().orElseThrow()).lines());
    }

    @Test
    void refusals() {
        Furigana f = Furigana.of("ナナシ");
        RecordedDate unknown = RecordedDate.unknown();
        AddresseeException noName = assertThrows(AddresseeException.class, () -> new NonResidentData(Optional.empty(),
                Optional.empty(), f, unknown, Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals("nonResident.nameRequired", noName.code());
        assertEquals("漢字氏名またはアルファベット氏名を入力してください。", noName.getMessage(Locale.JAPANESE));

        AddresseeException postalAlone = assertThrows(AddresseeException.class,
                () -> new NonResidentData(Optional.of(KanjiName.of("名無", "")), Optional.empty(), f, unknown,
                        Optional.empty(), Optional.of(PostalCode.of("1000013")), Optional.empty()));
        assertEquals("address.postalCodeWithoutAddress", postalAlone.code());

        assertEquals("abroad.tooManyLines", assertThrows(AddresseeException.class,
                () -> PostalAddress.abroad("1\n2\n3\n4\n5")).code());
        assertEquals("text.control", assertThrows(AddresseeException.class,
                () -> PostalAddress.abroad("Main St\u0007")).code());
        assertEquals("text.tooLong", assertThrows(AddresseeException.class, () -> PostalAddress.of(
                Fixtures.address("大字" + "あ".repeat(60), "1"))).code());

        AddresseeException unknownNumber = assertThrows(AddresseeException.class,
                () -> register.update(Fixtures.CLERK, AddresseeNumber.fromSerial(9_999_999_998L), yamada("ヤマダ")));
        assertEquals("nonResident.unknown", unknownNumber.code());

        AddresseeNumber resident = numbers.assign(AddresseeKind.RESIDENT);
        assertEquals("nonResident.unknown", assertThrows(AddresseeException.class,
                () -> register.update(Fixtures.CLERK, resident, yamada("ヤマダ"))).code(), "a resident's number is not a 住登外者");

        assertEquals("search.limit", assertThrows(AddresseeException.class, () -> register.searchByFurigana("ヤ", 0)).code());
        assertThrows(DomainException.class, () -> register.searchByFurigana("山田", 10), "a reading, not kanji");
    }

    @Test
    void updateReplacesTheData() {
        NonResident r = register.register(Fixtures.CLERK, yamada(Fixtures.uniqueReading("ヤマダ")));
        NonResidentData moved = yamada(r.data().furigana().value()).withAddressAbroad("Seoul, Korea");
        NonResident u = register.update(Fixtures.ADMIN, r.number(), moved);
        assertEquals(moved, u.data());
        assertEquals("admin", register.find(r.number()).orElseThrow().updatedBy());
        assertEquals(moved, register.find(r.number()).orElseThrow().data());
    }

    @Test
    void searchIsPartialIgnoresSpacesAndAcceptsHiragana() {
        String reading = Fixtures.uniqueReading("サトウ　ハナコ");
        NonResident hanako = register.register(Fixtures.CLERK, yamada(reading));
        String tail = reading.substring("サトウ　ハナコ".length()); // the unique part, e.g. アイウエ
        assertEquals(List.of(hanako.number()), numbers(register.searchByFurigana("トウハナコ" + tail, 10)));
        assertEquals(List.of(hanako.number()), numbers(register.searchByFurigana("とう　はなこ" + tail, 10)));
        assertEquals(List.of(hanako.number()), numbers(register.searchByFurigana("ｻﾄｳ ﾊﾅｺ" + tail, 10)));
        assertEquals(List.of(), numbers(register.searchByFurigana("ハナコサトウ" + tail, 10)));
    }

    @Test
    void searchIsOrderedByReadingAndLimited() {
        String tail = Fixtures.uniqueReading("");
        NonResident b = register.register(Fixtures.CLERK, yamada("イトウ" + tail));
        NonResident a = register.register(Fixtures.CLERK, yamada("アベ" + tail));
        NonResident c = register.register(Fixtures.CLERK, yamada("ウエダ" + tail));
        assertEquals(List.of(a.number(), b.number(), c.number()), numbers(register.searchByFurigana(tail, 10)));
        assertEquals(List.of(a.number(), b.number()), numbers(register.searchByFurigana(tail, 2)));
    }

    @Test
    void theDirectoryAnswersForNonResidentsWithTheirNameAndAddress() {
        NonResident r = register.register(Fixtures.CLERK, yamada(Fixtures.uniqueReading("ヤマダ")));
        NameAndAddress n = directory().lookup(r.number(), LocalDate.of(2026, 4, 1)).orElseThrow();
        assertEquals("山田　太郎", n.name());
        assertEquals(r.data().furigana().value(), n.furigana());
        assertEquals(Optional.of(PostalCode.of("1000013")), n.postalCode());
        assertEquals("東京都千代田区霞が関二丁目1-2　霞ビル301", n.whereabouts().orElseThrow().format());
        assertEquals("霞が関二丁目", n.address().town());
        assertEquals(Optional.empty(), directory().lookup(numbers.assign(AddresseeKind.RESIDENT), LocalDate.of(2026, 4, 1)));
    }

    @Test
    void movingInHandsTheNumberToTheResidentBase() {
        String reading = Fixtures.uniqueReading("テンニュウ");
        NonResident r = register.register(Fixtures.CLERK, yamada(reading));
        // what the resident base does in the transaction that registers the 転入 under the same number
        numbers.changeKind(r.number(), AddresseeKind.RESIDENT);

        NonResident kept = register.find(r.number()).orElseThrow();
        assertTrue(kept.movedIn());
        assertEquals(r.data(), kept.data(), "the record is kept as it was");
        assertEquals(List.of(), register.searchByFurigana(reading, 10));
        assertEquals(Optional.empty(), directory().lookup(r.number(), LocalDate.of(2026, 4, 1)),
                "the resident base's directory answers from now on");
        AddresseeException e = assertThrows(AddresseeException.class,
                () -> register.update(Fixtures.CLERK, r.number(), yamada(reading)));
        assertEquals("nonResident.movedIn", e.code());

        // moving away again while still taxed: a 住登外者 once more, same number
        numbers.changeKind(r.number(), AddresseeKind.NON_RESIDENT);
        assertEquals(List.of(r.number()), numbers(register.searchByFurigana(reading, 10)));
        assertTrue(directory().lookup(r.number(), LocalDate.of(2026, 4, 1)).isPresent());
    }

    static AddresseeDirectory directory() {
        return Fixtures.ownDirectory();
    }

    static List<AddresseeNumber> numbers(List<NonResident> list) {
        return list.stream().map(NonResident::number).toList();
    }
}
