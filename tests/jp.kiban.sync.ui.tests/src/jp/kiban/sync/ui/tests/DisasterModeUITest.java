package jp.kiban.sync.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kiban.persistence.Database;
import jp.kiban.platform.ConnectionStatus;
import jp.kiban.sync.ui.internal.SyncAdminPart;
import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;
import jp.kiban.ui.UiKeys;

/**
 * The desk client with a central server configured: offline while the server is not there (changes waiting
 * counted), online once it is, then 災害モード switched on by the administrator — no sync attempts, a banner in
 * the main window with the data's as-of time, kept in the database — and off again, when what waited is sent.
 */
@ExtendWith(ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(1)
class DisasterModeUITest {

    static final String TIME = "\\d\\d:\\d\\d";

    @Test
    @Order(1)
    void offlineWhileTheCentralServerIsNotThereWithTheChangesWaiting() {
        DeskPage desk = new DeskPage();
        // the first attempt (a second after the start) found no sync API at the configured address
        // the login went to the access log and so to the outbox: counted while offline, between the attempts
        desk.awaitConnection("中央サーバ: オフライン（" + TIME + " から・未送信 [1-9]\\d* 件）");
        Bot.screenshot("offline");
        assertNull(desk.bannerOrNull(), "no banner outside 災害モード");
    }

    @Test
    @Order(2)
    void onlineOnceTheServerIsThereAndTheDataIsAsOfThatPull() throws Exception {
        DeskPage desk = new DeskPage();
        UiCentral central = UiCentral.get();
        central.start();
        desk.open("同期", "同期の管理");
        desk.bot.click(SyncAdminPart.SYNC_NOW);
        desk.awaitConnection("中央サーバ: 接続中（最終同期 " + TIME + "）");
        assertTrue(central.eventsFromDesk() > 0, "what waited was pushed");
        String asOf = Bot.waitFor("as-of time", () -> {
            String t = desk.bot.text(SyncAdminPart.AS_OF);
            return t.matches("\\d{1,2}月\\d{1,2}日 " + TIME + "（最後に中央サーバから受信した時刻）") ? t : null;
        });
        ConnectionStatus sync = DeskPage.service(ConnectionStatus.class);
        assertEquals(DateTimeFormatter.ofPattern("M月d日 HH:mm").format(sync.dataAsOf().orElseThrow().atZone(ZoneId.systemDefault()))
                + "（最後に中央サーバから受信した時刻）", asOf);
        assertEquals("0 件", desk.bot.text(SyncAdminPart.PENDING));
    }

    @Test
    @Order(3)
    void disasterModeStopsSyncAndSaysSoInABannerWithTheDataAsOfTime() throws Exception {
        DeskPage desk = new DeskPage();
        UiCentral central = UiCentral.get();
        ConnectionStatus sync = DeskPage.service(ConnectionStatus.class);
        String asOf = DateTimeFormatter.ofPattern("M月d日 HH:mm").format(sync.dataAsOf().orElseThrow().atZone(ZoneId.systemDefault()));
        desk.open("同期", "同期の管理");
        desk.bot.clickAsync(SyncAdminPart.DISASTER_ON);
        String question = desk.confirm(true);
        assertTrue(question.contains("（" + asOf + " 時点のデータ）"), question);

        String banner = Bot.waitFor("the 災害モード banner", desk::bannerOrNull);
        assertEquals("災害モード：この端末の控えで業務中（" + asOf + " 時点のデータ）", banner);
        String status = desk.awaitConnection("中央サーバ: 災害モード（同期停止中・未送信 \\d+ 件）");
        assertTrue(desk.bot.text(SyncAdminPart.DISASTER_STATE).matches("災害モード中（\\d{1,2}月\\d{1,2}日 " + TIME + " から）"),
                desk.bot.text(SyncAdminPart.DISASTER_STATE));
        assertTrue(sync.disasterMode());
        int requests = central.requests.get();
        long pushed = central.eventsFromDesk();

        // no sync attempt: neither on demand (the status line, the button) nor in the background
        assertFalse(sync.syncNow());
        desk.clickConnection();
        assertFalse(Bot.ui(() -> desk.bot.widget(org.eclipse.swt.widgets.Button.class, SyncAdminPart.SYNC_NOW).isEnabled()));
        // the counter keeps working: a lock and a login again are written to the access log (and so the outbox)
        long before = Long.parseLong(status.replaceAll(".*未送信 (\\d+) 件.*", "$1"));
        desk.bot.clickMenu(desk.mainWindow(), "ファイル", "画面をロック");
        desk.bot.shell("lock screen", x -> UiKeys.LOGIN_SHELL.equals(x.getData(UiKeys.KEY)));
        desk.bot.type(UiKeys.LOGIN_PASSWORD, "kanri-demo-2026");
        desk.bot.click(UiKeys.LOGIN_OK);
        String later = Bot.waitFor("the new changes counted in the status line", () -> {
            String t = desk.connection();
            return t.matches("中央サーバ: 災害モード（同期停止中・未送信 \\d+ 件）")
                    && Long.parseLong(t.replaceAll(".*未送信 (\\d+) 件.*", "$1")) > before ? t : null;
        });
        String n = later.replaceAll(".*未送信 (\\d+) 件.*", "$1");
        desk.open("同期", "同期の管理");
        Bot.waitFor("the same count on the sync screen", () -> desk.bot.text(SyncAdminPart.PENDING).equals(n + " 件") ? n : null);
        String detail = desk.bot.text(UiKeys.DISASTER_BANNER_DETAIL);
        assertTrue(detail.contains("未送信 " + later.replaceAll(".*未送信 (\\d+) 件.*", "$1") + " 件"), detail);
        Path shot = Bot.screenshot("disaster-mode-on");
        assertTrue(Files.size(shot) > 10_000);
        assertEquals(requests, central.requests.get(), "no request reached the central server in 災害モード");
        assertEquals(pushed, central.eventsFromDesk());
        assertTrue(later.contains("未送信"), later);

        // kept in the terminal's database (so across a restart)
        try (Connection c = DeskPage.service(Database.class).dataSource().getConnection();
                PreparedStatement p = c.prepareStatement("SELECT state_value, changed_by FROM sync_state WHERE state_key = 'disaster.mode'");
                ResultSet r = p.executeQuery()) {
            assertTrue(r.next());
            assertEquals("on", r.getString(1));
            assertEquals("kanri", r.getString(2));
        }
    }

    @Test
    @Order(4)
    void switchedOffSyncResumesAndWhatWaitedIsSent() throws Exception {
        DeskPage desk = new DeskPage();
        UiCentral central = UiCentral.get();
        ConnectionStatus sync = DeskPage.service(ConnectionStatus.class);
        long waiting = sync.pendingChanges();
        long pushed = central.eventsFromDesk();
        desk.open("同期", "同期の管理");
        desk.bot.clickAsync(SyncAdminPart.DISASTER_OFF);
        String question = desk.confirm(true);
        assertTrue(question.contains("未送信の変更（"), question);
        desk.awaitConnection("中央サーバ: 接続中（最終同期 " + TIME + "）");
        Bot.waitFor("the banner gone", () -> desk.bannerOrNull() == null ? Boolean.TRUE : null);
        assertFalse(sync.disasterMode());
        Bot.waitFor("what waited is sent", () -> sync.pendingChanges() == 0 ? Boolean.TRUE : null);
        assertTrue(central.eventsFromDesk() >= pushed + waiting, "sent after 災害モード: " + central.eventsFromDesk());
        assertEquals("通常（中央サーバと同期しています）", desk.bot.text(SyncAdminPart.DISASTER_STATE));
        Bot.screenshot("disaster-mode-off");
    }
}
