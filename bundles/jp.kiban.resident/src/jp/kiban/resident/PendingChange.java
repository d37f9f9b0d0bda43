package jp.kiban.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A provisional change (仮登録) waiting for a supervisor, with the snapshots it would write: what
 * the 仮登録一覧 shows and the supervisor checks before confirming.
 */
public record PendingChange(UUID changeId, ChangeReason reason, LocalDate changeDate,
        Optional<LocalDate> notificationDate, String registeredById, String registeredByName, Instant registeredAt,
        String description, List<ResidentRecord> proposed) {
    public PendingChange {
        proposed = List.copyOf(proposed);
    }
}
