package jp.kiban.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;
import jp.kiban.ui.UiKeys;

/**
 * The desk client starts with the login window (Japanese), before the main window shows: bad input
 * and wrong passwords are refused, five failures lock an account, a good login shows the main window,
 * and the screen lock asks for the same user's password. Runs before the other UI tests (class order).
 */
@Order(1)
@ExtendWith(ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginUITest {

    @Test
    @Order(1)
    void theLoginWindowComesFirstWithTheDemoUsers() throws Exception {
        LoginPage login = LoginPage.waitForIt();
        assertEquals("基盤 Kiban — ログイン", login.title());
        assertFalse(LoginPage.mainWindowVisible(), "the main window stays hidden until someone logs in");
        String demo = login.demoAccounts();
        assertTrue(demo.contains("デモ用の利用者") && demo.contains("shinsa") && demo.contains("shinsa-demo-1")
                && demo.contains("kansa"), demo);
        Path shot = Bot.screenshot("login-dialog");
        assertTrue(Files.size(shot) > 5_000, shot.toString());
    }

    @Test
    @Order(2)
    void emptyAndWrongPasswordsAreRefusedInJapanese() {
        LoginPage login = LoginPage.waitForIt();
        login.submit("madoguchi", "");
        assertEquals("パスワードを入力してください。", login.message());
        login.submit("", "x");
        assertEquals("利用者IDを入力してください。", login.message());
        login.submit("madoguchi'--", "x");
        assertTrue(login.message().startsWith("利用者IDの形式が正しくありません"), login.message());
        login.submit("madoguchi", "not-the-password-1");
        assertEquals("利用者IDまたはパスワードが違います。", login.message());
        login.submit("nobody", "not-the-password-1");
        assertEquals("利用者IDまたはパスワードが違います。", login.message(), "an unknown id reads the same");
        assertTrue(login.isOpen());
        assertFalse(LoginPage.mainWindowVisible());
    }

    @Test
    @Order(3)
    void fiveFailuresLockTheAccount() {
        LoginPage login = LoginPage.waitForIt();
        for (int i = 1; i <= 4; i++) {
            login.submit("kokuho", "wrong-password-" + i);
            assertEquals("利用者IDまたはパスワードが違います。", login.message());
        }
        login.submit("kokuho", "wrong-password-5");
        assertTrue(login.message().contains("ロックされています"), login.message());
        login.submit("kokuho", "kokuho-demo-1");
        assertTrue(login.message().contains("ロックされています"), "the right password does not open a locked account");
        assertFalse(LoginPage.mainWindowVisible());
    }

    @Test
    @Order(4)
    void aGoodLoginShowsTheMainWindow() {
        LoginPage login = LoginPage.waitForIt();
        login.submit("shinsa", "shinsa-demo-1");
        Bot.waitFor("the main window", () -> LoginPage.mainWindowVisible() ? Boolean.TRUE : null);
        assertFalse(login.isOpen());
        LoginPage.markLoggedIn();
        MainWindowPage main = MainWindowPage.waitForIt();
        assertEquals("利用者: デモ 窓口・審査（窓口・審査）", main.status(UiKeys.STATUS_OPERATOR));
    }

    @Test
    @Order(5)
    void theLockedScreenNeedsTheSameUsersPassword() {
        MainWindowPage main = MainWindowPage.waitForIt();
        main.clickMenu("ファイル", "画面をロック");
        LoginPage lock = LoginPage.waitForIt();
        assertEquals("基盤 Kiban — ロック中", lock.title());
        Bot.waitFor("the main window to hide", () -> LoginPage.mainWindowVisible() ? null : Boolean.TRUE);
        Bot.screenshot("lock-screen");
        lock.submit("shinsa", "wrong-password-1");
        assertEquals("利用者IDまたはパスワードが違います。", lock.message());
        lock.submit("shinsa", "shinsa-demo-1");
        Bot.waitFor("the main window again", () -> LoginPage.mainWindowVisible() ? Boolean.TRUE : null);
    }

    @Test
    @Order(6)
    void anAdministratorAddsAUserAndUnlocksAnother() {
        MainWindowPage main = MainWindowPage.waitForIt();
        main.clickMenu("ファイル", "画面をロック");
        LoginPage.waitForIt().submit("kanri", "kanri-demo-2026");
        Bot.waitFor("the main window", () -> LoginPage.mainWindowVisible() ? Boolean.TRUE : null);
        main.openFromNavigation("システム管理", "利用者管理");
        jp.kiban.testing.ui.Bot bot = main.bot();
        java.util.List<java.util.List<String>> before = bot.rows(UiKeys.USERS_TABLE);
        assertEquals(5, before.size(), before.toString());

        bot.click(UiKeys.USERS_ADD);
        assertEquals("利用者IDを入力してください。", bot.text(UiKeys.USERS_MESSAGE));
        bot.type(UiKeys.USERS_ID, "x' OR '1'='1");
        bot.type(UiKeys.USERS_NAME, "鈴木 花子");
        bot.check(UiKeys.USERS_ROLE_PREFIX + "COUNTER", true);
        bot.type(UiKeys.USERS_PASSWORD, "initial-pass-1");
        bot.click(UiKeys.USERS_ADD);
        assertTrue(bot.text(UiKeys.USERS_MESSAGE).startsWith("利用者IDの形式が正しくありません"), bot.text(UiKeys.USERS_MESSAGE));
        bot.type(UiKeys.USERS_ID, "suzuki");
        bot.type(UiKeys.USERS_PASSWORD, "short");
        bot.click(UiKeys.USERS_ADD);
        assertEquals("パスワードは10文字以上にしてください。", bot.text(UiKeys.USERS_MESSAGE));
        org.eclipse.swt.widgets.Text nameField = bot.widget(org.eclipse.swt.widgets.Text.class, UiKeys.USERS_NAME);
        assertEquals("鈴木 花子", Bot.ui(() -> nameField.getText()), "what was typed stays");
        assertEquals(before, bot.rows(UiKeys.USERS_TABLE), "nothing stored");
        bot.type(UiKeys.USERS_PASSWORD, "initial-pass-1");
        bot.click(UiKeys.USERS_ADD);
        assertTrue(bot.text(UiKeys.USERS_MESSAGE).startsWith("suzuki を追加しました"), bot.text(UiKeys.USERS_MESSAGE));
        java.util.List<java.util.List<String>> after = bot.rows(UiKeys.USERS_TABLE);
        assertTrue(after.contains(java.util.List.of("suzuki", "鈴木 花子", "", "窓口", "", "初期パスワード", "", "")), after.toString());

        int kokuho = -1;
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i).get(0).equals("kokuho")) {
                kokuho = i;
            }
        }
        assertEquals("ロック中", after.get(kokuho).get(5), "locked by the failures above");
        bot.selectRows(UiKeys.USERS_TABLE, false, kokuho);
        bot.click(UiKeys.USERS_UNLOCK);
        assertEquals("kokuho のロックを解除しました。", bot.text(UiKeys.USERS_MESSAGE));
        String state = bot.rows(UiKeys.USERS_TABLE).stream().filter(r -> r.get(0).equals("kokuho")).findFirst().orElseThrow().get(5);
        assertEquals("有効", state);
        Bot.screenshot("users-admin");

        // the new user logs in with the initial password and must change it before the main window shows
        main.clickMenu("ファイル", "画面をロック");
        LoginPage.waitForIt().submit("suzuki", "initial-pass-1");
        bot.shell("password window", s -> UiKeys.PASSWORD_SHELL.equals(s.getData(UiKeys.KEY)));
        assertFalse(LoginPage.mainWindowVisible());
        bot.type(UiKeys.PASSWORD_CURRENT, "initial-pass-1");
        bot.type(UiKeys.PASSWORD_NEW, "suzuki-own-pass-2");
        bot.type(UiKeys.PASSWORD_REPEAT, "other-pass-3");
        bot.click(UiKeys.PASSWORD_OK);
        assertEquals("新しいパスワードと確認用のパスワードが一致しません。", bot.text(UiKeys.PASSWORD_MESSAGE));
        bot.type(UiKeys.PASSWORD_NEW, "suzuki-own-pass-2");
        bot.type(UiKeys.PASSWORD_REPEAT, "suzuki-own-pass-2");
        bot.click(UiKeys.PASSWORD_OK);
        assertEquals("パスワードに利用者IDを含めないでください。", bot.text(UiKeys.PASSWORD_MESSAGE), "the policy applies");
        bot.type(UiKeys.PASSWORD_NEW, "hanako-own-pass-2");
        bot.type(UiKeys.PASSWORD_REPEAT, "hanako-own-pass-2");
        bot.click(UiKeys.PASSWORD_OK);
        Bot.waitFor("the main window", () -> LoginPage.mainWindowVisible() ? Boolean.TRUE : null);
        Bot.waitFor("the new user in the status line",
                () -> "利用者: 鈴木 花子（窓口）".equals(main.status(UiKeys.STATUS_OPERATOR)) ? Boolean.TRUE : null);
    }

    @Test
    @Order(7)
    void anAuditorSeesTheLogVerifiesAndAnalyses() {
        MainWindowPage main = MainWindowPage.waitForIt();
        main.openFromNavigation("システム管理", "アクセスログ（監査）");
        assertEquals("アクセスログを見る権限がありません（監査の役割が必要です）。", main.bot().text(UiKeys.AUDIT_MESSAGE),
                "an administrator does not read the log");
        // another user at the same desk: the lock screen lets the auditor log in; open screens are closed
        main.clickMenu("ファイル", "画面をロック");
        LoginPage.waitForIt().submit("kansa", "kansa-demo-1");
        Bot.waitFor("the main window", () -> LoginPage.mainWindowVisible() ? Boolean.TRUE : null);
        Bot.waitFor("the auditor in the status line", () -> "利用者: デモ 監査（監査）".equals(main.status(UiKeys.STATUS_OPERATOR))
                ? Boolean.TRUE : null);
        main.openFromNavigation("システム管理", "アクセスログ（監査）");
        jp.kiban.testing.ui.Bot bot = main.bot();
        bot.type(UiKeys.AUDIT_OPERATOR, "kokuho");
        bot.click(UiKeys.AUDIT_SEARCH);
        java.util.List<java.util.List<String>> rows = bot.rows(UiKeys.AUDIT_ENTRIES);
        assertEquals(6, rows.stream().filter(r -> r.get(4).equals("ログイン失敗")).count(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.get(8).contains("account locked after 5")), rows.toString());
        bot.type(UiKeys.AUDIT_OPERATOR, "");
        bot.type(UiKeys.AUDIT_FROM, "2026/13/40");
        bot.click(UiKeys.AUDIT_SEARCH);
        assertTrue(bot.text(UiKeys.AUDIT_MESSAGE).contains("2026-06-01 の形"), bot.text(UiKeys.AUDIT_MESSAGE));
        bot.type(UiKeys.AUDIT_FROM, "");
        bot.click(UiKeys.AUDIT_VERIFY);
        assertTrue(bot.text(UiKeys.AUDIT_MESSAGE).startsWith("改ざんは見つかりませんでした"), bot.text(UiKeys.AUDIT_MESSAGE));
        bot.click(UiKeys.AUDIT_ANALYSE);
        java.util.List<java.util.List<String>> findings = bot.rows(UiKeys.AUDIT_FINDINGS);
        assertTrue(findings.stream().anyMatch(r -> r.get(1).equals("ログイン失敗の繰り返し") && r.get(2).equals("kokuho")),
                findings.toString());
        bot.click(UiKeys.AUDIT_SEARCH);
        Bot.screenshot("audit-view");
        // back to the supervisor for the other UI tests
        main.clickMenu("ファイル", "画面をロック");
        LoginPage.waitForIt().submit("shinsa", "shinsa-demo-1");
        Bot.waitFor("the main window", () -> LoginPage.mainWindowVisible() ? Boolean.TRUE : null);
        Bot.waitFor("the supervisor in the status line",
                () -> "利用者: デモ 窓口・審査（窓口・審査）".equals(main.status(UiKeys.STATUS_OPERATOR)) ? Boolean.TRUE : null);
    }
}
