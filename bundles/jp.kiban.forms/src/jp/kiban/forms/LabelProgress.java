package jp.kiban.forms;

/**
 * Progress of a label run and the caller's way to cancel it. Called on the thread that runs the labels;
 * a cancelled run throws {@link java.util.concurrent.CancellationException} and produces nothing.
 */
public interface LabelProgress {

    /** What the run is doing. */
    enum Phase {
        /** Looking up names, addresses and 送付先 ({@code done} of {@code total} 宛名番号). */
        LOOKUP,
        /** Checking that the form font has every character ({@code done} of {@code total} labels). */
        CHECK,
        /** Drawing the labels ({@code done} of {@code total} labels). */
        DRAW
    }

    LabelProgress NONE = new LabelProgress() {
        @Override
        public void progress(Phase phase, int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void progress(Phase phase, int done, int total);

    /** Asked often (at least once per label); true stops the run. */
    boolean cancelled();
}
