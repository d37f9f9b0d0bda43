package jp.kiban.sync;

import java.util.function.Consumer;

import jp.kiban.platform.Operator;

/**
 * 控えの取得: brings this terminal's copy of the municipality's data (the local replica) up to date from the central
 * store in one go — for a new terminal, or one that was off for long — with progress for a progress bar. Runs on
 * the sync service's own thread, so never at the same time as a background sync; safe to interrupt and repeat
 * (it goes on where it stopped).
 */
public interface ReplicaDownload {

    /** A step: {@code phase} is {@code download} (events received of those the central store has), {@code apply}
     * (events applied to the local register of those received) or {@code done}. */
    record Progress(String phase, long done, long total) {
    }

    /** What it did: events received, changes applied to the local register, the last central sequence held. */
    record Result(int received, int applied, long lastSequence) {
    }

    /**
     * Downloads every event since the last one held here and applies it; waits until done.
     *
     * @throws SecurityException     the operator may not ({@code ADMINISTER})
     * @throws IllegalStateException sync not configured, 災害モード on, or the central store did not answer (the
     *                               message says why, in English for the log)
     */
    Result download(Operator operator, Consumer<Progress> progress);
}
