package jp.kiban.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a module appends to the outbox: one change to be shipped to the central store.
 *
 * @param type         what happened, e.g. {@code resident.snapshot} or {@code access.log}; the central
 *                     store keeps unknown types as they are
 * @param groupId      entries of one business change (e.g. the members of one 転入) share it; the central
 *                     store applies a group all or nothing. May be null for a single entry.
 * @param aggregateKey the entity the change is about, e.g. the 宛名番号; null for append-only records
 *                     (access log) that cannot conflict
 * @param baseHistory  the 履歴番号 the change was based on (0 for a new entity); null when the type has
 *                     no history. The central store refuses to apply a change whose base is no longer
 *                     current and puts it in the review queue instead.
 * @param newHistory   the 履歴番号 the change creates, or null
 * @param payload      the data, serialised as JSON (values: strings, numbers, booleans, null, lists, maps)
 */
public record OutboxEvent(String type, String groupId, String aggregateKey, Integer baseHistory, Integer newHistory,
        Map<String, ?> payload) {

    public OutboxEvent {
        if (type == null || type.isBlank() || type.length() > 100) {
            throw new IllegalArgumentException("outbox event type must be 1 to 100 characters");
        }
        if (aggregateKey != null && (aggregateKey.isBlank() || aggregateKey.length() > 40)) {
            throw new IllegalArgumentException("aggregate key must be 1 to 40 characters");
        }
        if (groupId != null && (groupId.isBlank() || groupId.length() > 36)) {
            throw new IllegalArgumentException("group id must be 1 to 36 characters");
        }
        if (baseHistory != null && baseHistory < 0 || newHistory != null && newHistory < 1) {
            throw new IllegalArgumentException("history numbers: base >= 0, new >= 1");
        }
        Objects.requireNonNull(payload, "payload");
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload)); // null values are allowed
    }

    /** An event about no entity (cannot conflict), e.g. an access log line. */
    public static OutboxEvent record(String type, Map<String, ?> payload) {
        return new OutboxEvent(type, null, null, null, null, payload);
    }
}
