package jp.kiban.addressee.impl;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kiban.addressee.Gender;
import jp.kiban.addressee.NonResident;
import jp.kiban.addressee.NonResidentData;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;

/** One 住登外者 (current state; the history comes with the resident-style snapshots later). */
@Entity(name = "AddresseeNonResident")
@Table(name = "addressee_non_resident")
public class NonResidentEntity {
    @Id
    @Column(name = "addressee_number", length = 11)
    private String number;
    @Column(name = "family_name", length = 200)
    private String familyName;
    @Column(name = "given_name", length = 200)
    private String givenName;
    @Column(name = "alphabet_name", length = 100)
    private String alphabetName;
    @Column(nullable = false, length = 100)
    private String furigana;
    @Column(name = "furigana_key", nullable = false, length = 100)
    private String furiganaKey;
    @Column(name = "birth_date", nullable = false, length = 12)
    private String birthDate;
    @Column(length = 10)
    private String gender;
    @Column(name = "postal_code", length = 7)
    private String postalCode;
    @Embedded
    private AddressColumns address;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    public NonResidentEntity() {
        // for JPA
    }

    NonResidentEntity(String number, Instant now) {
        this.number = number;
        this.createdAt = now;
    }

    void set(NonResidentData d, String operator, Instant now) {
        familyName = d.kanjiName().map(KanjiName::family).orElse(null);
        givenName = d.kanjiName().map(KanjiName::given).orElse(null);
        alphabetName = d.alphabetName().map(AlphabetName::value).orElse(null);
        furigana = d.furigana().value();
        furiganaKey = key(furigana);
        birthDate = d.birthDate().toStorageString();
        gender = d.gender().map(Gender::name).orElse(null);
        postalCode = d.postalCode().map(PostalCode::value).orElse(null);
        address = AddressColumns.of(d.address());
        updatedAt = now;
        updatedBy = operator;
    }

    NonResident toNonResident(boolean movedIn) {
        NonResidentData d = new NonResidentData(
                familyName == null ? Optional.empty() : Optional.of(KanjiName.of(familyName, givenName)),
                Optional.ofNullable(alphabetName).map(AlphabetName::of), Furigana.of(furigana),
                RecordedDate.fromStorageString(birthDate), Optional.ofNullable(gender).map(Gender::valueOf),
                Optional.ofNullable(postalCode).map(PostalCode::of),
                address == null ? Optional.empty() : address.toAddress());
        return new NonResident(AddresseeNumber.of(number), d, movedIn, updatedAt, updatedBy);
    }

    String getNumber() {
        return number;
    }

    /** The reading as searched: without spaces. */
    static String key(String furigana) {
        return furigana.replace("\u3000", "").replace(" ", "");
    }
}
