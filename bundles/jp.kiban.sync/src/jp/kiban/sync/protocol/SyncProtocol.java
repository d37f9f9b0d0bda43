package jp.kiban.sync.protocol;

import java.util.List;

/**
 * The JSON messages between a terminal and the central store (HTTP, {@link #BASE_PATH}). Every request
 * carries {@code Authorization: Bearer <terminal token>}; the municipality is always the token's, never
 * taken from the request. Records serialise as JSON objects with the component names as keys.
 *
 * <pre>
 * GET  /api/v1/terminal              → {@link TerminalInfo}
 * POST /api/v1/push                  {@link PushRequest} → {@link PushResponse}
 * GET  /api/v1/pull?since=N&amp;max=M    → {@link EventPage} (events with central sequence &gt; N)
 * GET  /api/v1/replica?after=N&amp;max=M → {@link EventPage} (the municipality's replicable data, paged)
 * GET  /api/v1/conflicts             → {@link ConflictList} (the review queue)
 * POST /api/v1/conflicts/{id}        {@link Decision} → {@link Conflict}
 * POST /api/v1/leases                {@link LeaseRequest} → {@link LeaseGrant} (a range of unique numbers)
 * POST /api/v1/admin/terminals       {@link TerminalRequest} → {@link TerminalCredential} (admin token)
 * </pre>
 * Errors come as {@link Failure} with 400 (bad request), 401 (no or unknown token), 403 (another
 * municipality's data), 404, 409 or 503 (store unavailable: retry later).
 */
public final class SyncProtocol {

    public static final String BASE_PATH = "/api/v1";
    /** Most events accepted in one push. */
    public static final int MAX_BATCH = 1000;

    private SyncProtocol() {
    }

    /**
     * One change as it travels: from a terminal's outbox to the central store and from there to the
     * other terminals of the same municipality.
     *
     * @param centralSequence the municipality's sequence number, set by the central store (null when pushed)
     * @param terminalId      the terminal that wrote it, set by the central store (null when pushed)
     * @param payload         JSON text
     */
    public record Event(String eventId, String municipalityCode, long localSequence, String type, String groupId,
            String aggregateKey, Integer baseHistory, Integer newHistory, String payload, Long centralSequence,
            String terminalId) {
    }

    public record PushRequest(List<Event> events) {
    }

    public enum Outcome {
        /** Committed centrally now. */
        APPLIED,
        /** Already committed (or already in the review queue) from an earlier push: nothing done again. */
        DUPLICATE,
        /** Based on a 履歴番号 that is no longer current: not applied, kept in the review queue. */
        CONFLICT
    }

    public record PushResult(String eventId, Outcome outcome, Long centralSequence) {
    }

    /** Sent only after the central commit: every listed event may be marked as pushed. */
    public record PushResponse(List<PushResult> results, long lastSequence) {
    }

    /** @param lastSequence the highest sequence in {@code events} (or the request's start when empty) */
    public record EventPage(List<Event> events, long lastSequence, boolean more) {
    }

    public record TerminalInfo(String terminalId, String municipalityCode, String name, long lastSequence,
            long openConflicts) {
    }

    /**
     * A change in the review queue, with the central version it collided with.
     *
     * @param current the event that made the central 履歴番号 what it is now (null if none)
     * @param state   OPEN, ACCEPTED (applied on top after review) or DISCARDED
     */
    public record Conflict(String conflictId, Event pushed, Event current, Integer currentHistory, String state,
            String decidedBy, String decidedAt, String note) {
    }

    public record ConflictList(List<Conflict> conflicts) {
    }

    /** @param decision ACCEPT (apply the pushed version on top of the current one) or DISCARD */
    public record Decision(String decision, String decidedBy, String note) {
    }

    public record TerminalRequest(String municipalityCode, String name) {
    }

    /** The token is shown once; the central store keeps only its SHA-256 hash. */
    public record TerminalCredential(String terminalId, String municipalityCode, String name, String token) {
    }

    public record Failure(String error, String message) {
    }

    /**
     * A terminal asks for a range of numbers of one kind (e.g. {@code addressee}) for its municipality.
     *
     * @param size  how many numbers (1 to {@link #MAX_LEASE})
     * @param floor the lowest number the range may start at (the terminal's own numbers from before it was attached)
     * @param max   the highest number the kind can hold; a range is never cut, it is refused (409) if it would pass it
     */
    public record LeaseRequest(String kind, long size, long floor, long max) {
    }

    /** Most numbers in one lease. */
    public static final long MAX_LEASE = 100_000;

    /**
     * A range {@code first..last} (inclusive) of the municipality's numbers of {@code kind}, given to this
     * terminal only: ranges never overlap, and a range is never given twice (a lost answer leaves a gap).
     */
    public record LeaseGrant(String leaseId, String kind, long first, long last, String leasedAt) {
    }
}
