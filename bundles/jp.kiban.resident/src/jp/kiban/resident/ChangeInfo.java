package jp.kiban.resident;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Why, when and by whom a snapshot was written. All snapshots of one change share the
 * {@link #changeId()}, which is globally unique so that synchronisation can apply a change once.
 *
 * @param changeDate       異動日
 * @param notificationDate 届出日; empty for 職権 changes without a 届出 and for 取消
 * @param processedOn      処理日 (the day the change was registered)
 * @param operatorId       who registered the change
 * @param confirmedById    who confirmed it (本登録); empty while provisional
 * @param description      what a correction changed, the cancelled change, …; empty if nothing to say
 * @param cancelledChangeId for {@link ChangeReason#CANCELLATION}: the change it cancels
 */
public record ChangeInfo(UUID changeId, ChangeReason reason, ChangeState state, LocalDate changeDate,
        Optional<LocalDate> notificationDate, LocalDate processedOn, String operatorId, String operatorName,
        Optional<String> confirmedById, Optional<String> confirmedByName, String description,
        Optional<UUID> cancelledChangeId) {
}
