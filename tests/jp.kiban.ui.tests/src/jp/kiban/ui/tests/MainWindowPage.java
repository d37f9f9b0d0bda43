package jp.kiban.ui.tests;

import java.util.List;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;

import jp.kiban.testing.ui.Bot;
import jp.kiban.ui.UiKeys;

/** Page object: the desk client's main window, as the counter clerk sees it. */
public final class MainWindowPage {
    private final Bot bot = new Bot(UiKeys.KEY);
    private final Shell shell;

    private MainWindowPage(Shell shell) {
        this.shell = shell;
    }

    /** Logs in (the first time) and waits until the main window is up, with its navigation tree rendered. */
    public static MainWindowPage waitForIt() {
        LoginPage.logInOnce();
        Bot bot = new Bot(UiKeys.KEY);
        Tree nav = bot.widget(Tree.class, UiKeys.NAVIGATION_TREE);
        return new MainWindowPage(Bot.ui(nav::getShell));
    }

    public Shell shell() {
        return shell;
    }

    public Bot bot() {
        return bot;
    }

    public String title() {
        return Bot.ui(shell::getText);
    }

    public List<String> menuBar() {
        return bot.menuLabels(shell);
    }

    public List<String> menu(String... path) {
        return bot.menuLabels(shell, path);
    }

    public void clickMenu(String... path) {
        bot.clickMenu(shell, path);
    }

    public List<String> navigationEntries() {
        return Bot.treePaths(bot.widget(Tree.class, UiKeys.NAVIGATION_TREE));
    }

    public void openFromNavigation(String... path) {
        Bot.activateTreeItem(bot.widget(Tree.class, UiKeys.NAVIGATION_TREE), path);
    }

    /** The text of a status line field; fails if the field is not actually on screen. */
    public String status(String key) {
        Label l = bot.widget(Label.class, key);
        if (!Bot.isShownOnScreen(l)) {
            throw new AssertionError("status field " + key + " is not shown inside the window: " + Bot.ui(l::getBounds));
        }
        return Bot.ui(l::getText);
    }

    public String label(String key) {
        return Bot.ui(bot.widget(Label.class, key)::getText);
    }

    public boolean isShowing(String key) {
        try {
            bot.widget(Label.class, key);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
