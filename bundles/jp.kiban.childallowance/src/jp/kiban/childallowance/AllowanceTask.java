package jp.kiban.childallowance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;

/**
 * A task for the clerk (確認事項), from a resident event.
 *
 * @param deadline the last day of the 15日特例 for births and move-ins
 * @param subject  the names concerned, as on the register when the task was made
 */
public record AllowanceTask(UUID id, Instant createdAt, TaskKind kind, Optional<HouseholdNumber> household,
        Optional<AddresseeNumber> person, Optional<UUID> recipient, LocalDate changeDate, Optional<LocalDate> deadline,
        String subject, boolean done, Optional<String> resolvedBy, Optional<String> note) {
}
