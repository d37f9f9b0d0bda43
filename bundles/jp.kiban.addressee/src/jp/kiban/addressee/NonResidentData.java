package jp.kiban.addressee;

import java.util.Objects;
import java.util.Optional;

import jp.kiban.core.address.PostalCode;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;

/**
 * What the town records about a 住登外者 (a person taxed or served by the town without living in
 * it). At least one name is required (kanji, alphabet or both); the フリガナ is required because
 * searching and label sorting use it; the birth date may be partly unknown ({@link RecordedDate}).
 * The address may be in Japan or abroad, or unknown (then labels report the person as missing);
 * a postal code needs an address in Japan.
 */
public record NonResidentData(Optional<KanjiName> kanjiName, Optional<AlphabetName> alphabetName, Furigana furigana,
        RecordedDate birthDate, Optional<Gender> gender, Optional<PostalCode> postalCode,
        Optional<PostalAddress> address) {

    public NonResidentData {
        kanjiName = kanjiName == null ? Optional.empty() : kanjiName;
        alphabetName = alphabetName == null ? Optional.empty() : alphabetName;
        gender = gender == null ? Optional.empty() : gender;
        postalCode = postalCode == null ? Optional.empty() : postalCode;
        address = address == null ? Optional.empty() : address;
        if (kanjiName.isEmpty() && alphabetName.isEmpty()) {
            throw new AddresseeException("nonResident.nameRequired");
        }
        if (furigana == null) {
            throw new AddresseeException("input.blank", new jp.kiban.core.DomainException.Label("furigana"));
        }
        Objects.requireNonNull(birthDate, "birthDate (use RecordedDate.unknown() for 年月日不詳)");
        if (postalCode.isPresent() && !(address.orElse(null) instanceof PostalAddress.Domestic)) {
            throw new AddresseeException("address.postalCodeWithoutAddress");
        }
    }

    /** The name as printed on a label: the kanji name if there is one, else the alphabet name. */
    public String displayName() {
        return kanjiName.map(KanjiName::fullName).orElseGet(() -> alphabetName.orElseThrow().value());
    }

    /** A builder-like start: a person with a kanji name, reading and birth date, nothing else. */
    public static NonResidentData of(KanjiName name, Furigana furigana, RecordedDate birthDate) {
        return new NonResidentData(Optional.of(name), Optional.empty(), furigana, birthDate, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public NonResidentData withAlphabetName(AlphabetName name) {
        return new NonResidentData(kanjiName, Optional.ofNullable(name), furigana, birthDate, gender, postalCode, address);
    }

    public NonResidentData withGender(Gender g) {
        return new NonResidentData(kanjiName, alphabetName, furigana, birthDate, Optional.ofNullable(g), postalCode, address);
    }

    /** With an address in Japan and its postal code (which may be null). */
    public NonResidentData withAddress(PostalCode code, jp.kiban.core.address.Address a) {
        return new NonResidentData(kanjiName, alphabetName, furigana, birthDate, gender, Optional.ofNullable(code),
                Optional.of(PostalAddress.of(a)));
    }

    /** With an address abroad (no postal code). */
    public NonResidentData withAddressAbroad(String text) {
        return new NonResidentData(kanjiName, alphabetName, furigana, birthDate, gender, Optional.empty(),
                Optional.of(PostalAddress.abroad(text)));
    }

    /** Without any address (居所不明). */
    public NonResidentData withoutAddress() {
        return new NonResidentData(kanjiName, alphabetName, furigana, birthDate, gender, Optional.empty(), Optional.empty());
    }
}
