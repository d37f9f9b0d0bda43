package jp.kiban.testing.ui;

import java.util.List;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;

import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.ui.UiKeys;

/**
 * Page object: the desk client as a business's UI test drives it. The login window once per test runtime (as the
 * demo administrator), the business's entries in the navigation, the counter forms' fields ({@code form.<key>}) and
 * their messages, a table's row, and the 帳票 preview.
 */
public final class Desk {
    /** The demo town's administrator (管理 + 審査, every business). */
    public static final String ADMIN_ID = "kanri";
    public static final String ADMIN_PASSWORD = "kanri-demo-2026";

    private static volatile boolean loggedIn;
    private final Bot bot;
    private final String category;

    /** @param category the business's group in the navigation (e.g. 国民健康保険) */
    public Desk(Bot bot, String category) {
        this.bot = bot;
        this.category = category;
    }

    /** The first time in this runtime (one desk client): logs in through the login window. */
    public static void logInOnce(Bot bot, String id, String password) {
        if (!loggedIn) {
            bot.shell("login window", s -> UiKeys.LOGIN_SHELL.equals(s.getData(UiKeys.KEY)));
            bot.type(UiKeys.LOGIN_ID, id);
            bot.type(UiKeys.LOGIN_PASSWORD, password);
            bot.click(UiKeys.LOGIN_OK);
            loggedIn = true;
        }
    }

    /** Opens the business's entry from the navigation, logged in as the administrator. */
    public void open(String entry) {
        logInOnce(bot, ADMIN_ID, ADMIN_PASSWORD);
        Bot.activateTreeItem(bot.widget(Tree.class, UiKeys.NAVIGATION_TREE), category, entry);
    }

    /** Types into the form field {@code key}. */
    public void field(String key, String text) {
        bot.type("form." + key, text);
    }

    /** The message beside the form field {@code key}. */
    public String message(String key) {
        return bot.text("form." + key + ".message");
    }

    /** The index of the first row of the table {@code table} with {@code text} in it, waiting for it. */
    public int rowWith(String table, String text) {
        return Bot.waitFor("a row with " + text + " in " + table, () -> {
            List<List<String>> rows = bot.rows(table);
            for (int i = 0; i < rows.size(); i++) {
                if (String.join(" ", rows.get(i)).contains(text)) {
                    return i;
                }
            }
            return null;
        });
    }

    /** Waits for the 帳票 preview to show its page, takes the screenshot {@code name} and closes the preview. */
    public void preview(String name) {
        Shell preview = bot.shell("the notice preview", s -> FormPreviewDialog.SHELL.equals(s.getData(UiKeys.KEY)));
        Label image = bot.widget(Label.class, FormPreviewDialog.IMAGE);
        Bot.waitFor("the rendered page", () -> Bot.ui(() -> image.getImage() != null ? Boolean.TRUE : null));
        Bot.screenshot(name);
        Bot.ui(preview::close);
    }

    /** Closes every 帳票 preview still open (for an {@code @AfterAll}). */
    public static void closePreviews() {
        Bot.ui(() -> {
            for (Shell s : Bot.display().getShells()) {
                if (FormPreviewDialog.SHELL.equals(s.getData(UiKeys.KEY))) {
                    s.close();
                }
            }
        });
    }
}
