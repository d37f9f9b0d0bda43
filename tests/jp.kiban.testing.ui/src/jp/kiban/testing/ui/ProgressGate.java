package jp.kiban.testing.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds a batch's first run at its first progress report (nothing done yet) until the test lets it go, so that the
 * test sees the progress bar and can press 中止 while the batch waits. A test's batch wrapper extends it: at the start
 * of {@code run} it asks {@link #holdsThisRun()}, after passing each progress report on it calls
 * {@link #reported(boolean, int)}.
 */
public class ProgressGate {
    /** Counted down when the held run has reported its start. */
    public final CountDownLatch reached = new CountDownLatch(1);
    /** Counted down by the test to let the held run go on. */
    public final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean first = new AtomicBoolean(true);

    /** Whether the run that starts now is held: only the first one is. */
    protected boolean holdsThisRun() {
        return first.getAndSet(false);
    }

    /** After a progress report of a run: a held run at 0 done waits (at most 60 s) for {@link #release}. */
    protected void reported(boolean held, int done) {
        if (held && done == 0) {
            reached.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
