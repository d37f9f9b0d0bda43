package jp.kiban.ui.tests;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;

import jp.kiban.testing.ui.Bot;
import jp.kiban.ui.UiKeys;

/** Page object: the login window (and the lock screen), as a clerk sees it before the main window. */
public final class LoginPage {
    private final Bot bot = new Bot(UiKeys.KEY);
    private static volatile boolean loggedIn;

    /** Waits for the login window. */
    public static LoginPage waitForIt() {
        LoginPage p = new LoginPage();
        p.shell();
        return p;
    }

    public Shell shell() {
        return bot.shell("login window", s -> UiKeys.LOGIN_SHELL.equals(s.getData(UiKeys.KEY)));
    }

    public String title() {
        return Bot.ui(shell()::getText);
    }

    public boolean isOpen() {
        return Bot.ui(() -> {
            for (Shell s : Bot.display().getShells()) {
                if (!s.isDisposed() && s.isVisible() && UiKeys.LOGIN_SHELL.equals(s.getData(UiKeys.KEY))) {
                    return true;
                }
            }
            return false;
        });
    }

    /** True while the main window (its navigation) can be seen. */
    public static boolean mainWindowVisible() {
        return Bot.ui(() -> {
            for (Shell s : Bot.display().getShells()) {
                if (!s.isDisposed() && s.isVisible() && find(s)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean find(org.eclipse.swt.widgets.Control c) {
        if (c instanceof Tree && UiKeys.NAVIGATION_TREE.equals(c.getData(UiKeys.KEY))) {
            return c.isVisible();
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (var child : comp.getChildren()) {
                if (find(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Types the id (unless fixed, on the lock screen) and password and presses ログイン / ロック解除. */
    public void submit(String id, String password) {
        org.eclipse.swt.widgets.Text field = bot.widget(org.eclipse.swt.widgets.Text.class, UiKeys.LOGIN_ID);
        if (Bot.ui(field::getEditable)) {
            bot.type(UiKeys.LOGIN_ID, id);
        }
        bot.type(UiKeys.LOGIN_PASSWORD, password);
        bot.click(UiKeys.LOGIN_OK);
    }

    public String message() {
        return bot.text(UiKeys.LOGIN_MESSAGE);
    }

    public String demoAccounts() {
        org.eclipse.swt.widgets.Group g = bot.widget(org.eclipse.swt.widgets.Group.class, UiKeys.LOGIN_DEMO);
        return Bot.ui(() -> {
            StringBuilder b = new StringBuilder(g.getText());
            for (var c : g.getChildren()) {
                if (c instanceof org.eclipse.swt.widgets.Label l) {
                    b.append(' ').append(l.getText());
                }
            }
            return b.toString();
        });
    }

    /**
     * The test hook of the other UI tests: the first time, waits for the login window and logs in as
     * the demo supervisor (窓口 + 審査), the way a person would.
     */
    public static void logInOnce() {
        if (loggedIn) {
            return;
        }
        LoginPage p = waitForIt();
        p.submit("shinsa", "shinsa-demo-1");
        Bot.waitFor("the main window after login", () -> mainWindowVisible() ? Boolean.TRUE : null);
        loggedIn = true;
    }

    static void markLoggedIn() {
        loggedIn = true;
    }
}
