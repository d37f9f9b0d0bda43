package jp.kiban.sync.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.widgets.Button;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kiban.platform.KibanEnvironment;
import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;
import jp.kiban.ui.UiKeys;

/**
 * バックアップと復元 in the desk client, as the administrator does it: a backup into a folder (its size shown), a
 * damaged backup refused at the check (nothing replaced, restore not offered), then a good one checked, confirmed
 * and restored, with the replaced database kept and the restart asked for. Runs last: the restore replaces the
 * database under the running client.
 */
@ExtendWith(ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(100)
class BackupUITest {

    static Path backups;
    static Path made;

    static long bytes(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            long n = 0;
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                n += Files.size(p);
            }
            return n;
        }
    }

    static boolean enabled(DeskPage desk, String id) {
        Button b = desk.bot.widget(Button.class, id);
        return Bot.ui(b::isEnabled);
    }

    @Test
    @Order(1)
    void aBackupGoesIntoANewFolderAndItsSizeIsShown() throws Exception {
        DeskPage desk = new DeskPage();
        KibanEnvironment env = DeskPage.service(KibanEnvironment.class);
        backups = env.dataLocation().root().resolveSibling(env.dataLocation().root().getFileName() + "-backups");
        desk.open("システム管理", "バックアップと復元");
        assertFalse(enabled(desk, UiKeys.RESTORE_RUN), "nothing to restore before a backup was checked");
        desk.bot.click(UiKeys.BACKUP_RUN);
        assertEquals("フォルダを指定してください。", desk.bot.text(UiKeys.BACKUP_MESSAGE));
        desk.bot.type(UiKeys.BACKUP_FOLDER, backups.toString());
        desk.bot.click(UiKeys.BACKUP_RUN);
        String done = Bot.waitFor("the backup", () -> {
            String t = desk.bot.text(UiKeys.BACKUP_MESSAGE);
            return t.startsWith("バックアップしました") ? t : null;
        });
        try (Stream<Path> in = Files.list(backups)) {
            List<Path> folders = in.toList();
            assertEquals(1, folders.size(), folders.toString());
            made = folders.get(0);
        }
        assertTrue(Files.isRegularFile(made.resolve("db").resolve("service.properties")), made.toString());
        assertEquals(String.format("バックアップしました: %s（%.1f MB、ファイル %d 個）", made, bytes(made) / (1024.0 * 1024.0),
                Files.walk(made).filter(Files::isRegularFile).count()), done);
        Bot.screenshot("backup-done");
    }

    @Test
    @Order(2)
    void aDamagedBackupIsRefusedAtTheCheckAndNothingIsReplaced() throws Exception {
        DeskPage desk = new DeskPage();
        Path broken = backups.resolve("broken");
        try (Stream<Path> all = Files.walk(made)) {
            for (Path p : all.toList()) {
                Path t = broken.resolve(made.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        try (Stream<Path> files = Files.walk(broken.resolve("db").resolve("seg0"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".dat")).toList()) {
                Files.write(f, new byte[] { 1, 2, 3 });
            }
        }
        desk.bot.type(UiKeys.RESTORE_FOLDER, broken.toString());
        desk.bot.click(UiKeys.RESTORE_CHECK);
        String verdict = Bot.waitFor("the check", () -> {
            String t = desk.bot.text(UiKeys.RESTORE_MESSAGE);
            return t.startsWith("このバックアップは") ? t : null;
        });
        assertTrue(verdict.startsWith("このバックアップは復元できません"), verdict);
        assertTrue(verdict.contains("何も置き換えていません"), verdict);
        assertFalse(enabled(desk, UiKeys.RESTORE_RUN), "a refused backup cannot be restored");
        Path data = DeskPage.service(KibanEnvironment.class).dataLocation().root();
        try (Stream<Path> in = Files.list(data)) {
            assertTrue(in.noneMatch(p -> p.getFileName().toString().startsWith("db.replaced-")), "nothing replaced");
        }
    }

    @Test
    @Order(3)
    void aGoodBackupIsCheckedConfirmedAndRestoredAndARestartIsAskedFor() throws Exception {
        DeskPage desk = new DeskPage();
        desk.bot.type(UiKeys.RESTORE_FOLDER, made.toString());
        assertFalse(enabled(desk, UiKeys.RESTORE_RUN), "check first");
        desk.bot.click(UiKeys.RESTORE_CHECK);
        String verdict = Bot.waitFor("the check", () -> {
            String t = desk.bot.text(UiKeys.RESTORE_MESSAGE);
            return t.startsWith("このバックアップは") ? t : null;
        });
        assertTrue(verdict.matches("このバックアップは復元できます（表 \\d+ 個を検査、問題なし）。"), verdict);
        assertTrue(enabled(desk, UiKeys.RESTORE_RUN));

        // asked first; cancelling changes nothing
        desk.bot.clickAsync(UiKeys.RESTORE_RUN);
        String question = desk.confirm(false);
        assertTrue(question.contains(made.toString()), question);
        assertTrue(question.contains("起動し直す必要があります"), question);
        Path data = DeskPage.service(KibanEnvironment.class).dataLocation().root();
        try (Stream<Path> in = Files.list(data)) {
            assertTrue(in.noneMatch(p -> p.getFileName().toString().startsWith("db.replaced-")), "cancelled: nothing replaced");
        }
        desk.bot.clickAsync(UiKeys.RESTORE_RUN);
        desk.confirm(true);
        String done = Bot.waitFor("the restore", () -> {
            String t = desk.bot.text(UiKeys.RESTORE_MESSAGE);
            return t.startsWith("復元しました") ? t : null;
        });
        assertTrue(done.contains("Kiban を終了して起動し直してください"), done);
        Path replaced;
        try (Stream<Path> in = Files.list(data)) {
            replaced = in.filter(p -> p.getFileName().toString().startsWith("db.replaced-")).findFirst().orElseThrow();
        }
        assertTrue(done.endsWith(replaced.toString()), done);
        assertTrue(Files.isRegularFile(replaced.resolve("service.properties")), "the replaced database is kept");
        assertTrue(Files.isRegularFile(data.resolve("db").resolve("service.properties")));
        assertFalse(enabled(desk, UiKeys.BACKUP_RUN), "nothing more until the restart");
        assertTrue(Bot.isShownOnScreen(desk.bot.widget(Button.class, UiKeys.RESTORE_QUIT)));
        Bot.screenshot("restore-done");
    }
}
