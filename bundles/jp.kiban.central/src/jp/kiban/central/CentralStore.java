package jp.kiban.central;

import java.util.List;
import java.util.Optional;

import jp.kiban.sync.protocol.SyncProtocol.Conflict;
import jp.kiban.sync.protocol.SyncProtocol.Decision;
import jp.kiban.sync.protocol.SyncProtocol.Event;
import jp.kiban.sync.protocol.SyncProtocol.EventPage;
import jp.kiban.sync.protocol.SyncProtocol.LeaseGrant;
import jp.kiban.sync.protocol.SyncProtocol.LeaseRequest;
import jp.kiban.sync.protocol.SyncProtocol.PushResponse;
import jp.kiban.sync.protocol.SyncProtocol.TerminalCredential;
import jp.kiban.sync.protocol.SyncProtocol.TerminalInfo;

/**
 * The central Government-Cloud store of many municipalities. Every row carries the 全国地方公共団体コード;
 * every method works only on the given terminal's municipality, whatever the arguments say (on
 * PostgreSQL row-level security enforces the same in the database). Refusals throw
 * {@link CentralRefusal} and are logged.
 */
public interface CentralStore {

    /** The terminal holding this token, unless the token is unknown or revoked. */
    Optional<Terminal> authenticate(String token);

    /** Registers a terminal of a municipality; the returned token is the only copy (stored hashed). */
    TerminalCredential registerTerminal(String municipalityCode, String name);

    /** Revokes a terminal's token; false if it was unknown or already revoked. */
    boolean revokeTerminal(String terminalId);

    TerminalInfo info(Terminal terminal);

    /**
     * Applies a batch in one transaction and returns only after the commit. Idempotent by event id: an
     * event already applied (or already in the review queue) is reported as DUPLICATE and not applied
     * again. Events of one group are applied all or nothing; a group with an event based on a 履歴番号 that
     * is no longer current goes whole to the review queue (CONFLICT). An event of another municipality
     * refuses the whole batch.
     */
    PushResponse push(Terminal terminal, List<Event> events);

    /** The municipality's events with a central sequence greater than {@code since}, in order. */
    EventPage pull(Terminal terminal, long since, int max);

    /** The municipality's replicable data (events about an entity), paged by central sequence. */
    EventPage replica(Terminal terminal, long after, int max);

    /** The review queue of the terminal's municipality; {@code openOnly} for the undecided ones. */
    List<Conflict> conflicts(Terminal terminal, boolean openOnly);

    /**
     * A supervisor's decision on a conflict: ACCEPT applies the pushed version on top of the current one
     * (as a new central event with the current 履歴番号 as its base), DISCARD keeps the current one.
     */
    Conflict decide(Terminal terminal, String conflictId, Decision decision);

    /**
     * Leases the next free range of {@code request.kind()} numbers of the terminal's municipality to the
     * terminal: ranges of one municipality and kind never overlap (the municipality's counter row is locked
     * while the range is taken), and start at the request's floor at the lowest.
     */
    LeaseGrant lease(Terminal terminal, LeaseRequest request);
}
