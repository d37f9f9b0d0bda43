package jp.kiban.healthinsurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;

/**
 * A task for the clerk (確認事項), from a resident event.
 *
 * @param subject the names concerned, as on the register when the task was made
 */
public record KokuhoTask(UUID id, Instant createdAt, TaskKind kind, Optional<HouseholdNumber> household,
        Optional<AddresseeNumber> person, LocalDate changeDate, String subject, boolean done,
        Optional<String> resolvedBy, Optional<String> note) {
}
