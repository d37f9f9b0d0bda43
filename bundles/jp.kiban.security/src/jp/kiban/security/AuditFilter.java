package jp.kiban.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which access-log entries to list or analyse; every part is optional.
 *
 * @param person   a 宛名番号 among the entry's persons
 * @param operator a login id
 * @param from     inclusive
 * @param to       exclusive
 * @param kinds    empty for all kinds
 * @param limit    the most entries to return (newest first), at most {@link #MAX_LIMIT}
 */
public record AuditFilter(Optional<String> person, Optional<String> operator, Optional<Instant> from,
        Optional<Instant> to, Set<AccessKind> kinds, int limit) {
    public static final int MAX_LIMIT = 100_000;

    public AuditFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new SecurityRefusal("audit.limit", MAX_LIMIT);
        }
    }

    public static AuditFilter all() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), MAX_LIMIT);
    }
}
