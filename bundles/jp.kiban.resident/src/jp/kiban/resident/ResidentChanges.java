package jp.kiban.resident;

import java.util.List;
import java.util.UUID;

import jp.kiban.platform.Operator;

/**
 * Recording 異動. {@link #register} stores a provisional change (仮登録, {@code REGISTER_CHANGE});
 * a supervisor ({@code CONFIRM_CHANGE}) {@link #confirm}s it (本登録: visible, published) or
 * {@link #reject}s it. A person can have only one provisional change at a time. Every refusal is a
 * {@link ResidentException} (or a core {@code DomainException} for malformed items) with a Japanese
 * text for the counter.
 */
public interface ResidentChanges {

    /** 仮登録: validates against the confirmed register and stores the change as provisional. */
    ChangeResult register(Operator operator, ChangeRequest request);

    /**
     * 本登録: makes the snapshots visible and publishes the event after the commit. Refused if a
     * confirmed change has since touched one of its persons (register it again).
     */
    ChangeResult confirm(Operator operator, UUID changeId);

    /** 却下: the change stays on record as rejected with the reason; nothing visible changes. */
    ChangeResult reject(Operator operator, UUID changeId, String reason);

    /** The 仮登録一覧, oldest first. */
    List<PendingChange> pending(Operator operator);

    /**
     * Registers and confirms in one transaction, for an operator holding both permissions (a
     * supervisor at the counter, or {@link Operator#system()} for imports and generators).
     */
    ChangeResult apply(Operator operator, ChangeRequest request);

    /**
     * {@link #apply} for many independent changes in one transaction (all or nothing), for bulk
     * imports; events are published after the commit, in order.
     */
    List<ChangeResult> applyAll(Operator operator, List<ChangeRequest> requests);
}
