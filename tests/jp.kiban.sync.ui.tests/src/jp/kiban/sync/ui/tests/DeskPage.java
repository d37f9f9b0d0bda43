package jp.kiban.sync.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.Desk;
import jp.kiban.ui.ConfirmDialog;
import jp.kiban.ui.UiKeys;

/** Page object: the desk client's main window, its status line and banner, and the sync screens, as the administrator uses them. */
final class DeskPage {
    final Bot bot = new Bot(UiKeys.KEY);

    /** The first time, logs in through the login window as the demo administrator (管理 + 審査). */
    DeskPage() {
        Desk.logInOnce(bot, Desk.ADMIN_ID, Desk.ADMIN_PASSWORD);
        bot.widget(Tree.class, UiKeys.NAVIGATION_TREE);
    }

    Shell mainWindow() {
        return Bot.ui(bot.widget(Tree.class, UiKeys.NAVIGATION_TREE)::getShell);
    }

    void open(String group, String entry) {
        Bot.activateTreeItem(bot.widget(Tree.class, UiKeys.NAVIGATION_TREE), group, entry);
    }

    /** The status line's text about the central server. */
    String connection() {
        return bot.text(UiKeys.STATUS_CONNECTION);
    }

    /** Waits until the status line's text about the central server matches. */
    String awaitConnection(String regex) {
        return Bot.waitFor("status line matching " + regex, () -> {
            String t = connection();
            return t.matches(regex) ? t : null;
        });
    }

    /** A click on the status line's connection state (sync on demand). */
    void clickConnection() {
        Label l = bot.widget(Label.class, UiKeys.STATUS_CONNECTION);
        Bot.ui(() -> l.notifyListeners(SWT.MouseUp, new Event()));
    }

    /** The 災害モード banner, or null when it is not on screen. */
    String bannerOrNull() {
        return Bot.ui(() -> {
            for (Shell s : Bot.display().getShells()) {
                Label l = find(s);
                if (l != null) {
                    return Bot.isShownOnScreen(l) ? l.getText() : null;
                }
            }
            return null;
        });
    }

    private static Label find(org.eclipse.swt.widgets.Control c) {
        if (c instanceof Label l && UiKeys.DISASTER_BANNER.equals(l.getData(UiKeys.KEY)) && l.isVisible()) {
            return l;
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                Label l = find(child);
                if (l != null) {
                    return l;
                }
            }
        }
        return null;
    }

    /** Answers the open confirmation: returns its message. */
    String confirm(boolean ok) {
        bot.shell("confirmation", s -> ConfirmDialog.SHELL.equals(s.getData(UiKeys.KEY)));
        String message = bot.text(ConfirmDialog.MESSAGE);
        bot.click(ok ? ConfirmDialog.OK : ConfirmDialog.CANCEL);
        return message;
    }

    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(DeskPage.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
        t.open();
        try {
            T s = t.waitForService(30_000);
            if (s == null) {
                throw new AssertionError("no " + type.getName() + " service");
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            t.close();
        }
    }
}
