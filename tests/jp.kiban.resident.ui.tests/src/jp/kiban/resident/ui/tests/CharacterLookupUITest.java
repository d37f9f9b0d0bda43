package jp.kiban.resident.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;

/**
 * 文字コード照会 from the 転入届: search by reading, pick an IVS variant, find it in the name field;
 * search by code and take it with Enter; a character the font lacks is shown with its code at input.
 */
@ExtendWith(ScreenshotOnFailure.class)
class CharacterLookupUITest {
    static final String KATSU_E0102 = "葛\uDB40\uDD02";
    private final CounterPage page = new CounterPage();

    private void openLookup(String field) {
        page.bot.clickAsync("form." + field + ".lookup");
        page.bot.shell("文字コード照会", s -> "文字コード照会".equals(s.getText()));
    }

    private static int rowWithCode(List<List<String>> rows, String code) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(1).equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no row " + code + " in " + rows);
    }

    @Test
    void searchByReadingPickAVariantAndItIsInTheNameField() {
        page.mainWindow();
        page.open("住民記録", "転入届");
        page.field("m1.family", "");
        page.field("m1.given", "");

        openLookup("m1.family");
        page.bot.type("lookup.query", "くず");
        page.bot.click("lookup.search");
        List<List<String>> rows = page.bot.rows("lookup.results");
        int base = rowWithCode(rows, "U+845B");
        int variant = rowWithCode(rows, "U+845B U+E0102");
        assertEquals(base + 1, variant, "the variants follow their base");
        assertTrue(rows.get(base).get(2).contains("くず"), rows.get(base).toString());
        assertTrue(page.bot.text("lookup.status").contains("件"), page.bot.text("lookup.status"));
        page.bot.selectRows("lookup.results", false, variant);
        String detail = page.bot.text("lookup.detail");
        assertTrue(detail.contains("U+845B U+E0102") && detail.contains("異体字"), detail);
        // twice: under Xvfb the first capture can show the screen before GTK painted the last change
        Bot.screenshot("character-lookup-dialog");
        Bot.screenshot("character-lookup-dialog");
        page.bot.click("lookup.insert");
        Bot.waitFor("the variant in the 氏 field", () -> KATSU_E0102.equals(page.fieldValue("m1.family")) ? true : null);

        // by code, taken with Enter (double-click) on the row; inserted at the caret after what is there
        page.field("m1.given", "花");
        openLookup("m1.given");
        page.bot.type("lookup.query", "U+9AD8");
        page.bot.click("lookup.search");
        assertEquals("U+9AD8", page.bot.rows("lookup.results").get(0).get(1));
        page.bot.selectRows("lookup.results", true, 0);
        Bot.waitFor("高 in the 名 field", () -> page.fieldValue("m1.given").contains("高") ? true : null);
        assertEquals("", page.fieldMessage("m1.given"));

        // nothing found, then cancel: the field is unchanged
        openLookup("m1.given");
        page.bot.type("lookup.query", "U+9FA6");
        page.bot.click("lookup.search");
        assertEquals(List.of(), page.bot.rows("lookup.results"));
        assertTrue(page.bot.text("lookup.status").contains("該当する文字がありません"));
        page.bot.click("lookup.cancel");
        Bot.waitFor("dialog closed", () -> Bot.ui(() -> java.util.Arrays.stream(Bot.display().getShells())
                .noneMatch(s -> !s.isDisposed() && "文字コード照会".equals(s.getText()))) ? true : null);
        assertTrue(page.fieldValue("m1.given").contains("高"));

        // a character the font of record lacks is refused at input, with its code
        page.field("m1.given", "花\u9FA6");
        String message = page.fieldMessage("m1.given");
        assertTrue(message.contains("「\u9FA6」（U+9FA6）") && message.contains("文字情報基盤"), message);
        Bot.screenshot("character-refused-at-input");
        Bot.screenshot("character-refused-at-input");
        page.field("m1.given", "");
        page.field("m1.family", "");
        assertEquals("", page.fieldMessage("m1.given"));
    }
}
