package jp.kiban.resident.impl;

import java.time.LocalDate;
import java.util.Optional;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.id.ResidentRecordCode;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.resident.ChangeInfo;
import jp.kiban.resident.Domicile;
import jp.kiban.resident.ForeignResidence;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.ResidentType;
import jp.kiban.resident.Sex;

/**
 * A snapshot being built or read, in domain types. Changes copy the current snapshot, alter what
 * the 異動 alters and write it as the next 履歴番号; the stored row is never modified afterwards
 * (except the confirmed flag at 本登録).
 */
final class Draft {
    AddresseeNumber number;
    int history;
    PersonData person;
    /** As stored: RESIDENT, MOVING_OUT or REMOVED; see {@link #statusOn(LocalDate)}. */
    ResidentStatus status;
    HouseholdNumber household;
    Relationship relationship;
    KanjiName headName;
    Address address;
    PostalCode postalCode;
    LocalDate addressSince;
    LocalDate becameResidentOn;
    String previousAddress;
    LocalDate addressNotifiedOn;
    MoveOutCertificate certificate;
    LocalDate plannedMoveOut;
    String moveOutDestination;
    LocalDate removedOn;
    LocalDate validFrom;
    String changeId;
    boolean confirmed;

    Draft copy() {
        Draft d = new Draft();
        d.number = number;
        d.history = history;
        d.person = person;
        d.status = status;
        d.household = household;
        d.relationship = relationship;
        d.headName = headName;
        d.address = address;
        d.postalCode = postalCode;
        d.addressSince = addressSince;
        d.becameResidentOn = becameResidentOn;
        d.previousAddress = previousAddress;
        d.addressNotifiedOn = addressNotifiedOn;
        d.certificate = certificate;
        d.plannedMoveOut = plannedMoveOut;
        d.moveOutDestination = moveOutDestination;
        d.removedOn = removedOn;
        d.validFrom = validFrom;
        d.changeId = changeId;
        d.confirmed = confirmed;
        return d;
    }

    /** The next snapshot of this person, to be altered by a change. */
    Draft next() {
        Draft d = copy();
        d.history = history + 1;
        d.confirmed = false;
        d.certificate = null; // the 転出証明書 belongs to the 転入 snapshot only
        return d;
    }

    /** 住民状態 on a date: a 転出予定 is 消除 from its planned date on. */
    ResidentStatus statusOn(LocalDate date) {
        if (status == ResidentStatus.MOVING_OUT && plannedMoveOut != null && !date.isBefore(plannedMoveOut)) {
            return ResidentStatus.REMOVED;
        }
        return status;
    }

    boolean onRegister(LocalDate date) {
        return statusOn(date).onRegister();
    }

    /** On the register and not 転出予定: counts for the 世帯主 rule and may take part in changes. */
    boolean activeOn(LocalDate date) {
        return statusOn(date) == ResidentStatus.RESIDENT;
    }

    String displayName() {
        return person.name().fullName();
    }

    ResidentRecord toRecord(ChangeInfo change, LocalDate date, boolean withholdIndividualNumber) {
        ResidentStatus shown = statusOn(date);
        LocalDate removed = removedOn != null ? removedOn
                : shown == ResidentStatus.REMOVED && status == ResidentStatus.MOVING_OUT ? plannedMoveOut : null;
        PersonData p = person;
        boolean withheld = withholdIndividualNumber && p.individualNumber().isPresent();
        if (withheld) {
            p = p.toBuilder().individualNumber(null).build();
        }
        return new ResidentRecord(number, history, p, shown, household, relationship, headName, address,
                Optional.ofNullable(postalCode), addressSince, becameResidentOn, Optional.ofNullable(previousAddress),
                Optional.ofNullable(addressNotifiedOn), Optional.ofNullable(certificate),
                Optional.ofNullable(plannedMoveOut), Optional.ofNullable(moveOutDestination), Optional.ofNullable(removed),
                change, withheld);
    }

    static Draft of(SnapshotEntity e) {
        Draft d = new Draft();
        d.number = AddresseeNumber.of(e.addresseeNumber);
        d.history = e.historyNumber;
        ResidentType type = ResidentType.valueOf(e.residentType);
        PersonData.Builder b = PersonData.builder().type(type).name(KanjiName.of(e.familyName, e.givenName))
                .furigana(Furigana.of(e.furigana)).birthDate(RecordedDate.fromStorageString(e.birthDate))
                .sex(Sex.ofCode(e.sex));
        if (e.formerSurname != null) {
            b.formerSurname(e.formerSurname, e.formerSurnameFurigana == null ? null : Furigana.of(e.formerSurnameFurigana));
        }
        if (e.commonFamilyName != null) {
            b.commonName(KanjiName.of(e.commonFamilyName, e.commonGivenName),
                    e.commonNameFurigana == null ? null : Furigana.of(e.commonNameFurigana));
        }
        if (e.alphabetName != null) {
            b.alphabetName(AlphabetName.of(e.alphabetName));
        }
        if (e.domicile != null) {
            b.domicile(new Domicile(e.domicile, e.domicileHead));
        }
        if (e.nationality != null) {
            b.foreign(new ForeignResidence(e.nationality, ForeignResidence.Category.valueOf(e.foreignCategory),
                    Optional.ofNullable(e.residenceStatus), Optional.ofNullable(e.periodOfStay),
                    Optional.ofNullable(e.stayExpiresOn), Optional.ofNullable(e.cardNumber)));
        }
        if (e.individualNumber != null) {
            b.individualNumber(IndividualNumber.of(e.individualNumber));
        }
        if (e.residentRecordCode != null) {
            b.residentRecordCode(ResidentRecordCode.of(e.residentRecordCode));
        }
        d.person = b.build();
        d.status = ResidentStatus.valueOf(e.status);
        d.household = HouseholdNumber.of(e.householdNumber);
        d.relationship = Relationship.ofCode(e.relationship);
        d.headName = KanjiName.of(e.headFamilyName, e.headGivenName);
        Address a = Address.of(Prefecture.ofCode(e.prefecture), e.municipality, e.town, e.lotNumber).withBuilding(e.building);
        d.address = e.lgCode == null ? a : a.withLocalGovernmentCode(LocalGovernmentCode.of(e.lgCode));
        d.postalCode = e.postalCode == null ? null : PostalCode.of(e.postalCode);
        d.addressSince = e.addressSince;
        d.becameResidentOn = e.becameResidentOn;
        d.previousAddress = e.previousAddress;
        d.addressNotifiedOn = e.addressNotifiedOn;
        d.certificate = e.certLgCode == null ? null
                : new MoveOutCertificate(LocalGovernmentCode.of(e.certLgCode), e.certPlannedDate, e.certDestination);
        d.plannedMoveOut = e.plannedMoveOut;
        d.moveOutDestination = e.moveOutDestination;
        d.removedOn = e.removedOn;
        d.validFrom = e.validFrom;
        d.changeId = e.changeId;
        d.confirmed = e.confirmed;
        return d;
    }

    SnapshotEntity toEntity() {
        SnapshotEntity e = new SnapshotEntity();
        e.addresseeNumber = number.value();
        e.historyNumber = history;
        e.changeId = changeId;
        e.confirmed = confirmed;
        e.validFrom = validFrom;
        e.status = status.name();
        PersonData p = person;
        e.residentType = p.type().name();
        e.familyName = p.name().family();
        e.givenName = p.name().given();
        e.furigana = p.furigana().value();
        e.formerSurname = p.formerSurname().orElse(null);
        e.formerSurnameFurigana = p.formerSurnameFurigana().map(Furigana::value).orElse(null);
        e.commonFamilyName = p.commonName().map(KanjiName::family).orElse(null);
        e.commonGivenName = p.commonName().map(KanjiName::given).orElse(null);
        e.commonNameFurigana = p.commonNameFurigana().map(Furigana::value).orElse(null);
        e.alphabetName = p.alphabetName().map(AlphabetName::value).orElse(null);
        e.birthDate = p.birthDate().toStorageString();
        e.birthSort = p.birthDate().sortKey();
        e.sex = p.sex().code();
        e.domicile = p.domicile().map(Domicile::registeredDomicile).orElse(null);
        e.domicileHead = p.domicile().map(Domicile::headOfFamilyRegister).orElse(null);
        p.foreign().ifPresent(f -> {
            e.nationality = f.nationality();
            e.foreignCategory = f.category().name();
            e.residenceStatus = f.residenceStatus().orElse(null);
            e.periodOfStay = f.periodOfStay().orElse(null);
            e.stayExpiresOn = f.stayExpiresOn().orElse(null);
            e.cardNumber = f.cardNumber().orElse(null);
        });
        e.individualNumber = p.individualNumber().map(IndividualNumber::value).orElse(null);
        e.residentRecordCode = p.residentRecordCode().map(ResidentRecordCode::value).orElse(null);
        e.householdNumber = household.value();
        e.relationship = relationship.code();
        e.headFamilyName = headName.family();
        e.headGivenName = headName.given();
        e.prefecture = address.prefecture().code();
        e.municipality = address.municipality();
        e.lgCode = address.localGovernmentCode().map(LocalGovernmentCode::value).orElse(null);
        e.town = address.town();
        e.lotNumber = address.lotNumber();
        e.building = address.building().orElse(null);
        e.postalCode = postalCode == null ? null : postalCode.value();
        e.addressSince = addressSince;
        e.becameResidentOn = becameResidentOn;
        e.previousAddress = previousAddress;
        e.addressNotifiedOn = addressNotifiedOn;
        if (certificate != null) {
            e.certLgCode = certificate.issuedBy().value();
            e.certPlannedDate = certificate.plannedMoveOutDate();
            e.certDestination = certificate.plannedDestination();
        }
        e.plannedMoveOut = plannedMoveOut;
        e.moveOutDestination = moveOutDestination;
        e.removedOn = removedOn;
        e.furiganaKey = SearchKeys.furiganaKey(p.furigana(), p.commonNameFurigana(), p.formerSurnameFurigana());
        e.nameKey = SearchKeys.nameKey(p.name(), p.commonName(), p.formerSurname());
        e.addressKey = SearchKeys.addressKey(address);
        return e;
    }
}
