package jp.kiban.healthinsurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One 資格 period of an insured person as recorded: 取得日 and 事由, and once lost, 喪失日 and 事由.
 *
 * @param recordedBy operator id of the last change (or {@code kokuho-events} for a change made from a
 *                   resident event)
 */
public record Qualification(UUID id, LocalDate acquiredOn, AcquisitionReason acquisitionReason,
        Optional<LocalDate> lostOn, Optional<LossReason> lossReason, String recordedBy, Instant recordedAt) {

    public InsuredPeriod period() {
        return new InsuredPeriod(acquiredOn, lostOn);
    }

    public boolean open() {
        return lostOn.isEmpty();
    }
}
