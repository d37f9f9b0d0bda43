package jp.kiban.sync;

import java.util.List;

import jp.kiban.platform.Operator;
import jp.kiban.sync.protocol.SyncProtocol.Conflict;

/**
 * The central store's review queue of this terminal's municipality: changes that were based on a 履歴番号
 * that was no longer current, kept (never applied silently, never lost) until a supervisor decides.
 * Reached over the sync connection: every method throws {@link IllegalStateException} with a message for
 * the administrator when the central store cannot be reached or sync is not configured.
 */
public interface ReviewQueue {

    /** The undecided conflicts, oldest first, each with the central version it collided with. */
    List<Conflict> open();

    /**
     * A supervisor's decision ({@code CONFIRM_CHANGE} permission): accept applies the pushed version on top
     * of the current one as the next 履歴番号; otherwise the current version stays and the pushed one is
     * discarded (kept on record centrally).
     *
     * @throws SecurityException when the operator may not decide
     */
    Conflict decide(Operator supervisor, String conflictId, boolean accept, String note);
}
