package jp.kiban.healthinsurance;

import java.time.LocalDate;
import java.util.Objects;

import jp.kiban.core.id.AddresseeNumber;

/** One 資格取得 of {@link HealthInsurance#acquireAll}: who, from which day, and why. */
public record Acquisition(AddresseeNumber person, LocalDate acquiredOn, AcquisitionReason reason) {
    public Acquisition {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(acquiredOn, "acquiredOn");
        Objects.requireNonNull(reason, "reason");
    }
}
