package jp.kiban.forms.impl;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.CertificateKind;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.FormException;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.forms.StatedItem;
import jp.kiban.forms.StatedItemsOptions;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.Household;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.ResidentType;
import jp.kiban.resident.SupportMeasures;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;

/**
 * The certificates of the resident register as A4 PDFs in IPAmj明朝, from the confirmed register as of
 * today: 住民票の写し (one person or 世帯連記式, with or without history), 住民票の除票の写し, 住民票(除票)記載事項証明書
 * and 転出証明書. The 発行番号 is taken and the 交付履歴 written in the same transaction as the form is drawn:
 * a form that cannot be drawn is not issued and its number is given back. Every refusal is logged
 * (English, no personal data but the 宛名番号) and recorded in the 交付履歴 as refused.
 */
@Component(service = CertificateService.class)
public class ResidentCopyComponent implements CertificateService {

    /** Setting with the path of the form font (IPAmj明朝). */
    public static final String FONT_SETTING = "forms.font.mincho";
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf";
    /** Setting with the path of the 公印 image (PNG); absent = a seal drawn by the form. */
    public static final String SEAL_IMAGE_SETTING = OfficialSeal.IMAGE_SETTING;
    /** Setting {@code black} (default, as the specification fixes) or {@code red} for the drawn seal. */
    public static final String SEAL_COLOUR_SETTING = OfficialSeal.COLOUR_SETTING;

    private static final Logger LOG = Logger.getLogger(ResidentCopyComponent.class.getName());
    private static final float MARGIN = 48;
    private static final float CONTENT_WIDTH = PdfCanvas.WIDTH - 2 * MARGIN;
    private static final float LABEL_WIDTH = 78;
    private static final float ROW = 21;
    private static final float NAME_ROW = 36;
    private static final float MEMBER_GAP = 8;
    private static final float CERTIFICATION_TOP = 178;

    @Reference
    private ResidentRegistry registry;
    @Reference
    private MunicipalityService municipalities;
    @Reference
    private KibanEnvironment environment;
    @Reference
    private Transactions tx;
    @Reference
    private SupportMeasures supportMeasures;
    /** The access log (jp.kiban.security): every certificate issued or refused. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessLog accessLog;
    /** This terminal's number leases: 発行番号 come from them when the terminal is attached to a central server. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile jp.kiban.sync.NumberLeases leases;
    /** The sync outbox: every line of the 交付履歴 is shipped to the central store in its transaction. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile jp.kiban.sync.Outbox outbox;
    /** EventAdmin: every issued certificate is posted ({@link jp.kiban.forms.IssueEvents}) after its commit. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.osgi.service.event.EventAdmin events;

    private FormFont font;

    /** One item of a member: half width (two per row) or the whole width. */
    private record Cell(String label, String value, boolean full) {
    }

    /** What one certificate prints, before it is laid out on pages. */
    private record Form(CertificateKind kind, String certification, List<Cell> header, List<List<Cell>> blocks,
            List<ResidentRecord> persons, String items, boolean individualNumber) {
    }

    /** Set while {@link #draft} runs its request on this thread. */
    private static final ThreadLocal<Boolean> DRAFT = new ThreadLocal<>();

    @Override
    public IssuedCertificate draft(Supplier<IssuedCertificate> request) {
        Boolean outer = DRAFT.get();
        DRAFT.set(Boolean.TRUE);
        try {
            return request.get();
        } finally {
            if (outer == null) {
                DRAFT.remove();
            } else {
                DRAFT.set(outer);
            }
        }
    }

    @Override
    public IssuedCertificate residentCopy(Operator operator, AddresseeNumber person, ResidentCopyOptions options) {
        return issue(operator, CertificateKind.RESIDENT_COPY, person, options.individualNumber(), () -> {
            ResidentRecord record = record(operator, person);
            if (record.status() == ResidentStatus.REMOVED) {
                throw new FormException("person.removedUseRemovedCopy", person.value(),
                        record.change().reason().label());
            }
            List<ResidentRecord> members = members(operator, record, options.household(), options.members());
            return copy(operator, CertificateKind.RESIDENT_COPY, record, members, options);
        });
    }

    @Override
    public IssuedCertificate removedResidentCopy(Operator operator, AddresseeNumber person,
            ResidentCopyOptions options) {
        return issue(operator, CertificateKind.REMOVED_RESIDENT_COPY, person, options.individualNumber(), () -> {
            ResidentRecord record = record(operator, person);
            if (record.status() != ResidentStatus.REMOVED) {
                throw new FormException("person.notRemoved", person.value());
            }
            List<ResidentRecord> members = removedMembers(operator, record, options.household(), options.members());
            return copy(operator, CertificateKind.REMOVED_RESIDENT_COPY, record, members, options);
        });
    }

    @Override
    public IssuedCertificate statedItems(Operator operator, AddresseeNumber person, StatedItemsOptions options) {
        boolean number = options.has(StatedItem.INDIVIDUAL_NUMBER);
        CertificateKind[] kind = { CertificateKind.STATED_ITEMS };
        return issue(operator, kind, person, number, () -> {
            ResidentRecord record = record(operator, person);
            boolean removed = record.status() == ResidentStatus.REMOVED;
            kind[0] = removed ? CertificateKind.REMOVED_STATED_ITEMS : CertificateKind.STATED_ITEMS;
            List<ResidentRecord> members = removed
                    ? removedMembers(operator, record, options.household(), options.members())
                    : members(operator, record, options.household(), options.members());
            return statedItems(kind[0], record, members, options);
        });
    }

    @Override
    public IssuedCertificate moveOutCertificate(Operator operator, AddresseeNumber person) {
        // the 転出証明書 carries the 個人番号 (住民基本台帳法施行令 第23条): only for operators who may print it
        boolean number = true;
        return issue(operator, CertificateKind.MOVE_OUT, person, number, () -> {
            ResidentRecord record = record(operator, person);
            if (record.change().reason() != ChangeReason.DOMESTIC_MOVE_OUT || record.plannedMoveOutDate().isEmpty()) {
                throw new FormException("moveOut.none", person.value());
            }
            List<ResidentRecord> moving = new ArrayList<>(
                    registry.changeSnapshots(operator, record.change().changeId()));
            moving.sort(Household.MEMBER_ORDER);
            return moveOut(record, moving, number);
        });
    }

    private IssuedCertificate issue(Operator operator, CertificateKind kind, AddresseeNumber person,
            boolean individualNumber, Supplier<Form> content) {
        return issue(operator, new CertificateKind[] { kind }, person, individualNumber, content);
    }

    /**
     * Checks, draws and records one certificate. {@code kind[0]} may be refined by {@code content} (記載事項証明書
     * of a removed person).
     */
    private IssuedCertificate issue(Operator operator, CertificateKind[] kind, AddresseeNumber person,
            boolean individualNumber, Supplier<Form> content) {
        try {
            if (individualNumber && !operator.may(Permission.USE_INDIVIDUAL_NUMBER)) {
                throw new FormException("individualNumber.notPermitted");
            }
            Form form = content.get();
            LocalDate today = LocalDate.now();
            for (ResidentRecord r : form.persons()) {
                supportMeasures.inForce(operator, r.addresseeNumber(), today).ifPresent(m -> {
                    throw m.reason().map(reason -> new FormException("support.measureWithReason",
                            r.addresseeNumber().value(), reason))
                            .orElseGet(() -> new FormException("support.measure", r.addresseeNumber().value()));
                });
            }
            Municipality town = municipalities.current().orElseThrow(() -> new FormException("municipality.missing"));
            FormFont f = font();
            if (DRAFT.get() == Boolean.TRUE) {
                String mark = texts().getString("draft.mark");
                IssuedCertificate draft;
                synchronized (f) {
                    draft = draw(f, town, form, mark, operator.terminal(), today, true);
                }
                access(AccessEvent.of(operator, AccessKind.VIEW, "cert.draft." + form.kind().name().toLowerCase(java.util.Locale.ROOT),
                        form.persons().stream().map(r -> r.addresseeNumber().value()).toList(), form.individualNumber(),
                        "draft (not issued), " + draft.pages() + " page(s), items: " + form.items()));
                return draft;
            }
            IssuedCertificate issued;
            String[] entry = new String[1];
            synchronized (f) {
                issued = tx.required(em -> {
                    String issueNumber = IssueNumbers.format(IssueNumbers.next(em, IssueNumbers.CERTIFICATE, leases));
                    IssuedCertificate cert = draw(f, town, form, issueNumber, operator.terminal(), today, false);
                    entry[0] = IssueLog.record(em, operator, form.kind(), person,
                            form.persons().stream().map(ResidentRecord::addresseeNumber).toList(), issueNumber,
                            cert.pages(), form.items(), form.individualNumber(), null, outbox);
                    return cert;
                });
            }
            LOG.info(() -> "Issued " + form.kind() + " " + issued.issueNumber() + " for addressee " + person.value()
                    + " (" + form.persons().size() + " person(s), " + issued.pages() + " page(s)) by " + operator.id());
            access(AccessEvent.of(operator, AccessKind.CERTIFICATE, "cert." + form.kind().name().toLowerCase(java.util.Locale.ROOT),
                    form.persons().stream().map(r -> r.addresseeNumber().value()).toList(), form.individualNumber(),
                    "issued " + issued.issueNumber() + ", " + issued.pages() + " page(s), items: " + form.items()));
            publish(entry[0], operator, form, person, issued);
            return issued;
        } catch (FormException e) {
            LOG.warning(() -> "Refused " + kind[0] + " for addressee " + person.value() + " to " + operator.id() + ": "
                    + e.code() + ": " + e.getMessage());
            try {
                tx.requiredRun(em -> IssueLog.record(em, operator, kind[0], person, List.of(), null, 0, "",
                        individualNumber, e.code(), outbox));
            } catch (RuntimeException recording) {
                LOG.log(Level.SEVERE, "Refusal not recorded in the issue history: " + recording.getMessage(),
                        recording);
            }
            access(AccessEvent.of(operator, AccessKind.REFUSED, "cert." + kind[0].name().toLowerCase(java.util.Locale.ROOT),
                    List.of(person.value()), false, "refused: " + e.code()));
            throw e;
        }
    }

    /** Posts the issue for other modules (e.g. 本人通知); never fails the issue. */
    private void publish(String entryId, Operator operator, Form form, AddresseeNumber person, IssuedCertificate issued) {
        org.osgi.service.event.EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        try {
            java.util.Map<String, Object> p = new java.util.HashMap<>();
            p.put(jp.kiban.forms.IssueEvents.ENTRY_ID, entryId);
            p.put(jp.kiban.forms.IssueEvents.KIND, form.kind().name());
            p.put(jp.kiban.forms.IssueEvents.REQUESTED_FOR, person.value());
            p.put(jp.kiban.forms.IssueEvents.PERSONS, form.persons().stream().map(r -> r.addresseeNumber().value())
                    .toArray(String[]::new));
            p.put(jp.kiban.forms.IssueEvents.ISSUE_NUMBER, issued.issueNumber());
            p.put(jp.kiban.forms.IssueEvents.PAGES, Integer.toString(issued.pages()));
            p.put(jp.kiban.forms.IssueEvents.ISSUED_AT, java.time.Instant.now().toString());
            p.put(jp.kiban.forms.IssueEvents.OPERATOR, operator.id());
            admin.postEvent(new org.osgi.service.event.Event(jp.kiban.forms.IssueEvents.TOPIC_ISSUED, p));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The issue event was not posted: " + e.getMessage(), e);
        }
    }

    private void access(AccessEvent event) {
        AccessLog log = accessLog;
        if (log != null) {
            try {
                log.record(event);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Access log entry not written: " + e.getMessage(), e);
            }
        }
    }

    private ResidentRecord record(Operator operator, AddresseeNumber person) {
        return registry.current(operator, person).orElseThrow(() -> new FormException("person.unknown", person.value()));
    }

    private List<ResidentRecord> members(Operator operator, ResidentRecord record, boolean household,
            List<AddresseeNumber> chosen) {
        if (!household) {
            return List.of(record);
        }
        return choose(registry.household(operator, record.householdNumber()).members(), chosen);
    }

    /**
     * The members of a 除票 household copy: people removed by the same change as {@code record} (a household
     * that moved out or abroad together). People still on the register are never listed with them
     * (標準仕様書 5.1, 実装しない機能).
     */
    private List<ResidentRecord> removedMembers(Operator operator, ResidentRecord record, boolean household,
            List<AddresseeNumber> chosen) {
        if (!household) {
            return List.of(record);
        }
        List<ResidentRecord> together = new ArrayList<>();
        for (ResidentRecord r : registry.changeSnapshots(operator, record.change().changeId())) {
            registry.current(operator, r.addresseeNumber())
                    .filter(c -> c.status() == ResidentStatus.REMOVED
                            && c.change().changeId().equals(record.change().changeId()))
                    .ifPresent(together::add);
        }
        together.sort(Household.MEMBER_ORDER);
        return choose(together, chosen);
    }

    private static List<ResidentRecord> choose(List<ResidentRecord> all, List<AddresseeNumber> chosen) {
        if (chosen.isEmpty()) {
            return all;
        }
        for (AddresseeNumber c : chosen) {
            if (all.stream().noneMatch(m -> m.addresseeNumber().equals(c))) {
                throw new FormException("member.notInHousehold", c.value());
            }
        }
        return all.stream().filter(m -> chosen.contains(m.addresseeNumber())).toList();
    }

    private Form copy(Operator operator, CertificateKind kind, ResidentRecord record, List<ResidentRecord> members,
            ResidentCopyOptions options) {
        ResourceBundle texts = texts();
        boolean removed = kind == CertificateKind.REMOVED_RESIDENT_COPY;
        List<List<Cell>> blocks = new ArrayList<>();
        for (ResidentRecord m : members) {
            List<Cell> cells = cells(texts, m, options);
            if (removed) {
                removal(texts, m, cells);
            }
            if (options.history()) {
                history(texts, registry.history(operator, m.addresseeNumber()), cells);
            }
            blocks.add(cells);
        }
        List<Cell> header = new ArrayList<>();
        header.add(new Cell(texts.getString("address"), record.address().format(), true));
        if (options.relationship()) {
            header.add(new Cell(texts.getString("householdHead"), record.householdHead().fullName(), true));
        }
        return new Form(kind, texts.getString(removed ? "removedCopy.certification" : "residentCopy.certification"),
                header, blocks, members, items(texts, options), options.individualNumber());
    }

    private static String items(ResourceBundle texts, ResidentCopyOptions o) {
        List<String> items = new ArrayList<>();
        if (o.household()) {
            items.add(texts.getString(o.members().isEmpty() ? "item.household" : "item.chosenMembers"));
        }
        if (o.relationship()) {
            items.add(texts.getString("relationship"));
        }
        if (o.domicile()) {
            items.add(texts.getString("domicile"));
        }
        if (o.residentRecordCode()) {
            items.add(texts.getString("residentRecordCode"));
        }
        if (o.individualNumber()) {
            items.add(texts.getString("individualNumber"));
        }
        if (o.furigana()) {
            items.add(texts.getString("furigana"));
        }
        if (o.omitResidenceDetails()) {
            items.add(texts.getString("item.withoutResidenceDetails"));
        }
        if (o.history()) {
            items.add(texts.getString("item.history"));
        }
        return String.join(",", items);
    }

    /** 除票 items: 消除の年月日 and 事由, and the 転出先 of a 転出. */
    private static void removal(ResourceBundle texts, ResidentRecord r, List<Cell> cells) {
        boolean western = r.person().type() != ResidentType.JAPANESE;
        cells.add(new Cell(texts.getString("removedOn"), r.removedOn().map(d -> date(d, western)).orElse(""), false));
        cells.add(new Cell(texts.getString("removalReason"), r.change().reason().label(), false));
        r.moveOutDestination().ifPresent(d -> cells.add(new Cell(texts.getString("moveOutDestination"), d, true)));
    }

    /** One full-width row per earlier snapshot: date, 異動事由, and the address (and name) as they were. */
    private static void history(ResourceBundle texts, List<ResidentRecord> history, List<Cell> cells) {
        ResidentRecord previous = null;
        for (ResidentRecord h : history) {
            boolean western = h.person().type() != ResidentType.JAPANESE;
            StringBuilder line = new StringBuilder();
            line.append(date(h.change().changeDate(), western)).append('　').append(h.change().reason().label());
            h.change().notificationDate().ifPresent(n -> line.append('（').append(texts.getString("notified"))
                    .append(date(n, western)).append('）'));
            if (previous == null || !previous.address().equals(h.address())) {
                line.append('　').append(texts.getString("address")).append(' ').append(h.address().format());
            }
            if (previous != null && !previous.person().name().equals(h.person().name())) {
                line.append('　').append(texts.getString("name")).append(' ').append(h.person().name().fullName());
            }
            cells.add(new Cell(texts.getString("item.history") + h.historyNumber(), line.toString(), true));
            previous = h;
        }
    }

    private Form statedItems(CertificateKind kind, ResidentRecord record, List<ResidentRecord> members,
            StatedItemsOptions options) {
        ResourceBundle texts = texts();
        List<List<Cell>> blocks = new ArrayList<>();
        for (ResidentRecord r : members) {
            PersonData p = r.person();
            boolean foreign = p.type() != ResidentType.JAPANESE;
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(texts.getString("name"), name(p), true));
            cells.add(new Cell(texts.getString("furigana"),
                    options.has(StatedItem.FURIGANA) ? p.furigana().value() : "", true));
            cells.add(new Cell(texts.getString("birthDate"), date(p.birthDate(), foreign), false));
            cells.add(new Cell(texts.getString("sex"), p.sex().label(), false));
            cells.add(new Cell(texts.getString("address"), r.address().format(), true));
            if (options.has(StatedItem.RELATIONSHIP)) {
                cells.add(new Cell(texts.getString("householdHead"), r.householdHead().fullName(), false));
                cells.add(new Cell(texts.getString("relationship"), r.relationship().label(), false));
            }
            if (options.has(StatedItem.BECAME_RESIDENT)) {
                cells.add(new Cell(texts.getString(foreign ? "becameForeignResident" : "becameResident"),
                        date(r.becameResidentOn(), foreign), false));
            }
            if (options.has(StatedItem.ADDRESS_SINCE)) {
                cells.add(new Cell(texts.getString("addressSince"), date(r.addressSince(), foreign), false));
            }
            if (options.has(StatedItem.NOTIFICATION)) {
                cells.add(new Cell(texts.getString("notifiedOn"),
                        r.addressNotifiedOn().map(d -> date(d, foreign)).orElse(""), false));
                cells.add(new Cell(texts.getString("previousAddress"), r.previousAddress().orElse(""), true));
            }
            if (options.has(StatedItem.DOMICILE) && !foreign) {
                cells.add(new Cell(texts.getString("domicile"),
                        p.domicile().map(d -> d.registeredDomicile()).orElse(""), true));
                cells.add(new Cell(texts.getString("domicileHead"),
                        p.domicile().map(d -> d.headOfFamilyRegister()).orElse(""), false));
            }
            if (options.has(StatedItem.RESIDENT_RECORD_CODE)) {
                cells.add(new Cell(texts.getString("residentRecordCode"),
                        p.residentRecordCode().map(c -> c.value()).orElse(""), false));
            }
            if (options.has(StatedItem.INDIVIDUAL_NUMBER)) {
                cells.add(new Cell(texts.getString("individualNumber"),
                        p.individualNumber().map(n -> n.value()).orElse(""), false));
            }
            if (kind == CertificateKind.REMOVED_STATED_ITEMS) {
                removal(texts, r, cells);
            }
            blocks.add(cells);
        }
        List<String> items = new ArrayList<>();
        if (options.household()) {
            items.add(texts.getString(options.members().isEmpty() ? "item.household" : "item.chosenMembers"));
        }
        for (StatedItem item : StatedItem.values()) {
            if (options.has(item)) {
                items.add(texts.getString("statedItem." + item.name()));
            }
        }
        String certification = texts.getString(kind == CertificateKind.REMOVED_STATED_ITEMS
                ? "removedStatedItems.certification" : "statedItems.certification");
        return new Form(kind, certification, List.of(), blocks, members, String.join(",", items),
                options.has(StatedItem.INDIVIDUAL_NUMBER));
    }

    private Form moveOut(ResidentRecord record, List<ResidentRecord> moving, boolean individualNumber) {
        ResourceBundle texts = texts();
        boolean western = record.person().type() != ResidentType.JAPANESE;
        List<Cell> header = List.of(new Cell(texts.getString("address"), record.address().format(), true),
                new Cell(texts.getString("householdHead"), record.householdHead().fullName(), true),
                new Cell(texts.getString("moveOutDestination"), record.moveOutDestination().orElse(""), true),
                new Cell(texts.getString("plannedMoveOutDate"),
                        record.plannedMoveOutDate().map(d -> date(d, western)).orElse(""), false),
                new Cell(texts.getString("notifiedOn"),
                        record.change().notificationDate().map(d -> date(d, western)).orElse(""), false));
        List<List<Cell>> blocks = new ArrayList<>();
        for (ResidentRecord r : moving) {
            PersonData p = r.person();
            boolean foreign = p.type() != ResidentType.JAPANESE;
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(texts.getString("name"), name(p), true));
            cells.add(new Cell(texts.getString("furigana"), p.furigana().value(), true));
            cells.add(new Cell(texts.getString("birthDate"), date(p.birthDate(), foreign), false));
            cells.add(new Cell(texts.getString("sex"), p.sex().label(), false));
            cells.add(new Cell(texts.getString("relationship"), r.relationship().label(), false));
            cells.add(new Cell(texts.getString("residentRecordCode"),
                    p.residentRecordCode().map(c -> c.value()).orElse(""), false));
            if (foreign) {
                cells.add(new Cell(texts.getString("nationality"),
                        p.foreign().map(fr -> fr.nationality()).orElse(""), false));
            } else {
                cells.add(new Cell(texts.getString("domicile"),
                        p.domicile().map(d -> d.registeredDomicile()).orElse(""), true));
                cells.add(new Cell(texts.getString("domicileHead"),
                        p.domicile().map(d -> d.headOfFamilyRegister()).orElse(""), false));
            }
            if (individualNumber) {
                cells.add(new Cell(texts.getString("individualNumber"),
                        p.individualNumber().map(n -> n.value()).orElse(""), false));
            }
            blocks.add(cells);
        }
        return new Form(CertificateKind.MOVE_OUT, texts.getString("moveOut.certification"), header, blocks, moving,
                individualNumber ? texts.getString("individualNumber") : "", individualNumber);
    }

    private IssuedCertificate draw(FormFont f, Municipality town, Form form, String issueNumber, String terminal,
            LocalDate today, boolean draft) {
        ResourceBundle texts = texts();
        float firstTop = PdfCanvas.HEIGHT - 108 - tableHeight(form.header()) - 16;
        float room = firstTop - (CERTIFICATION_TOP + 20);
        List<List<Cell>> blocks = new ArrayList<>();
        for (List<Cell> block : form.blocks()) {
            blocks.addAll(split(texts, block, room));
        }
        // pages: as many member blocks as fit above the 認証文 (printed once, on the last page)
        List<List<Integer>> pages = new ArrayList<>();
        List<Integer> page = new ArrayList<>();
        float y = firstTop;
        for (int i = 0; i < blocks.size(); i++) {
            float h = height(blocks.get(i));
            if (!page.isEmpty() && y - h < CERTIFICATION_TOP + 20) {
                pages.add(page);
                page = new ArrayList<>();
                y = firstTop;
            }
            page.add(i);
            y -= h + MEMBER_GAP;
        }
        pages.add(page);

        String title = form.kind().label();
        try (PdfCanvas pdf = new PdfCanvas(f, title)) {
            for (int p = 0; p < pages.size(); p++) {
                pdf.newPage();
                // 標準仕様書 5.5: 発行年月日・市区町村名・発行端末・(プリンタ: not known here)・番号・頁
                String number = String.join("　", today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                        town.name(), terminal.isBlank() ? "" : terminal, issueNumber, (p + 1) + "/" + pages.size());
                header(pdf, texts, title, form.header(), number.replace("　　", "　"), p + 1, pages.size());
                float top = firstTop;
                for (int index : pages.get(p)) {
                    top = member(pdf, blocks.get(index), top) - MEMBER_GAP;
                }
                if (p == pages.size() - 1) {
                    pdf.text(MARGIN + 4, top - 4, 10, texts.getString("blankBelow"));
                    certification(pdf, form.certification(), town, today);
                }
                if (draft) {
                    // a draft can never pass for the certificate: 見本 across the page, in red
                    String mark = texts.getString("draft.mark");
                    pdf.colour(0.85f, 0.1f, 0.1f);
                    pdf.textCentered(PdfCanvas.WIDTH / 2, PdfCanvas.HEIGHT / 2 - 60, 160, mark);
                    pdf.text(MARGIN, 24, 10, texts.getString("draft.notice"));
                    pdf.black();
                }
            }
            byte[] bytes = pdf.save();
            return new IssuedCertificate(issueNumber, bytes, pdf.pages());
        }
    }

    /** A member block taller than a page goes on in a block of its own (氏名 repeated, marked 続き). */
    private static List<List<Cell>> split(ResourceBundle texts, List<Cell> block, float room) {
        List<List<Cell>> parts = new ArrayList<>();
        List<Cell> rest = block;
        while (height(rest) > room && rest.size() > 3) {
            int cut = rest.size() - 1;
            while (cut > 3 && height(rest.subList(0, cut)) > room) {
                cut--;
            }
            parts.add(rest.subList(0, cut));
            Cell name = block.get(0);
            List<Cell> next = new ArrayList<>();
            next.add(new Cell(name.label(), name.value() + "　" + texts.getString("continued"), true));
            next.add(new Cell(block.get(1).label(), "", true));
            next.addAll(rest.subList(cut, rest.size()));
            rest = next;
        }
        parts.add(rest);
        return parts;
    }

    private void header(PdfCanvas pdf, ResourceBundle texts, String title, List<Cell> cells, String issueNumber,
            int page, int pages) {
        float right = PdfCanvas.WIDTH - MARGIN;
        pdf.text(MARGIN, PdfCanvas.HEIGHT - 40, 9, texts.getString("issueNumber") + "　" + issueNumber);
        pdf.textRight(right, PdfCanvas.HEIGHT - 40, 9, MessageFormat.format(texts.getString("page"), page, pages));
        pdf.textCentered(PdfCanvas.WIDTH / 2, PdfCanvas.HEIGHT - 84, 22, title);
        table(pdf, PdfCanvas.HEIGHT - 108, cells);
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
        pdf.text(x + LABEL_WIDTH + 10, y + 12, 15, name.value());
        if (!furigana.value().isEmpty()) {
            // 標準仕様書 5.3: in brackets after the name, in katakana (never above it, never in hiragana)
            pdf.text(x + LABEL_WIDTH + 10 + pdf.width(name.value(), 15) + 10, y + 12, 10,
                    "（" + furigana.value() + "）");
        }
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
        float labelSize = 9;
        while (labelSize > 5.5f && pdf.width(c.label(), labelSize) > LABEL_WIDTH - 10) {
            labelSize -= 0.5f;
        }
        pdf.textSpread(x + 5, y + 7, LABEL_WIDTH - 10, labelSize, c.label());
        float valueSize = 10;
        float room = w - LABEL_WIDTH - 14;
        while (valueSize > 6 && pdf.width(c.value(), valueSize) > room) {
            valueSize -= 0.5f;
        }
        pdf.text(x + LABEL_WIDTH + 7, y + 7, valueSize, c.value());
    }

    private void certification(PdfCanvas pdf, String text, Municipality town, LocalDate today) {
        float y = CERTIFICATION_TOP - 20;
        pdf.text(MARGIN + 24, y, 11.5f, text);
        pdf.text(MARGIN + 24, y - 30, 11.5f, WarekiDate.of(today).format());
        // 標準仕様書 5.6: the 職名 with the prefecture's name
        String prefecture = prefecture(town);
        String mayor = prefecture + town.name() + town.mayorTitle() + "　" + town.mayorName();
        float right = PdfCanvas.WIDTH - MARGIN - 70;
        float size = 15;
        while (size > 10 && pdf.width(mayor, size) > CONTENT_WIDTH - 100) {
            size -= 0.5f;
        }
        pdf.textRight(right, y - 76, size, mayor);
        // the 公印 over the last character of the mayor's name, reaching into the right margin
        seal(town).draw(pdf, right - size + OfficialSeal.SIZE / 2, y - 76 + size * 0.35f);
    }

    private static String prefecture(Municipality town) {
        try {
            return Prefecture.ofCode(town.code().prefectureCode()).kanji();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private OfficialSeal seal(Municipality town) {
        Optional<String> image = environment.setting(SEAL_IMAGE_SETTING).map(String::strip).filter(t -> !t.isEmpty());
        boolean red = "red".equalsIgnoreCase(environment.setting(SEAL_COLOUR_SETTING, "black").strip());
        return new OfficialSeal(image.map(Path::of).orElse(null), red, OfficialSeal.text(town.name(), town.mayorTitle()));
    }

    private static float tableHeight(List<Cell> cells) {
        float h = 0;
        int i = 0;
        while (i < cells.size()) {
            h += ROW;
            boolean pair = !cells.get(i).full() && i + 1 < cells.size() && !cells.get(i + 1).full();
            i += pair ? 2 : 1;
        }
        return h;
    }

    private List<Cell> cells(ResourceBundle texts, ResidentRecord r, ResidentCopyOptions options) {
        PersonData p = r.person();
        boolean foreign = p.type() != ResidentType.JAPANESE;
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(texts.getString("name"), name(p), true));
        cells.add(new Cell(texts.getString("furigana"), options.furigana() ? p.furigana().value() : "", true));
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
        cells.add(new Cell(texts.getString("previousAddress"), r.previousAddress().orElse(""), true));
        p.formerSurname().ifPresent(f -> cells.add(new Cell(texts.getString("formerSurname"), f, true)));
        p.commonName().ifPresent(c -> cells.add(new Cell(texts.getString("commonName"), c.fullName(), true)));
        if (foreign) {
            cells.add(new Cell(texts.getString("nationality"),
                    p.foreign().map(fr -> fr.nationality()).orElse(""), false));
            if (!options.omitResidenceDetails()) {
                p.foreign().ifPresent(fr -> {
                    cells.add(new Cell(texts.getString("foreignCategory"), fr.category().label(), false));
                    cells.add(new Cell(texts.getString("residenceStatus"), fr.residenceStatus().orElse(""), false));
                    cells.add(new Cell(texts.getString("periodOfStay"), fr.periodOfStay().orElse(""), false));
                    cells.add(new Cell(texts.getString("stayExpiresOn"),
                            fr.stayExpiresOn().map(d -> date(d, true)).orElse(""), false));
                    cells.add(new Cell(texts.getString("cardNumber"), fr.cardNumber().orElse(""), false));
                });
            }
        }
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

    /** 氏名 as printed: a foreign resident's alphabet name first, then the name as registered if it differs. */
    private static String name(PersonData p) {
        String registered = p.name().fullName();
        return p.alphabetName().map(a -> a.value().equals(registered) ? registered : a.value() + "　" + registered)
                .orElse(registered);
    }

    private static float height(List<Cell> cells) {
        return NAME_ROW + tableHeight(cells.subList(2, cells.size()));
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
