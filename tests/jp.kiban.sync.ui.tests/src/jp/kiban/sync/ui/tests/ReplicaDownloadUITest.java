package jp.kiban.sync.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kiban.platform.ConnectionStatus;
import jp.kiban.sync.ui.internal.SyncAdminPart;
import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;

/**
 * 控えの取得: another terminal of the town registered 100 households the desk has never seen; the administrator
 * downloads them from 同期の管理 with a progress bar (receiving, then applying), and the people are found in
 * 住民検索 at this desk.
 */
@ExtendWith(ScreenshotOnFailure.class)
@org.junit.jupiter.api.Order(2)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ReplicaDownloadUITest {

    static final int HOUSEHOLDS = 100;
    static OtherTerminal other;

    @org.junit.jupiter.api.AfterAll
    static void closeTheOtherTerminal() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theAdministratorDownloadsTheTownsDataWithAProgressBarAndTheCounterFindsIt() throws Exception {
        DeskPage desk = new DeskPage();
        UiCentral central = UiCentral.get();
        central.start();
        ConnectionStatus sync = DeskPage.service(ConnectionStatus.class);
        other = new OtherTerminal(central, central.apiUrl());
        other.registerAndPush(HOUSEHOLDS);
        desk.open("同期", "同期の管理");
        central.pullDelayMillis = 300; // a slow line: four pages of 50 take over a second
        try {
            desk.bot.click(SyncAdminPart.DOWNLOAD);
            ProgressBar bar = desk.bot.widget(ProgressBar.class, SyncAdminPart.DOWNLOAD_PROGRESS);
            String receiving = Bot.waitFor("receiving, part-way", () -> {
                String step = desk.bot.text(SyncAdminPart.DOWNLOAD_STEP);
                int at = Bot.ui(bar::getSelection);
                return step.startsWith("受信中: ") && at > 0 && at < 500 ? step : null;
            });
            assertTrue(receiving.matches("受信中: \\d+ / \\d+ 件"), receiving);
            Bot.screenshot("replica-download-receiving");
        } finally {
            central.pullDelayMillis = 0;
        }
        String done = Bot.waitFor("the download", () -> {
            String step = desk.bot.text(SyncAdminPart.DOWNLOAD_STEP);
            return step.startsWith("取得しました") || step.startsWith("取得できません") ? step : null;
        });
        assertTrue(done.matches("取得しました: 受信 \\d+ 件、住民記録への反映 " + HOUSEHOLDS * 2
                + " 件（\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d 時点のデータ）"), done);
        assertEquals(1000, (int) Bot.ui(desk.bot.widget(ProgressBar.class, SyncAdminPart.DOWNLOAD_PROGRESS)::getSelection));
        assertTrue(sync.dataAsOf().isPresent());
        Bot.screenshot("replica-download-done");

        // the counter finds the people registered at the other terminal
        desk.open("住民記録", "住民検索");
        desk.bot.type("form.search.name", OtherTerminal.family(0));
        desk.bot.click("search.button");
        List<List<String>> rows = Bot.waitFor("search hits", () -> {
            List<List<String>> r = desk.bot.rows("search.results");
            return r.size() == 2 ? r : null;
        });
        assertTrue(rows.toString().contains(OtherTerminal.family(0) + "　太郎") || rows.toString().contains(OtherTerminal.family(0) + " 太郎"),
                rows.toString());
        Bot.screenshot("replica-download-search");
    }

    /**
     * The status line through a round: 同期中 with its percentage (a slow line), then online with the conflict to
     * review — both terminals corrected the same person, the other one first.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void theStatusLineShowsTheRoundsProgressAndTheConflictToReview() throws Exception {
        DeskPage desk = new DeskPage();
        UiCentral central = UiCentral.get();
        jp.kiban.core.id.AddresseeNumber wife = other.first.get(1);
        other.renameAndPush(wife, "華子");
        jp.kiban.platform.Operator here = new jp.kiban.platform.Operator("kanri", "デモ システム管理者", "desk",
                java.util.Set.of(jp.kiban.platform.Role.SUPERVISOR));
        jp.kiban.resident.ResidentRegistry registry = DeskPage.service(jp.kiban.resident.ResidentRegistry.class);
        DeskPage.service(jp.kiban.resident.ResidentChanges.class).apply(here,
                OtherTerminal.correction(registry.current(here, wife).orElseThrow(), wife, "英子"));
        central.pullDelayMillis = 1500;
        try {
            desk.clickConnection();
            desk.awaitConnection("中央サーバ: 同期中 [1-9]\\d*%"); // sent (half-way), the slow pull still going
            Bot.screenshot("status-syncing");
        } finally {
            central.pullDelayMillis = 0;
        }
        String status = desk.awaitConnection("中央サーバ: 接続中（最終同期 \\d\\d:\\d\\d）・確認待ち 1 件");
        Bot.screenshot("status-conflict");
        // the central version is this terminal's now; the local one waits in the review queue
        assertEquals("華子", registry.current(here, wife).orElseThrow().person().name().given(), status);
        desk.open("同期", "同期の確認待ち");
        List<List<String>> queue = Bot.waitFor("the review queue", () -> {
            List<List<String>> r = desk.bot.rows(jp.kiban.sync.ui.internal.ReviewPart.TABLE);
            return r.size() == 1 ? r : null;
        });
        assertEquals(wife.value(), queue.get(0).get(0), queue.toString());
    }
}
