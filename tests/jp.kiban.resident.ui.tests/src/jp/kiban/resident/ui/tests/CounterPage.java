package jp.kiban.resident.ui.tests;

import java.util.List;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;

import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.Desk;
import jp.kiban.ui.UiKeys;

/** Page object: the resident base screens as the counter clerk and the supervisor use them. */
final class CounterPage {
    final Bot bot = new Bot(UiKeys.KEY);

    /** The test hook: the first time, logs in through the login window as the demo supervisor (窓口 + 審査). */
    void logInOnce() {
        Desk.logInOnce(bot, "shinsa", "shinsa-demo-1");
    }

    Shell mainWindow() {
        logInOnce();
        Tree nav = bot.widget(Tree.class, UiKeys.NAVIGATION_TREE);
        return Bot.ui(nav::getShell);
    }

    void open(String group, String entry) {
        logInOnce();
        Bot.activateTreeItem(bot.widget(Tree.class, UiKeys.NAVIGATION_TREE), group, entry);
    }

    void field(String key, String text) {
        bot.type("form." + key, text);
    }

    String fieldMessage(String key) {
        return bot.text("form." + key + ".message");
    }

    String fieldValue(String key) {
        org.eclipse.swt.widgets.Text t = bot.widget(org.eclipse.swt.widgets.Text.class, "form." + key);
        return Bot.ui(() -> t.getText());
    }

    void choose(String key, String item) {
        bot.choose("form." + key, item);
    }

    /** Fills member block {@code i} of the 転入届. */
    void member(int i, String family, String given, String kana, String birth, String sex, String relationship) {
        field("m" + i + ".family", family);
        field("m" + i + ".given", given);
        field("m" + i + ".furigana", kana);
        field("m" + i + ".birth", birth);
        choose("m" + i + ".sex", sex);
        choose("m" + i + ".relationship", relationship);
    }

    List<List<String>> search(String name) {
        field("search.name", name);
        field("search.birth", "");
        bot.click("search.button");
        return bot.rows("search.results");
    }
}
