package jp.kiban.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored outbox entry.
 *
 * @param eventId          globally unique; the central store applies an event id at most once
 * @param localSequence    the order of commit on this terminal (increasing, with gaps after rollbacks)
 * @param municipalityCode 全国地方公共団体コード of the terminal when the entry was written, or null if no
 *                         municipality was configured then (such entries are never pushed)
 * @param payloadJson      the payload as JSON text
 * @param pushedAt         when the central store acknowledged it, or null while it waits
 */
public record OutboxEntry(UUID eventId, long localSequence, String municipalityCode, String type, String groupId,
        String aggregateKey, Integer baseHistory, Integer newHistory, String payloadJson, Instant createdAt,
        Instant pushedAt) {

    public boolean pending() {
        return pushedAt == null;
    }
}
