package jp.kiban.healthinsurance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One period of 資格: from the 資格取得日 to the day before the 資格喪失日 (the 喪失日 itself is no
 * longer insured). For the tax, a month counts when the 取得日 is in or before it and the 喪失日 is in
 * a later month (取得月から喪失月の前月まで; 地方税法第703条の4の月割, as the towns' 条例 set it out).
 */
public record InsuredPeriod(LocalDate acquiredOn, Optional<LocalDate> lostOn) {
    public InsuredPeriod {
        Objects.requireNonNull(acquiredOn, "acquiredOn");
        lostOn = lostOn == null ? Optional.empty() : lostOn;
        if (lostOn.isPresent() && !lostOn.get().isAfter(acquiredOn)) {
            throw new KokuhoException("qualification.lossNotAfterAcquisition");
        }
    }

    public static InsuredPeriod open(LocalDate acquiredOn) {
        return new InsuredPeriod(acquiredOn, Optional.empty());
    }

    public static InsuredPeriod closed(LocalDate acquiredOn, LocalDate lostOn) {
        return new InsuredPeriod(acquiredOn, Optional.of(lostOn));
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(acquiredOn) && lostOn.map(day::isBefore).orElse(true);
    }
}
