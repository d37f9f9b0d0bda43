package jp.kiban.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One immutable row of the access log. {@code hash} is SHA-256 over the entry's fields and
 * {@code previousHash}, so changing, removing or inserting an entry breaks the chain from there on.
 * The UUID lets the entry travel to the central store (sync outbox) without renumbering.
 */
public record AccessEntry(UUID id, long sequence, Instant at, String operatorId, String operatorName, String terminal,
        AccessKind kind, String action, List<String> persons, boolean individualNumberShown, String detail,
        String previousHash, String hash) {
    public AccessEntry {
        persons = List.copyOf(persons);
    }
}
