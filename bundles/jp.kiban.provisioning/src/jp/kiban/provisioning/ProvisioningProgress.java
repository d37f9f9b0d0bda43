package jp.kiban.provisioning;

import java.util.Locale;

/** Progress of a provisioning call: steps with texts in English and Japanese, and cancellation. */
public interface ProvisioningProgress {

    /** No one listens, never cancelled. */
    ProvisioningProgress NONE = new ProvisioningProgress() {
        @Override
        public void step(ProvisioningStep step, int percent) {
            // nothing
        }
    };

    /**
     * A step begins.
     *
     * @param percent how far the whole call is, 0 to 100
     */
    void step(ProvisioningStep step, int percent);

    /** Asked between steps and by p2 during downloads; a cancelled call changes nothing it has not finished. */
    default boolean cancelled() {
        return false;
    }

    /** The steps, with their texts ({@code jp/kiban/provisioning/messages*.properties}, keys {@code step.*}). */
    enum ProvisioningStep {
        LOAD_REPOSITORY, PLAN, CHECK_WHITELIST, DOWNLOAD_AND_INSTALL, UNINSTALL, DONE;

        public String text(Locale locale) {
            return Texts.get(locale, "step." + name());
        }
    }
}
