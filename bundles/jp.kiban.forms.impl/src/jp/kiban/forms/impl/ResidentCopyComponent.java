package jp.kiban.forms.impl;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.FormException;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.resident.Household;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.ResidentType;

/**
 * 住民票の写し (one person or 世帯連記式) as an A4 PDF in IPAmj明朝, from the confirmed register as of
 * today. The 発行番号 is taken in the same transaction as the form is drawn: a form that cannot be
 * drawn is not issued and its number is given back.
 */
@Component(service = CertificateService.class)
public class ResidentCopyComponent implements CertificateService {

    /** Setting with the path of the form font (IPAmj明朝). */
    public static final String FONT_SETTING = "forms.font.mincho";
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf";

    private static final float MARGIN = 48;
    private static final float CONTENT_WIDTH = PdfCanvas.WIDTH - 2 * MARGIN;
    private static final float LABEL_WIDTH = 78;
    private static final float ROW = 21;
    private static final float NAME_ROW = 36;
    private static final float MEMBER_GAP = 8;
    private static final float FIRST_MEMBER_TOP = PdfCanvas.HEIGHT - 168;
    private static final float CERTIFICATION_TOP = 178;

    @Reference
    private ResidentRegistry registry;
    @Reference
    private MunicipalityService municipalities;
    @Reference
    private KibanEnvironment environment;
    @Reference
    private Transactions tx;

    private FormFont font;

    /** One item of a member: half width (two per row) or the whole width. */
    private record Cell(String label, String value, boolean full) {
    }

    @Override
    public IssuedCertificate residentCopy(Operator operator, AddresseeNumber person, ResidentCopyOptions options) {
        if (options.individualNumber() && !operator.may(Permission.USE_INDIVIDUAL_NUMBER)) {
            throw new FormException("individualNumber.notPermitted");
        }
        Municipality town = municipalities.current().orElseThrow(() -> new FormException("municipality.missing"));
        ResidentRecord record = registry.current(operator, person)
                .orElseThrow(() -> new FormException("person.unknown", person.value()));
        if (record.status() == ResidentStatus.REMOVED) {
            throw new FormException("person.removed", person.value());
        }
        List<ResidentRecord> members = members(operator, record, options);
        FormFont f = font();
        LocalDate today = LocalDate.now();
        synchronized (f) {
            return tx.required(em -> {
                String issueNumber = IssueNumbers.format(IssueNumbers.next(em, IssueNumbers.CERTIFICATE));
                return draw(f, town, record, members, options, issueNumber, today);
            });
        }
    }

    private List<ResidentRecord> members(Operator operator, ResidentRecord record, ResidentCopyOptions options) {
        if (!options.household()) {
            return List.of(record);
        }
        Household household = registry.household(operator, record.householdNumber());
        List<ResidentRecord> all = new ArrayList<>();
        household.head().ifPresent(all::add);
        household.members().stream().filter(m -> !m.isHead()).forEach(all::add);
        if (options.members().isEmpty()) {
            return all;
        }
        for (AddresseeNumber chosen : options.members()) {
            if (all.stream().noneMatch(m -> m.addresseeNumber().equals(chosen))) {
                throw new FormException("member.notInHousehold", chosen.value());
            }
        }
        return all.stream().filter(m -> options.members().contains(m.addresseeNumber())).toList();
    }

    private IssuedCertificate draw(FormFont f, Municipality town, ResidentRecord record, List<ResidentRecord> members,
            ResidentCopyOptions options, String issueNumber, LocalDate today) {
        ResourceBundle texts = texts();
        List<List<Cell>> blocks = members.stream().map(m -> cells(texts, m, options)).toList();
        // pages: as many member blocks as fit above the 認証文
        List<List<Integer>> pages = new ArrayList<>();
        List<Integer> page = new ArrayList<>();
        float y = FIRST_MEMBER_TOP;
        for (int i = 0; i < blocks.size(); i++) {
            float h = height(blocks.get(i));
            if (!page.isEmpty() && y - h < CERTIFICATION_TOP + 20) {
                pages.add(page);
                page = new ArrayList<>();
                y = FIRST_MEMBER_TOP;
            }
            page.add(i);
            y -= h + MEMBER_GAP;
        }
        pages.add(page);

        try (PdfCanvas pdf = new PdfCanvas(f, texts.getString("residentCopy.title"))) {
            for (int p = 0; p < pages.size(); p++) {
                pdf.newPage();
                header(pdf, texts, record, issueNumber, p + 1, pages.size());
                float top = FIRST_MEMBER_TOP;
                for (int index : pages.get(p)) {
                    top = member(pdf, blocks.get(index), top) - MEMBER_GAP;
                }
                if (p == pages.size() - 1) {
                    pdf.text(MARGIN + 4, top - 4, 10, texts.getString("blankBelow"));
                    certification(pdf, texts, town, today);
                }
            }
            byte[] bytes = pdf.save();
            return new IssuedCertificate(issueNumber, bytes, pdf.pages());
        }
    }

    private void header(PdfCanvas pdf, ResourceBundle texts, ResidentRecord record, String issueNumber, int page,
            int pages) {
        float right = PdfCanvas.WIDTH - MARGIN;
        pdf.text(MARGIN, PdfCanvas.HEIGHT - 40, 9, texts.getString("issueNumber") + "　" + issueNumber);
        pdf.textRight(right, PdfCanvas.HEIGHT - 40, 9, MessageFormat.format(texts.getString("page"), page, pages));
        pdf.textCentered(PdfCanvas.WIDTH / 2, PdfCanvas.HEIGHT - 84, 22, texts.getString("residentCopy.title"));
        float top = PdfCanvas.HEIGHT - 108;
        table(pdf, top, List.of(new Cell(texts.getString("address"), record.address().format(), true),
                new Cell(texts.getString("householdHead"), record.householdHead().fullName(), true)));
    }

    /** Draws a block of cells with its top at {@code top}; returns its bottom. */
    private float member(PdfCanvas pdf, List<Cell> cells, float top) {
        Cell name = cells.get(0);
        Cell furigana = cells.get(1);
        float x = MARGIN;
        float y = top - NAME_ROW;
        pdf.fill(x, y, LABEL_WIDTH, NAME_ROW, 0.92f);
        pdf.rect(x, y, CONTENT_WIDTH, NAME_ROW);
        pdf.line(x + LABEL_WIDTH, y, x + LABEL_WIDTH, y + NAME_ROW);
        pdf.textSpread(x + 8, y + 13, LABEL_WIDTH - 16, 10, name.label());
        if (!furigana.value().isEmpty()) {
            pdf.text(x + LABEL_WIDTH + 10, y + NAME_ROW - 10, 7, furigana.value());
        }
        pdf.text(x + LABEL_WIDTH + 10, y + 7, 15, name.value());
        return table(pdf, y, cells.subList(2, cells.size()));
    }

    /** Rows of cells below {@code top}: full cells take a row, half cells pair up. Returns the bottom. */
    private float table(PdfCanvas pdf, float top, List<Cell> cells) {
        float y = top;
        float half = CONTENT_WIDTH / 2;
        int i = 0;
        while (i < cells.size()) {
            Cell c = cells.get(i);
            y -= ROW;
            if (c.full()) {
                cell(pdf, MARGIN, y, CONTENT_WIDTH, c);
                i++;
            } else {
                cell(pdf, MARGIN, y, half, c);
                Cell next = i + 1 < cells.size() ? cells.get(i + 1) : null;
                if (next != null && !next.full()) {
                    cell(pdf, MARGIN + half, y, half, next);
                    i += 2;
                } else {
                    pdf.rect(MARGIN + half, y, half, ROW);
                    i++;
                }
            }
        }
        return y;
    }

    private void cell(PdfCanvas pdf, float x, float y, float w, Cell c) {
        pdf.fill(x, y, LABEL_WIDTH, ROW, 0.92f);
        pdf.rect(x, y, w, ROW);
        pdf.line(x + LABEL_WIDTH, y, x + LABEL_WIDTH, y + ROW);
        float labelSize = pdf.width(c.label(), 9) > LABEL_WIDTH - 10 ? 7.5f : 9;
        pdf.textSpread(x + 5, y + 7, LABEL_WIDTH - 10, labelSize, c.label());
        float valueSize = 10;
        float room = w - LABEL_WIDTH - 14;
        while (valueSize > 6 && pdf.width(c.value(), valueSize) > room) {
            valueSize -= 0.5f;
        }
        pdf.text(x + LABEL_WIDTH + 7, y + 7, valueSize, c.value());
    }

    private void certification(PdfCanvas pdf, ResourceBundle texts, Municipality town, LocalDate today) {
        float y = CERTIFICATION_TOP - 20;
        pdf.text(MARGIN + 24, y, 11.5f, texts.getString("residentCopy.certification"));
        pdf.text(MARGIN + 24, y - 30, 11.5f, WarekiDate.of(today).format());
        String mayor = town.name() + town.mayorTitle() + "　" + town.mayorName();
        float right = PdfCanvas.WIDTH - MARGIN - 70;
        pdf.textRight(right, y - 76, 15, mayor);
    }

    private List<Cell> cells(ResourceBundle texts, ResidentRecord r, ResidentCopyOptions options) {
        PersonData p = r.person();
        boolean foreign = p.type() != ResidentType.JAPANESE;
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(texts.getString("name"), p.name().fullName(), true));
        cells.add(new Cell(texts.getString("furigana"), p.furigana().value(), true));
        cells.add(new Cell(texts.getString("birthDate"), date(p.birthDate(), foreign), false));
        cells.add(new Cell(texts.getString("sex"), p.sex().label(), false));
        if (options.relationship()) {
            cells.add(new Cell(texts.getString("relationship"), r.relationship().label(), false));
        }
        cells.add(new Cell(texts.getString(foreign ? "becameForeignResident" : "becameResident"),
                date(r.becameResidentOn(), foreign), false));
        cells.add(new Cell(texts.getString("addressSince"), date(r.addressSince(), foreign), false));
        cells.add(new Cell(texts.getString("notifiedOn"),
                r.addressNotifiedOn().map(d -> date(d, foreign)).orElse(""), false));
        if (foreign) {
            cells.add(new Cell(texts.getString("nationality"),
                    p.foreign().map(fr -> fr.nationality()).orElse(""), false));
        }
        cells.add(new Cell(texts.getString("previousAddress"), r.previousAddress().orElse(""), true));
        if (options.domicile() && !foreign) {
            cells.add(new Cell(texts.getString("domicile"),
                    p.domicile().map(d -> d.registeredDomicile()).orElse(""), true));
            cells.add(new Cell(texts.getString("domicileHead"),
                    p.domicile().map(d -> d.headOfFamilyRegister()).orElse(""), false));
        }
        if (options.residentRecordCode()) {
            cells.add(new Cell(texts.getString("residentRecordCode"),
                    p.residentRecordCode().map(c -> c.value()).orElse(""), false));
        }
        if (options.individualNumber()) {
            cells.add(new Cell(texts.getString("individualNumber"),
                    p.individualNumber().map(n -> n.value()).orElse(""), false));
        }
        return cells;
    }

    private static float height(List<Cell> cells) {
        float h = NAME_ROW;
        int i = 2;
        while (i < cells.size()) {
            h += ROW;
            boolean pair = !cells.get(i).full() && i + 1 < cells.size() && !cells.get(i + 1).full();
            i += pair ? 2 : 1;
        }
        return h;
    }

    private static String date(LocalDate date, boolean western) {
        return western ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
                : WarekiDate.of(date).format();
    }

    private static String date(RecordedDate date, boolean western) {
        Optional<LocalDate> exact = date.exactDate();
        return western && exact.isPresent() ? date(exact.get(), true) : date.format();
    }

    private synchronized FormFont font() {
        Path path = Path.of(environment.setting(FONT_SETTING, DEFAULT_FONT));
        if (font == null || !font.file().equals(path)) {
            font = FormFont.load(path);
        }
        return font;
    }

    private static ResourceBundle texts() {
        return ResourceBundle.getBundle("jp.kiban.forms.impl.texts", Locale.ROOT,
                ResidentCopyComponent.class.getClassLoader());
    }
}
