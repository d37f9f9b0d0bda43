package jp.kiban.forms.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.cli.KibanCli;
import jp.kiban.cli.OsgiServices;
import jp.kiban.demo.DemoTown;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.FormException;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.forms.impl.ResidentCopyComponent;
import jp.kiban.forms.impl.TextSample;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.ResidentType;

/** 住民票の写し read back from the PDF (PDFBox text extraction and rendering), on a generated demo town. */
class ResidentCopyTest {
    static final Path FONT = Path.of(ResidentCopyComponent.DEFAULT_FONT);
    static final String KATSU = "葛";
    // IPAmj明朝 holds the Moji_Joho collection: 葛 and 辻 have E0102 … there, not E0100/E0101 (Adobe-Japan1)
    static final String KATSU_IVS = "葛\uDB40\uDD02"; // 葛 + U+E0102
    static final String TSUJI_IVS = "辻\uDB40\uDD02"; // 辻 + U+E0102

    static OsgiServices services;
    static CertificateService certificates;
    static ResidentRegistry registry;
    /** A Japanese household of at least three current members, the 世帯主 first. */
    static List<ResidentRecord> family;

    @BeforeAll
    static void town() {
        services = new OsgiServices(FrameworkUtil.getBundle(ResidentCopyTest.class).getBundleContext());
        MunicipalityService towns = services.get(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        services.get(DemoTown.class).generate(80, 11, DemoTown.Progress.NONE);
        certificates = services.get(CertificateService.class);
        registry = services.get(ResidentRegistry.class);
        Map<String, List<ResidentRecord>> households = new LinkedHashMap<>();
        registry.exportCurrent(Operator.system(), false, r -> {
            if (r.status() == ResidentStatus.RESIDENT) {
                households.computeIfAbsent(r.householdNumber().value(), k -> new ArrayList<>()).add(r);
            }
        });
        family = households.values().stream()
                .filter(h -> h.size() >= 3 && h.stream().allMatch(r -> r.person().type() == ResidentType.JAPANESE)
                        && h.stream().anyMatch(ResidentRecord::isHead))
                .findFirst().orElseThrow();
        family = family.stream().sorted((a, b) -> Boolean.compare(b.isHead(), a.isHead())).toList();
    }

    @AfterAll
    static void close() {
        services.close();
    }

    static String text(IssuedCertificate cert) {
        try (PDDocument doc = Loader.loadPDF(cert.pdf())) {
            assertEquals(cert.pages(), doc.getNumberOfPages());
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " not embedded");
                    assertTrue(font.getName().contains("+IPAmj"), font.getName() + " is not a subset of IPAmj明朝");
                }
            }
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String squeeze(String s) {
        return s.replaceAll("[\\s\\p{Z}]", "");
    }

    @Test
    void onePersonHasEveryItemAndOmitsTheOptionalOnes() {
        ResidentRecord head = family.get(0);
        IssuedCertificate cert = certificates.residentCopy(Operator.system(), head.addresseeNumber(),
                ResidentCopyOptions.person());
        String text = squeeze(text(cert));
        for (String item : List.of("住民票の写し", "住所", "氏名", "生年月日", "性別", "住民となった日",
                "住所を定めた日", "届出日", "従前の住所", "この写しは、住民票の原本と相違ないことを証明する。",
                "デモ町町長基盤太郎", "以下余白",
                // 発行番号 as 標準仕様書 5.5 writes it: date, town, terminal (none here), number, page
                "発行番号" + LocalDate.now().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "デモ町"
                        + cert.issueNumber() + "1/1")) {
            assertTrue(text.contains(item), item + " missing in\n" + text);
        }
        assertTrue(text.contains(squeeze(head.person().name().fullName())), text);
        // フリガナ only when asked for, then in brackets after the name (標準仕様書 5.3)
        assertFalse(text.contains(squeeze(head.person().furigana().value())), "フリガナ printed by default");
        String withFurigana = squeeze(text(certificates.residentCopy(Operator.system(), head.addresseeNumber(),
                ResidentCopyOptions.person().withFurigana())));
        assertTrue(withFurigana.contains(squeeze(head.person().name().fullName()) + "（"
                + squeeze(head.person().furigana().value()) + "）"), withFurigana);
        assertTrue(text.contains(squeeze(head.address().format())), text);
        assertTrue(text.contains(head.person().birthDate().format()), text);
        assertTrue(text.contains(jp.kiban.core.date.WarekiDate.of(LocalDate.now()).format()), text);
        for (String omitted : List.of("世帯主", "続柄", "本籍", "筆頭者", "住民票コード", "個人番号")) {
            assertFalse(text.contains(omitted), omitted + " printed by default");
        }
        // other members are not on a one-person copy
        assertFalse(text.contains(squeeze(family.get(1).person().name().fullName())), text);
    }

    @Test
    void householdCopyListsTheHeadFirstWithTheItemsAskedFor() {
        ResidentRecord member = family.get(family.size() - 1);
        IssuedCertificate cert = certificates.residentCopy(Operator.system(), member.addresseeNumber(),
                ResidentCopyOptions.wholeHousehold().withRelationship().withDomicile().withResidentRecordCode()
                        .withIndividualNumber());
        String text = squeeze(text(cert));
        int previous = -1;
        for (ResidentRecord r : family) {
            int at = text.indexOf(squeeze(r.person().name().fullName()));
            assertTrue(at >= 0, r.person().name().fullName() + " missing");
            if (r.isHead()) {
                assertTrue(previous < 0, "世帯主 first");
            }
            previous = Math.max(previous, at);
            r.person().residentRecordCode().ifPresent(c -> assertTrue(text.contains(c.value()), "住民票コード"));
            r.person().individualNumber().ifPresent(n -> assertTrue(text.contains(n.value()), "個人番号"));
        }
        assertTrue(text.indexOf(squeeze(family.get(0).person().name().fullName())) < text
                .indexOf(squeeze(family.get(1).person().name().fullName())));
        for (String item : List.of("世帯主", "続柄", "本籍", "筆頭者", "住民票コード", "個人番号")) {
            assertTrue(text.contains(item), item + " missing");
        }
        // three members with every item do not fit on one A4 page: the 認証文 comes once, on the last page
        assertTrue(cert.pages() >= 2, "pages: " + cert.pages());
        String certification = "この写しは、住民票の原本と相違ないことを証明する。";
        assertEquals(text.indexOf(certification), text.lastIndexOf(certification));
        assertTrue(text.contains(cert.pages() + "/" + cert.pages() + "頁"), text);
    }

    @Test
    void chosenMembersOnly() {
        IssuedCertificate cert = certificates.residentCopy(Operator.system(), family.get(0).addresseeNumber(),
                ResidentCopyOptions.wholeHousehold().withMembers(List.of(family.get(1).addresseeNumber())));
        String text = squeeze(text(cert));
        assertTrue(text.contains(squeeze(family.get(1).person().name().fullName())));
        assertFalse(text.contains(squeeze(family.get(2).person().name().fullName())));
    }

    @Test
    void individualNumberIsRefusedWithoutThePermission() {
        Operator business = new Operator("tax", "税務", "", Set.of(Role.BUSINESS));
        FormException e = assertThrows(FormException.class, () -> certificates.residentCopy(business,
                family.get(0).addresseeNumber(), ResidentCopyOptions.person().withIndividualNumber()));
        assertEquals("individualNumber.notPermitted", e.code());
        assertTrue(e.getMessage(Locale.JAPANESE).contains("個人番号"));
        // without it the same operator gets the copy
        assertFalse(squeeze(text(certificates.residentCopy(business, family.get(0).addresseeNumber(),
                ResidentCopyOptions.person()))).contains("個人番号"));
    }

    @Test
    void issueNumbersAreUnique() {
        IssuedCertificate a = certificates.residentCopy(Operator.system(), family.get(0).addresseeNumber(),
                ResidentCopyOptions.person());
        IssuedCertificate b = certificates.residentCopy(Operator.system(), family.get(0).addresseeNumber(),
                ResidentCopyOptions.person());
        assertNotEquals(a.issueNumber(), b.issueNumber());
        assertEquals(Long.parseLong(a.issueNumber()) + 1, Long.parseLong(b.issueNumber()));
    }

    @Test
    void ivsNameIsPrintedAndRefusedCharactersAreNamed() {
        ResidentRecord r = family.get(1);
        ResidentChanges changes = services.get(ResidentChanges.class);
        changes.apply(Operator.system(), new ChangeRequest.Correction(r.addresseeNumber(), LocalDate.now(),
                r.person().toBuilder().name(KATSU_IVS + "城", TSUJI_IVS + "子").build(), true, "IVS test"));
        IssuedCertificate cert = certificates.residentCopy(Operator.system(), r.addresseeNumber(),
                ResidentCopyOptions.person());
        String text = squeeze(text(cert));
        assertTrue(text.contains("城") && text.contains("子"), text);

        // a sequence registered in another collection (Adobe-Japan1) is not in IPAmj: refused, not printed as the base
        FormException adobe = assertThrows(FormException.class, () -> TextSample.pdf(FONT, "葛\uDB40\uDD00", 20));
        assertTrue(adobe.getMessage().contains("U+845B U+E0100"), adobe.getMessage());
        FormException missing = assertThrows(FormException.class,
                () -> TextSample.pdf(FONT, "葛\uDB40\uDDEF", 20)); // 葛 + U+E01EF: no such sequence
        assertEquals("font.missingGlyph", missing.code());
        assertTrue(missing.getMessage().contains("U+845B U+E01EF"), missing.getMessage());
        assertTrue(missing.getMessage(Locale.JAPANESE).contains("U+845B U+E01EF"));
        FormException hangul = assertThrows(FormException.class, () -> TextSample.pdf(FONT, "가", 20));
        assertTrue(hangul.getMessage(Locale.JAPANESE).contains("「가」（U+AC00）"), hangul.getMessage(Locale.JAPANESE));
    }

    @Test
    void ivsGlyphDiffersFromTheBaseGlyph() throws IOException {
        BufferedImage base = render(TextSample.pdf(FONT, KATSU, 72));
        BufferedImage variant = render(TextSample.pdf(FONT, KATSU_IVS, 72));
        BufferedImage again = render(TextSample.pdf(FONT, KATSU, 72));
        int inkBase = ink(base);
        assertTrue(inkBase > 200, "base glyph drawn");
        assertTrue(ink(variant) > 200, "variant glyph drawn");
        assertEquals(0, differing(base, again), "rendering is deterministic");
        assertTrue(differing(base, variant) > 50, "葛 and 葛+U+E0100 render the same");
        BufferedImage tsuji = render(TextSample.pdf(FONT, "辻", 72));
        BufferedImage tsujiVariant = render(TextSample.pdf(FONT, TSUJI_IVS, 72));
        assertTrue(differing(tsuji, tsujiVariant) > 50, "辻 and 辻+U+E0101 render the same");
    }

    @Test
    void cliIssuesACertificateToAFile() throws IOException {
        Path out = Files.createTempDirectory("cert").resolve("juminhyo.pdf");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = new KibanCli(services, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), java.util.Map.of("KIBAN_PASSWORD", "shinsa-demo-1"), prompt -> null).run("--user", "shinsa", "cert", "resident", "--person",
                        family.get(0).addresseeNumber().value(), "--household", "--with-relationship", "--out",
                        out.toString(), "--json");
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        JsonNode doc = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        assertEquals(8, doc.path("issueNumber").asText().length());
        assertEquals(Files.size(out), doc.path("bytes").asLong());
        assertTrue(doc.path("pages").asInt() >= 1);
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(out))) {
            assertTrue(squeeze(new PDFTextStripper().getText(pdf)).contains("続柄"));
        }
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        new KibanCli(services, new PrintStream(help, true, StandardCharsets.UTF_8), System.err).run("cert", "resident",
                "--help");
        String h = help.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--person", "--household", "--with-relationship", "--with-domicile",
                "--with-resident-record-code", "--with-individual-number", "--out", "--json")) {
            assertTrue(h.contains(option), option + " not in help");
        }
    }

    static BufferedImage render(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, 72);
        }
    }

    /** Dark pixels in the top left corner where the sample is drawn. */
    static int ink(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    count++;
                }
            }
        }
        return count;
    }

    static int differing(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                if (((a.getRGB(x, y) & 0xFF) < 128) != ((b.getRGB(x, y) & 0xFF) < 128)) {
                    count++;
                }
            }
        }
        return count;
    }
}
