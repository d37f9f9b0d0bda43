package jp.kiban.resident;

import java.time.LocalDate;
import java.util.Optional;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.name.KanjiName;

/**
 * One snapshot (履歴) of a person: every item of the 住民票 as it stood after one change, keyed by
 * 宛名番号 + 履歴番号. Snapshots are never updated; a change appends new ones. The household items
 * ({@link #householdNumber()}, {@link #relationship()}, {@link #householdHead()}) are copied onto
 * each member's snapshot, so a certificate of one person needs one row.
 * <p>
 * {@link #status()} is as seen on the date that was asked for: a 転出予定 snapshot shows
 * {@link ResidentStatus#REMOVED} from its planned date on, with {@link #removedOn()} that date.
 *
 * @param householdHead          世帯主の氏名 (copied from the head's snapshot)
 * @param addressSince           住所を定めた年月日
 * @param becameResidentOn       住民となった年月日 (外国人住民となった年月日 for foreign residents)
 * @param previousAddress        従前の住所 of the last 転入/転居, as written
 * @param addressNotifiedOn      届出の年月日 of the last 転入/転居
 * @param moveOutCertificate     the 転出証明書 data presented at a 国内転入
 * @param plannedMoveOutDate     転出予定日, while (and after) a 転出届 was taken
 * @param moveOutDestination     転出先 as declared
 * @param removedOn              消除の年月日
 * @param individualNumberWithheld true when the 個人番号 was left out because the operator may not see it
 */
public record ResidentRecord(AddresseeNumber addresseeNumber, int historyNumber, PersonData person,
        ResidentStatus status, HouseholdNumber householdNumber, Relationship relationship, KanjiName householdHead,
        Address address, Optional<PostalCode> postalCode, LocalDate addressSince, LocalDate becameResidentOn,
        Optional<String> previousAddress, Optional<LocalDate> addressNotifiedOn,
        Optional<MoveOutCertificate> moveOutCertificate, Optional<LocalDate> plannedMoveOutDate,
        Optional<String> moveOutDestination, Optional<LocalDate> removedOn, ChangeInfo change,
        boolean individualNumberWithheld) {

    public boolean isHead() {
        return relationship == Relationship.HEAD;
    }
}
