package jp.kiban.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;

/**
 * 支援措置 on a person (DV, stalking, child abuse … victims, 住民基本台帳事務における支援措置): while it
 * is in force, no certificate about the person is issued (住民票の写し, 除票, 記載事項証明書, household
 * copies that include the person). Set and cleared by a supervisor; counter staff only see that it
 * exists.
 *
 * @param person        the person protected (宛名番号)
 * @param from          開始年月日
 * @param until         終了年月日 (inclusive); empty = until cleared
 * @param reason        why (申出の内容, 加害者 …); empty when withheld from the operator who asked
 * @param setBy         operator id of the supervisor who set it
 * @param setByName     that supervisor's name
 * @param setAt         when it was set
 * @param reasonWithheld true when {@link #reason()} was left out because the operator is not a supervisor
 */
public record SupportMeasure(AddresseeNumber person, LocalDate from, Optional<LocalDate> until,
        Optional<String> reason, String setBy, String setByName, Instant setAt, boolean reasonWithheld) {

    /** Whether the measure protects the person on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && until.map(u -> !date.isAfter(u)).orElse(true);
    }
}
