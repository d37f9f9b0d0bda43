package jp.kiban.resident.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kiban.resident.ui.internal.MoveInPart;
import jp.kiban.resident.ui.internal.PendingPart;
import jp.kiban.resident.ui.internal.PersonPart;
import jp.kiban.resident.ui.internal.SearchPart;
import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;

/**
 * A family of three moves in at the counter (転入届, 仮登録), the supervisor confirms it (本登録), and
 * the clerk finds them by フリガナ and opens the household — through the real desk client.
 */
@ExtendWith(ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoveInAndSearchUITest {
    private final CounterPage page = new CounterPage();

    @Test
    @Order(1)
    void badInputIsShownNextToTheFieldAndNothingTypedIsLost() {
        page.mainWindow();
        page.open("住民記録", "転入届");
        page.field("town", "本町");
        page.field("lot", "1番地2");
        page.member(1, "山田", "太郎", "山田タロウ", "S55.5.5", "男", "世帯主");
        page.bot.click(MoveInPart.REGISTER);
        assertTrue(page.fieldMessage("m1.furigana").contains("山"), page.fieldMessage("m1.furigana"));
        assertTrue(page.fieldMessage("changeDate").contains("入力してください"), page.fieldMessage("changeDate"));
        assertTrue(page.bot.text(MoveInPart.STATUS).contains("入力内容を確認してください"));
        // what the clerk typed is still there
        assertEquals("山田タロウ", page.fieldValue("m1.furigana"));
        assertEquals("1番地2", page.fieldValue("lot"));
    }

    @Test
    @Order(2)
    void aFamilyOfThreeMovesInAndIsProvisional() {
        page.field("postal", "100-0001");
        page.field("changeDate", "R6.4.1");
        page.field("notifiedOn", "R6.4.3");
        page.field("previousAddress", "東京都千代田区霞が関一丁目1番1号");
        page.field("certIssuer", "131016");
        page.field("certDate", "R6.3.31");
        page.field("certDestination", "デモ町本町1番地2");
        page.member(1, "山田", "太郎", "ヤマダ　タロウ", "S55.5.5", "男", "世帯主");
        page.bot.click(MoveInPart.ADD_MEMBER);
        page.member(2, "山田", "花子", "やまだ はなこ", "昭和57年7月7日", "女", "妻");
        page.bot.click(MoveInPart.ADD_MEMBER);
        page.member(3, "山田", "一郎", "ﾔﾏﾀﾞ ｲﾁﾛｳ", "2015-01-10", "男", "子");
        assertEquals("→ 昭和57年7月7日", page.fieldMessage("m2.birth"));
        Bot.screenshot("resident-movein-form");
        page.bot.click(MoveInPart.REGISTER);
        String status = page.bot.text(MoveInPart.STATUS);
        assertTrue(status.contains("仮登録しました（3 人）"), status);

        // provisional: not yet on the register, so not found
        page.open("住民記録", "住民検索");
        assertEquals(List.of(), page.search("ヤマダ"));
        assertEquals("該当する住民はいません。", page.bot.text(SearchPart.STATUS));
    }

    @Test
    @Order(3)
    void theSupervisorConfirmsAndTheFamilyIsFoundByFurigana() {
        page.open("住民記録", "仮登録一覧");
        List<List<String>> pending = page.bot.rows(PendingPart.TABLE);
        assertEquals(1, pending.size(), pending.toString());
        assertEquals("国内転入", pending.get(0).get(0));
        assertTrue(pending.get(0).get(3).contains("山田 太郎（世帯主）") || pending.get(0).get(3).contains("山田　太郎（世帯主）"),
                pending.get(0).get(3));
        page.bot.selectRows(PendingPart.TABLE, false, 0);
        page.bot.click(PendingPart.CONFIRM);
        assertTrue(page.bot.text(PendingPart.STATUS).contains("本登録しました"), page.bot.text(PendingPart.STATUS));
        assertEquals(List.of(), page.bot.rows(PendingPart.TABLE));

        page.open("住民記録", "住民検索");
        List<List<String>> family = page.search("ヤマダ");
        assertEquals(3, family.size(), family.toString());
        List<List<String>> hanako = page.search("やまだ　はな");
        assertEquals(1, hanako.size(), hanako.toString());
        assertTrue(hanako.get(0).get(1).startsWith("山田"), hanako.toString());
        assertEquals("ヤマダ　ハナコ", hanako.get(0).get(2));
        assertEquals("昭和57年7月7日", hanako.get(0).get(3));
        Bot.screenshot("resident-search");

        page.bot.selectRows(SearchPart.RESULTS, true, 0);
        String title = Bot.waitFor("person detail of 山田 花子",
                () -> page.bot.text(PersonPart.TITLE).contains("ハナコ") ? page.bot.text(PersonPart.TITLE) : null);
        assertTrue(title.contains("住民"), title);
        List<List<String>> household = page.bot.rows(PersonPart.HOUSEHOLD);
        assertEquals(3, household.size(), household.toString());
        assertEquals("世帯主", household.get(0).get(0));
        assertEquals(List.of("世帯主", "妻", "子"), household.stream().map(r -> r.get(0)).toList());
        List<List<String>> history = page.bot.rows(PersonPart.HISTORY);
        assertEquals(1, history.size());
        assertEquals("国内転入", history.get(0).get(1));
        assertEquals("令和6年4月1日", history.get(0).get(2));
        Bot.screenshot("resident-person");
    }

    @Test
    @Order(4)
    void aMoveWithinTheTownIsTakenFromThePersonDetail() {
        // the detail of 山田 花子 is open from the previous step
        page.bot.clickAsync("person.action.move");
        page.bot.shell("転居届 dialog", s -> s.getText().startsWith("転居届"));
        page.field("town", "駅前");
        page.field("lot", "7番地");
        page.field("changeDate", "R6.5.1");
        page.field("notifiedOn", "R6.5.2");
        Bot.screenshot("resident-move-dialog");
        page.bot.click("change.ok");
        String status = Bot.waitFor("the 転居 is registered", () -> {
            String t = page.bot.text("person.actionStatus");
            return t.isEmpty() ? null : t;
        });
        assertEquals("転居を仮登録しました。審査者の本登録を待っています。", status);
        page.open("住民記録", "仮登録一覧");
        List<List<String>> pending = Bot.waitFor("the 転居 in the 仮登録一覧", () -> {
            List<List<String>> rows = page.bot.rows(PendingPart.TABLE);
            return rows.isEmpty() ? null : rows;
        });
        assertEquals("転居", pending.get(0).get(0));
        assertEquals(3, pending.get(0).get(3).split("、").length, "the whole household moves: " + pending);
    }

    @Test
    @Order(5)
    void aForeignResidentMovesInFromAbroad() {
        page.open("住民記録", "転入届");
        page.bot.check("movein.abroad", true);
        page.field("town", "駅前");
        page.field("lot", "9番地");
        page.field("changeDate", "R6.6.1");
        page.field("notifiedOn", "R6.6.3");
        page.field("previousAddress", "ベトナム社会主義共和国ハノイ市");
        page.member(1, "グエン", "アン", "グエン　アン", "1996-02-03", "男", "世帯主");
        page.choose("m1.type", "外国人");
        page.field("m1.alphabet", "nguyen van an");
        page.field("m1.nationality", "ベトナム");
        page.field("m1.status", "技能実習");
        page.field("m1.period", "1年");
        page.field("m1.expires", "R7.6.1");
        page.field("m1.card", "AB1234567");
        page.bot.click(MoveInPart.REGISTER);
        // a malformed 在留カード番号 is refused next to the 在留 items, and nothing typed is lost
        assertTrue(!page.fieldMessage("m1.status").isEmpty(), "no message for the card number");
        assertEquals("AB1234567", page.fieldValue("m1.card"));
        page.field("m1.card", "AB12345678CD");
        page.bot.click(MoveInPart.REGISTER);
        String status = page.bot.text(MoveInPart.STATUS);
        assertTrue(status.contains("仮登録しました（1 人）"), status);
        Bot.screenshot("resident-movein-abroad");
        page.open("住民記録", "仮登録一覧");
        List<List<String>> pending = Bot.waitFor("the 国外転入 in the 仮登録一覧", () -> {
            List<List<String>> rows = page.bot.rows(PendingPart.TABLE);
            return rows.stream().anyMatch(r -> r.get(0).equals("国外転入")) ? rows : null;
        });
        assertTrue(pending.stream().anyMatch(r -> r.get(3).contains("グエン")), pending.toString());
    }

    @Test
    @Order(6)
    void theHeadChangesAndTheClerkSetsEachRelationship() {
        // 山田 花子's household still has the provisional 転居: a second change for them is refused, in Japanese
        page.open("住民記録", "住民検索");
        page.search("ヤマダ　ハナコ");
        page.bot.selectRows(SearchPart.RESULTS, true, 0);
        page.bot.clickAsync("person.action.head");
        page.bot.shell("世帯主変更届 dialog", s -> s.getText().startsWith("世帯主変更届"));
        page.field("changeDate", "R6.5.10");
        page.bot.click("change.ok");
        String refusal = Bot.waitFor("the refusal", () -> {
            String t = page.bot.text("change.status");
            return t.isEmpty() ? null : t;
        });
        assertTrue(refusal.contains("仮登録"), refusal);
        assertEquals("R6.5.10", page.fieldValue("changeDate"), "what was typed stays");
        page.bot.click("change.cancel");

        // the supervisor confirms the 転居; then the 世帯主変更 goes through with the 続柄 the clerk chose
        confirmPending("転居");
        page.open("住民記録", "住民検索");
        page.search("ヤマダ　ハナコ");
        page.bot.selectRows(SearchPart.RESULTS, true, 0);
        page.bot.clickAsync("person.action.head");
        page.bot.shell("世帯主変更届 dialog", s -> s.getText().startsWith("世帯主変更届"));
        page.field("changeDate", "R6.5.10");
        List<List<String>> household = page.bot.rows(PersonPart.HOUSEHOLD);
        String taro = household.stream().filter(r -> r.get(0).equals("世帯主")).findFirst().orElseThrow().get(4);
        String ichiro = household.stream().filter(r -> r.get(0).equals("子")).findFirst().orElseThrow().get(4);
        assertEquals("夫", comboText("rel." + taro), "the old head, seen from his wife");
        assertEquals("子", comboText("rel." + ichiro));
        page.choose("rel." + ichiro, "子");
        Bot.screenshot("resident-head-change-dialog");
        page.bot.click("change.ok");
        Bot.waitFor("the 世帯主変更 is registered", () -> page.bot.text("person.actionStatus").contains("世帯主変更") ? true : null);
        confirmPending("世帯主変更");
        page.open("住民記録", "住民検索");
        page.search("ヤマダ　ハナコ");
        page.bot.selectRows(SearchPart.RESULTS, true, 0);
        List<List<String>> after = Bot.waitFor("the new household order", () -> {
            List<List<String>> rows = page.bot.rows(PersonPart.HOUSEHOLD);
            return !rows.isEmpty() && rows.get(0).get(1).contains("花子") ? rows : null;
        });
        assertEquals(List.of("世帯主", "夫", "子"), after.stream().map(r -> r.get(0)).toList());
    }

    @Test
    @Order(7)
    void theSupervisorSetsAndClearsASupportMeasureAndThePersonIsMarked() {
        page.open("住民記録", "住民検索");
        page.search("ヤマダ　イチロウ");
        page.bot.selectRows(SearchPart.RESULTS, true, 0);
        Bot.waitFor("一郎 shown", () -> page.bot.text(PersonPart.TITLE).contains("一郎") ? true : null);
        assertFalse(supportMarkShown(), "a mark without a measure");
        page.bot.clickAsync(PersonPart.SUPPORT_ACTION);
        page.bot.shell("支援措置 dialog", s -> s.getText().startsWith("支援措置"));
        page.field("until", "R9.3.31");
        page.bot.click("support.ok");
        String refusal = Bot.waitFor("the refusal", () -> {
            String t = page.bot.text("support.status");
            return t.isEmpty() ? null : t;
        });
        assertTrue(refusal.contains("入力内容を確認"), refusal);
        assertEquals("R9.3.31", page.fieldValue("until"), "what was typed stays");
        page.field("reason", "配偶者からの暴力");
        Bot.screenshot("resident-support-dialog");
        page.bot.click("support.ok");
        String mark = Bot.waitFor("the 支援措置 mark", () -> {
            String t = page.bot.text(PersonPart.SUPPORT);
            return t.contains("支援措置対象者") ? t : null;
        });
        assertTrue(mark.contains("配偶者からの暴力"), "the supervisor sees the reason: " + mark);
        assertTrue(mark.contains("令和9年3月31日"), mark);
        Bot.screenshot("resident-support-mark");
        // no certificate about a protected person: the dialog says so and stays open
        page.bot.clickAsync("person.action.residentCopy");
        page.bot.shell("証明書 dialog", s -> s.getText().startsWith("証明書"));
        page.bot.check("copy.household", true);
        page.bot.click("copy.ok");
        String refused = Bot.waitFor("the 支援措置 refusal", () -> {
            String t = page.bot.text("copy.status");
            return t.isEmpty() ? null : t;
        });
        assertTrue(refused.contains("支援措置"), refused);
        assertTrue(Bot.ui(() -> page.bot.widget(org.eclipse.swt.widgets.Button.class, "copy.household").getSelection()),
                "what was ticked stays");
        page.bot.click("copy.cancel");

        page.bot.clickAsync(PersonPart.SUPPORT_ACTION);
        page.bot.shell("支援措置 dialog", s -> s.getText().startsWith("支援措置"));
        assertTrue(page.bot.text("support.current").contains("配偶者からの暴力"));
        page.bot.click("support.clearButton");
        Bot.waitFor("the refusal of a clear without a note",
                () -> page.bot.text("support.status").isEmpty() ? null : true);
        page.field("note", "申出の取下げ");
        page.bot.click("support.clearButton");
        Bot.waitFor("the mark is gone", () -> supportMarkShown() ? null : true);

        // cleared: a 住民票記載事項証明書 with one item asked for is issued and previewed
        page.bot.clickAsync("person.action.residentCopy");
        page.bot.shell("証明書 dialog", s -> s.getText().startsWith("証明書"));
        page.bot.choose("copy.kind", "住民票記載事項証明書");
        assertFalse(Bot.ui(() -> page.bot.widget(org.eclipse.swt.widgets.Button.class, "copy.history").isEnabled()),
                "履歴 is for the copy only");
        page.bot.check("copy.becameResident", true);
        page.bot.clickAsync("copy.ok");
        page.bot.shell("the draft", s -> s.getText().startsWith("見本（未発行）"));
        page.bot.clickAsync(jp.kiban.forms.ui.FormPreviewDialog.ISSUE);
        page.bot.shell("the preview", s -> s.getText().startsWith("住民票記載事項証明書（発行番号 "));
        Bot.screenshot("resident-stated-items-preview");
        page.bot.click(jp.kiban.forms.ui.FormPreviewDialog.CLOSE);
    }

    private static boolean supportMarkShown() {
        return Bot.ui(() -> {
            for (org.eclipse.swt.widgets.Shell s : Bot.display().getShells()) {
                if (markShown(s)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean markShown(org.eclipse.swt.widgets.Control c) {
        if (c.isDisposed()) {
            return false;
        }
        if (PersonPart.SUPPORT.equals(c.getData(jp.kiban.ui.UiKeys.KEY))) {
            return c.isVisible() && !((org.eclipse.swt.widgets.Label) c).getText().isEmpty();
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                if (markShown(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Confirms the pending change of the given 異動事由 (the list holds others too). */
    private void confirmPending(String reason) {
        page.open("住民記録", "仮登録一覧");
        List<List<String>> rows = Bot.waitFor("a pending " + reason, () -> {
            List<List<String>> r = page.bot.rows(PendingPart.TABLE);
            return r.stream().anyMatch(row -> row.get(0).equals(reason)) ? r : null;
        });
        int index = rows.indexOf(rows.stream().filter(row -> row.get(0).equals(reason)).findFirst().orElseThrow());
        page.bot.selectRows(PendingPart.TABLE, false, index);
        page.bot.click(PendingPart.CONFIRM);
        String status = page.bot.text(PendingPart.STATUS);
        assertTrue(status.contains("本登録しました: " + reason), status);
    }

    private String comboText(String key) {
        org.eclipse.swt.widgets.Combo c = page.bot.widget(org.eclipse.swt.widgets.Combo.class, "form." + key);
        return Bot.ui(() -> c.getText());
    }
}
