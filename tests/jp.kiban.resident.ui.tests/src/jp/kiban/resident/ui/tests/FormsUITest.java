package jp.kiban.resident.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.eclipse.swt.printing.Printer;
import org.eclipse.swt.printing.PrinterData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import jp.kiban.addressee.LabelRun;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.forms.LabelDocument;
import jp.kiban.forms.LabelOptions;
import jp.kiban.forms.LabelProgress;
import jp.kiban.forms.LabelService;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.forms.ui.LabelRunDialog;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.Sex;
import jp.kiban.resident.ui.internal.PersonPart;
import jp.kiban.resident.ui.internal.SearchPart;
import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;

/**
 * Forms in the desk client: 宛名ラベル from the search results (options, background run, preview, save,
 * print up to the print dialog), a cancelled long run that leaves nothing, and the 住民票の写し preview
 * from the person detail.
 */
@ExtendWith(ScreenshotOnFailure.class)
class FormsUITest {
    private final CounterPage page = new CounterPage();
    static BundleContext context;

    static <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    /** Residents of their own (シケン …), so that the other UI tests' searches do not see them. */
    @BeforeAll
    static void residents() {
        context = FrameworkUtil.getBundle(FormsUITest.class).getBundleContext();
        Municipality town = service(MunicipalityService.class).current().orElseThrow();
        Prefecture prefecture = Prefecture.ofCode(town.code().prefectureCode());
        String[][] given = { { "一郎", "イチロウ" }, { "二郎", "ジロウ" }, { "三郎", "サブロウ" }, { "四郎", "シロウ" },
                { "五郎", "ゴロウ" } };
        LocalDate day = LocalDate.now().minusDays(30);
        List<ChangeRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String[] g = given[i % given.length];
            PersonData person = PersonData.builder().name(KanjiName.of("試験", g[0]))
                    .furigana(Furigana.of("シケン　" + g[1]))
                    .birthDate(RecordedDate.exact(LocalDate.of(1950 + i, 1 + i % 12, 1 + i % 28))).sex(Sex.MALE).build();
            requests.add(new ChangeRequest.DomesticMoveIn(day, day,
                    Address.of(prefecture, town.name(), "本町", (i + 1) + "番地").withBuilding("試験荘" + (1 + i % 3) + "号"),
                    Optional.of(PostalCode.of("0000101")), "東京都千代田区霞が関一丁目1番1号",
                    new MoveOutCertificate(LocalGovernmentCode.of("131016"), day.minusDays(1), town.name()),
                    Optional.empty(), List.of(new ChangeRequest.NewMember(person, Relationship.HEAD))));
        }
        service(ResidentChanges.class).applyAll(Operator.system(), requests);
    }

    /** Dialogs a failed test left open would hide the next test's. */
    @org.junit.jupiter.api.AfterEach
    void closeDialogs() {
        done();
    }

    @AfterAll
    static void done() {
        Bot.ui(() -> {
            for (Shell s : Display.getDefault().getShells()) {
                Object key = s.getData(jp.kiban.ui.UiKeys.KEY);
                if (LabelRunDialog.SHELL.equals(key) || FormPreviewDialog.SHELL.equals(key)) {
                    s.close();
                }
            }
        });
    }

    private List<List<String>> searchOurs() {
        page.mainWindow();
        page.open("住民記録", "住民検索");
        page.field("search.name", "シケン");
        page.field("search.birth", "");
        page.field("search.address", "");
        page.bot.click(SearchPart.BUTTON);
        return page.bot.rows(SearchPart.RESULTS);
    }

    private static <T> T dialogOf(Shell shell, Class<T> type) {
        return type.cast(Bot.ui(() -> shell.getData()));
    }

    private Shell shell(String key) {
        return page.bot.widget(Shell.class, key);
    }

    private static boolean open(String key) {
        return Bot.ui(() -> {
            for (Shell s : Display.getDefault().getShells()) {
                if (!s.isDisposed() && s.isVisible() && key.equals(s.getData(jp.kiban.ui.UiKeys.KEY))) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void labelsForTheSelectedRowsArePreviewedSavedAndSentToThePrintDialog(@TempDir Path dir) throws IOException {
        List<List<String>> rows = searchOurs();
        assertTrue(rows.size() >= 5, rows.toString());
        page.bot.selectRows(SearchPart.RESULTS, false, 0, 1, 2);
        page.bot.clickAsync(SearchPart.LABELS);
        Shell dialog = shell(LabelRunDialog.SHELL);
        Button selected = page.bot.widget(Button.class, LabelRunDialog.TARGET_SELECTED);
        assertTrue(Bot.ui(selected::getSelection), "three rows selected: the selection is the default");
        assertTrue(Bot.ui(selected::getText).contains("3 件"), Bot.ui(selected::getText));
        page.bot.choose(LabelRunDialog.LAYOUT, "A4 24面（3列×8段、70.0×33.9mm）");
        Bot.screenshot("labels-dialog");
        page.bot.click(LabelRunDialog.CREATE);

        Shell preview = shell(FormPreviewDialog.SHELL);
        assertTrue(Bot.ui(preview::getText).contains("3 件"), Bot.ui(preview::getText));
        assertEquals("1 / 1 ページ", page.bot.text(FormPreviewDialog.PAGE));
        org.eclipse.swt.widgets.Label image = page.bot.widget(org.eclipse.swt.widgets.Label.class,
                FormPreviewDialog.IMAGE);
        assertTrue(Bot.ui(() -> image.getImage() != null && image.getImage().getBounds().height > 500),
                "the page is rendered");
        Bot.screenshot("labels-preview");

        FormPreviewDialog previewDialog = dialogOf(preview, FormPreviewDialog.class);
        Path saved = dir.resolve("ラベル");
        Bot.ui(() -> previewDialog.setFileChooser(s -> saved.toString()));
        page.bot.click(FormPreviewDialog.SAVE);
        Path pdf = dir.resolve("ラベル.pdf");
        assertTrue(page.bot.text(FormPreviewDialog.STATUS).contains("保存しました"), page.bot.text(FormPreviewDialog.STATUS));
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertEquals(1, doc.getNumberOfPages());
        }

        // 印刷: up to the print dialog (no printer here): the clerk cancels it
        AtomicInteger asked = new AtomicInteger();
        Bot.ui(() -> previewDialog.setPrinterChooser(s -> {
            asked.incrementAndGet();
            return null;
        }));
        page.bot.click(FormPreviewDialog.PRINT);
        assertEquals(1, asked.get());
        String status = page.bot.text(FormPreviewDialog.STATUS);
        assertTrue(status.contains("印刷を取り消しました") || status.contains("使えるプリンタがありません"), status);
        // where the toolkit offers a printer (e.g. GTK's Print to File), print to it for real
        PrinterData[] printers = Bot.ui(Printer::getPrinterList);
        for (PrinterData p : printers) {
            if (p.name != null && p.name.toLowerCase().contains("file")) {
                // kept beside the screenshots, to compare with the saved PDF
                Path printed = Path.of(System.getProperty("kiban.screenshots", "target/screenshots"))
                        .resolve("printed-labels.pdf");
                Files.createDirectories(printed.getParent());
                Files.deleteIfExists(printed);
                Files.copy(pdf, printed.resolveSibling("saved-labels.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                p.printToFile = true;
                p.fileName = printed.toString();
                int pages = Bot.ui(() -> previewDialog.print(p));
                assertEquals(1, pages);
                // GTK writes the file from its main loop after the job is sent
                int printedPages = Bot.waitFor("the printed file", () -> {
                    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(printed))) {
                        return doc.getNumberOfPages();
                    } catch (IOException e) {
                        return null;
                    }
                });
                assertEquals(1, printedPages, "the page went through SWT printing to the file printer");
                break;
            }
        }

        page.bot.click(FormPreviewDialog.CLOSE);
        Bot.waitFor("the preview closes", () -> !open(FormPreviewDialog.SHELL));
        String done = page.bot.text(LabelRunDialog.STATUS);
        assertTrue(done.contains("3 件のラベルを作成しました"), done);
        page.bot.click(LabelRunDialog.CLOSE);
        Bot.waitFor("the label dialog closes", () -> !open(LabelRunDialog.SHELL));
        assertTrue(Bot.ui(dialog::isDisposed));
    }

    /** Delegates to the real label service and holds the run at its first progress report until released. */
    static final class GatedLabels implements LabelService {
        final LabelService real;
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        GatedLabels(LabelService real) {
            this.real = real;
        }

        @Override
        public Settings settings() {
            return real.settings();
        }

        @Override
        public LabelDocument labels(Operator operator, List<AddresseeNumber> numbers, LabelOptions options,
                LabelProgress progress) {
            return real.labels(operator, numbers, options, gate(progress));
        }

        @Override
        public LabelDocument labels(Operator operator, LabelRun run, LabelOptions options, LabelProgress progress) {
            return real.labels(operator, run, options, gate(progress));
        }

        private LabelProgress gate(LabelProgress progress) {
            return new LabelProgress() {
                @Override
                public void progress(Phase phase, int done, int total) {
                    progress.progress(phase, done, total);
                    started.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public boolean cancelled() {
                    return progress.cancelled();
                }
            };
        }
    }

    @Test
    void aLongRunIsCancelledAndLeavesNothing() throws InterruptedException {
        ServiceReference<LabelService> realRef = context.getServiceReference(LabelService.class);
        GatedLabels gated = new GatedLabels(context.getService(realRef));
        Hashtable<String, Object> ranking = new Hashtable<>();
        ranking.put(Constants.SERVICE_RANKING, 1000);
        ServiceRegistration<LabelService> registration = context.registerService(LabelService.class, gated, ranking);
        try {
            List<List<String>> rows = searchOurs();
            assertTrue(rows.size() >= 20, rows.size() + " rows");
            page.bot.selectRows(SearchPart.RESULTS, false, 0);
            page.bot.clickAsync(SearchPart.LABELS);
            shell(LabelRunDialog.SHELL);
            // one row selected: every result is the default
            assertTrue(Bot.ui(() -> page.bot.widget(Button.class, LabelRunDialog.TARGET_ALL).getSelection()));
            page.bot.click(LabelRunDialog.CREATE);
            assertTrue(gated.started.await(30, TimeUnit.SECONDS), "the run started");
            assertFalse(Bot.ui(() -> page.bot.widget(Button.class, LabelRunDialog.CREATE).isEnabled()),
                    "no second run while one is running");
            assertFalse(Bot.ui(() -> page.bot.widget(Button.class, LabelRunDialog.CLOSE).isEnabled()));
            Bot.screenshot("labels-running");
            page.bot.click(LabelRunDialog.CANCEL_RUN);
            assertEquals("キャンセルしています…", page.bot.text(LabelRunDialog.STATUS));
            gated.release.countDown();
            String status = Bot.waitFor("the run stops", () -> {
                String s = page.bot.text(LabelRunDialog.STATUS);
                return s.contains("キャンセルしました") ? s : null;
            });
            assertEquals("キャンセルしました。ラベルは作成していません。", status);
            assertFalse(open(FormPreviewDialog.SHELL), "no preview of a cancelled run");
            ProgressBar bar = page.bot.widget(ProgressBar.class, LabelRunDialog.PROGRESS);
            assertEquals(0, (int) Bot.ui(bar::getSelection));
            assertTrue(Bot.ui(() -> page.bot.widget(Button.class, LabelRunDialog.CREATE).isEnabled()));
            LabelRunDialog dialog = dialogOf(shell(LabelRunDialog.SHELL), LabelRunDialog.class);
            assertEquals(null, Bot.ui(dialog::lastDocument));
            page.bot.click(LabelRunDialog.CLOSE);
            Bot.waitFor("the label dialog closes", () -> !open(LabelRunDialog.SHELL));
        } finally {
            gated.release.countDown();
            registration.unregister();
        }
    }

    @Test
    void theResidentCopyIsPreviewedFromThePersonDetail(@TempDir Path dir) throws IOException {
        List<List<String>> rows = searchOurs();
        assertFalse(rows.isEmpty());
        page.bot.selectRows(SearchPart.RESULTS, true, 0);
        Bot.waitFor("the person detail", () -> page.bot.text(PersonPart.TITLE).contains("（") ? true : null);
        page.bot.clickAsync("person.action.residentCopy");
        shell("copy.dialog");
        page.bot.check("copy.household", true);
        page.bot.clickAsync("copy.ok");
        // first the draft (見本): nothing is issued until the clerk says so
        Shell draft = page.bot.shell("the draft", s -> s.getText().startsWith("見本（未発行）"));
        assertTrue(page.bot.text(FormPreviewDialog.PAGE).startsWith("1 / "), page.bot.text(FormPreviewDialog.PAGE));
        Bot.screenshot("resident-copy-draft");
        page.bot.clickAsync(FormPreviewDialog.ISSUE);
        Bot.waitFor("the draft closes", () -> Bot.ui(() -> draft.isDisposed()) ? true : null);
        Shell preview = page.bot.shell("the issued copy", s -> s.getText().startsWith("住民票の写し（発行番号 "));
        String title = Bot.ui(preview::getText);
        assertTrue(title.startsWith("住民票の写し（発行番号 "), title);
        assertTrue(page.bot.text(FormPreviewDialog.PAGE).startsWith("1 / "), page.bot.text(FormPreviewDialog.PAGE));
        Bot.screenshot("resident-copy-preview");
        FormPreviewDialog dialog = dialogOf(preview, FormPreviewDialog.class);
        Path file = dir.resolve("copy.pdf");
        Bot.ui(() -> dialog.setFileChooser(s -> file.toString()));
        page.bot.click(FormPreviewDialog.SAVE);
        assertTrue(Files.size(file) > 1000);
        assertEquals("%PDF", new String(Files.readAllBytes(file), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        page.bot.click(FormPreviewDialog.CLOSE);
        Bot.waitFor("the preview closes", () -> !open(FormPreviewDialog.SHELL));
    }
}
