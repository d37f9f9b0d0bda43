package jp.kiban.testing.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** {@code @ExtendWith(ScreenshotOnFailure.class)}: a screenshot of the screen when a UI test fails. */
public class ScreenshotOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName() + "-FAILED";
        try {
            System.err.println("UI test failed; screenshot: " + Bot.screenshot(name).toAbsolutePath());
        } catch (RuntimeException e) {
            System.err.println("UI test failed and no screenshot could be taken: " + e);
        }
    }
}
