package jp.kiban.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;
import jp.kiban.ui.UiKeys;

/** Starts the real desk client product (e4, SWT, Derby) under Xvfb and checks the main window. */
@ExtendWith(ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowUITest {

    @Test
    @Order(1)
    void mainWindowIsJapaneseWithMenuNavigationAndStatusLine() throws Exception {
        MainWindowPage main = MainWindowPage.waitForIt();
        assertEquals("基盤 Kiban — 住民記録・基幹業務", main.title());
        assertEquals(List.of("ファイル", "業務", "ヘルプ"), main.menuBar());
        assertEquals(List.of("パスワードの変更...", "画面をロック", "終了"), main.menu("ファイル"));
        assertEquals("利用者: デモ 窓口・審査（窓口・審査）", main.status(UiKeys.STATUS_OPERATOR));

        assertEquals("自治体: デモ町（139998・デモ）", main.status(UiKeys.STATUS_MUNICIPALITY));
        assertEquals("データベース: 組込み Derby", main.status(UiKeys.STATUS_DATABASE));
        assertEquals("中央サーバ: 未設定（単独運用）", main.status(UiKeys.STATUS_CONNECTION));

        assertEquals("デモ町 住民記録・基幹業務システム", main.label(UiKeys.HOME_TITLE));
        assertTrue(main.label(UiKeys.HOME_MESSAGE).contains("デモ用の自治体です"));

        Path shot = Bot.screenshot("main-window");
        assertTrue(Files.size(shot) > 10_000, "screenshot too small to show a window: " + shot);
    }

    @Test
    @Order(3)
    void businessBundlesContributeThroughModelFragments() {
        MainWindowPage main = MainWindowPage.waitForIt();
        List<String> nav = main.navigationEntries();
        // the shell's own entry and the stand-in business bundle's, each in its group
        assertTrue(nav.contains("システム管理/システム情報"), nav.toString());
        assertTrue(nav.contains("テスト業務/受付一覧（テスト）"), nav.toString());
        assertTrue(main.menu("業務").contains("受付一覧を開く（テスト）"), main.menu("業務").toString());

        main.openFromNavigation("テスト業務", "受付一覧（テスト）");
        Label part = main.bot().widget(Label.class, ReceptionTestPart.LABEL_ID);
        assertEquals("テスト業務の画面です", Bot.ui(part::getText));
    }

    @Test
    @Order(4)
    void systemInformationShowsTheDatabaseAndSchema() {
        MainWindowPage main = MainWindowPage.waitForIt();
        main.openFromNavigation("システム管理", "システム情報");
        Table table = main.bot().widget(Table.class, UiKeys.SYSTEM_TABLE);
        List<String> rows = Bot.ui(() -> {
            java.util.ArrayList<String> l = new java.util.ArrayList<>();
            for (TableItem i : table.getItems()) {
                l.add(i.getText(0) + "=" + i.getText(1));
            }
            return l;
        });
        assertTrue(rows.contains("データベース=Derby jdbc:derby:memory:kiban-ui"), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("スキーマ=最新")), rows.toString());
        Bot.screenshot("system-information");
    }

    @Test
    @Order(2)
    void aBusinessMenuEntryOpensItsPartInTheMainStack() {
        MainWindowPage main = MainWindowPage.waitForIt();
        main.clickMenu("業務", "受付一覧を開く（テスト）");
        Label part = main.bot().widget(Label.class, ReceptionTestPart.LABEL_ID);
        assertTrue(Bot.isShownOnScreen(part));
        // the part sits in the main stack, beside ホーム, not in a new window or the navigation stack
        assertEquals(main.shell(), Bot.ui(part::getShell));
        assertTrue(Bot.ui(() -> part.getShell().getBounds().contains(part.toDisplay(0, 0))));
        assertTrue(Bot.ui(() -> part.toDisplay(0, 0).x > 300), "opened in the navigation area");
    }

    @Test
    @Order(5)
    void homeComesBackFromTheMenu() {
        MainWindowPage main = MainWindowPage.waitForIt();
        main.clickMenu("業務", "ホームを表示");
        assertTrue(main.isShowing(UiKeys.HOME_TITLE));
    }
    @Test
    @Order(6)
    void conformanceShowsWhatIsProvidedMissingAndNothingRefused() {
        MainWindowPage main = MainWindowPage.waitForIt();
        main.openFromNavigation("システム管理", "仕様準拠");
        Label summary = main.bot().widget(Label.class, UiKeys.CONFORMANCE_SUMMARY);
        String text = Bot.ui(() -> summary.getText());
        assertTrue(text.matches("(?s).*住民記録: 実装すべき機能 提供 \\d+ 件・未提供 \\d+ 件.*"), text);
        assertTrue(text.contains("第1.0版"), text);
        Table table = main.bot().widget(Table.class, UiKeys.CONFORMANCE_TABLE);
        List<String> rows = Bot.ui(() -> {
            java.util.ArrayList<String> l = new java.util.ArrayList<>();
            for (TableItem i : table.getItems()) {
                l.add(i.getText(1) + " " + i.getText(2) + "|" + i.getText(4) + "|" + i.getText(5));
            }
            return l;
        });
        // the whitelist check is provided; 1.1.4 改製 is implemented by no bundle yet
        assertTrue(rows.contains("spec 仕様準拠の検査|提供|jp.kiban.spec, jp.kiban.spec.impl"), rows.toString());
        assertTrue(rows.contains("1.1.4 改製|未提供|"), rows.toString());
        Bot.screenshot("conformance");
    }
}
