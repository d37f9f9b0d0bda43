package jp.kiban.resident.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.addressee.TownDictionary;
import jp.kiban.characters.CharacterLookup;
import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.core.DomainException;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.ForeignResidence;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentType;
import jp.kiban.resident.Sex;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 転入届 (国内転入) for a household moving in together: the new address in this town, the 転出証明書,
 * and one block per person (世帯主 first). Registering stores a 仮登録 for the supervisor. A refused
 * item gets its message next to it; nothing typed is lost.
 */
public class MoveInPart {
    public static final String REGISTER = "movein.register";
    public static final String ADD_MEMBER = "movein.addMember";
    public static final String STATUS = "movein.status";

    @Inject
    ResidentChanges changes;
    @Inject
    MunicipalityService municipalities;
    @Inject
    Session session;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    TownDictionary dictionary;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    CharacterLookup lookup;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    CharacterRepertoire repertoire;

    private CharacterInput characters;

    private Composite root;
    private Form form;
    private Composite membersArea;
    private int members;
    private Label status;
    private Button abroad;
    private Label certificateHeading;

    @PostConstruct
    public void createControls(Composite parent) {
        characters = new CharacterInput(lookup, repertoire);
        parent.setLayout(new GridLayout(1, false));
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        root = new Composite(scroll, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        scroll.setContent(root);

        Label title = new Label(root, SWT.NONE);
        title.setText(Messages.get("movein.title"));
        form = new Form(root);
        form.section(Messages.get("movein.section.address"));
        Text town = form.text("town", Messages.get("movein.town"), 16);
        form.text("lot", Messages.get("movein.lot"), 24);
        Text postal = form.text("postal", Messages.get("movein.postal"), 8);
        if (dictionary != null) {
            TownCompletion.attach(town, postal, dictionary);
        }
        form.date("changeDate", Messages.get("movein.changeDate"), false);
        Text notified = form.date("notifiedOn", Messages.get("movein.notifiedOn"), false);
        notified.setText(WarekiDate.of(LocalDate.now()).formatShort());
        form.text("previousAddress", Messages.get("movein.previousAddress"), 30);
        abroad = new Button(form.body(), SWT.CHECK);
        abroad.setText(Messages.get("movein.abroad"));
        abroad.setData(UiKeys.KEY, "movein.abroad");
        abroad.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 3, 1));
        abroad.addListener(SWT.Selection, e -> {
            for (String k : new String[] { "certIssuer", "certDate", "certDestination" }) {
                form.show(k, !abroad.getSelection());
            }
            certificateHeading.setVisible(!abroad.getSelection());
            ((GridData) certificateHeading.getLayoutData()).exclude = abroad.getSelection();
            relayout();
        });
        certificateHeading = form.section(Messages.get("movein.section.certificate"));
        form.text("certIssuer", Messages.get("movein.certIssuer"), 8);
        form.date("certDate", Messages.get("movein.certDate"), false);
        form.text("certDestination", Messages.get("movein.certDestination"), 30);
        form.section(Messages.get("movein.section.members"));

        membersArea = new Composite(root, SWT.NONE);
        membersArea.setLayout(new GridLayout(1, false));
        addMember();

        Composite buttons = new Composite(root, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        Button add = new Button(buttons, SWT.PUSH);
        add.setText(Messages.get("movein.addMember"));
        add.setData(UiKeys.KEY, ADD_MEMBER);
        add.addListener(SWT.Selection, e -> {
            addMember();
            form.focus("m" + members + ".family");
        });
        Button register = new Button(buttons, SWT.PUSH);
        register.setText(Messages.get("movein.register"));
        register.setData(UiKeys.KEY, REGISTER);
        register.addListener(SWT.Selection, e -> register());

        status = new Label(root, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        relayout();
        town.setFocus();
    }

    private void addMember() {
        members++;
        int i = members;
        Form m = form;
        m.section(Messages.get("movein.member", i));
        characters.nameField(m, "m" + i + ".family", Messages.get("movein.family"), 10, "familyName");
        characters.nameField(m, "m" + i + ".given", Messages.get("movein.given"), 10, "givenName");
        m.text("m" + i + ".furigana", Messages.get("movein.furigana"), 20);
        m.date("m" + i + ".birth", Messages.get("movein.birth"), true);
        m.choice("m" + i + ".sex", Messages.get("movein.sex"), Sex.MALE.label(), Sex.FEMALE.label());
        String[] rels = new String[Relationship.values().length];
        for (int r = 0; r < rels.length; r++) {
            rels[r] = Relationship.values()[r].label();
        }
        Combo rel = m.choice("m" + i + ".relationship", Messages.get("movein.relationship"), rels);
        rel.select(i == 1 ? Relationship.HEAD.ordinal() : Relationship.CHILD.ordinal());
        m.text("m" + i + ".number", Messages.get("movein.existingNumber"), 12);
        Combo type = m.choice("m" + i + ".type", Messages.get("movein.type"), "日本人", "外国人");
        String[] foreignKeys = { "alphabet", "nationality", "status", "period", "expires", "card" };
        m.text("m" + i + ".alphabet", Messages.get("movein.alphabet"), 20);
        m.text("m" + i + ".nationality", Messages.get("movein.nationality"), 12);
        m.text("m" + i + ".status", Messages.get("movein.residenceStatus"), 16);
        m.text("m" + i + ".period", Messages.get("movein.period"), 8);
        m.date("m" + i + ".expires", Messages.get("movein.expires"), false);
        m.text("m" + i + ".card", Messages.get("movein.card"), 14);
        Runnable toggle = () -> {
            boolean foreign = type.getSelectionIndex() == 1;
            for (String k : foreignKeys) {
                m.show("m" + i + "." + k, foreign);
            }
            relayout();
        };
        type.addListener(SWT.Selection, e -> toggle.run());
        toggle.run();
        relayout();
    }

    private void relayout() {
        root.layout(true, true);
        if (root.getParent() instanceof ScrolledComposite sc) {
            sc.setMinSize(root.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        }
    }

    void register() {
        Optional<Municipality> town = municipalities.current();
        if (town.isEmpty()) {
            status.setText(Messages.get("movein.failed", "自治体が設定されていません。"));
            return;
        }
        Municipality mu = town.get();
        Optional<Address> address = Optional.empty();
        String townName = form.required("town").orElse("");
        if (!townName.isEmpty()) {
            address = form.parse("lot", lot -> Address.of(Prefecture.ofCode(mu.code().prefectureCode()), mu.name(),
                    townName, lot), true);
        }
        Optional<PostalCode> postal = form.parse("postal", PostalCode::of, false);
        Optional<LocalDate> changeDate = form.parseDate("changeDate", true);
        Optional<LocalDate> notified = form.parseDate("notifiedOn", true);
        String previous = form.required("previousAddress").orElse("");
        boolean fromAbroad = abroad.getSelection();
        Optional<LocalGovernmentCode> issuer = fromAbroad ? Optional.empty()
                : form.parse("certIssuer", LocalGovernmentCode::of, true);
        Optional<LocalDate> certDate = fromAbroad ? Optional.empty() : form.parseDate("certDate", true);
        String destination = fromAbroad ? "" : form.required("certDestination").orElse("");
        List<ChangeRequest.NewMember> newMembers = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            String p = "m" + i + ".";
            if (i > 1 && form.value(p + "family").isEmpty() && form.value(p + "given").isEmpty()
                    && form.value(p + "furigana").isEmpty()) {
                continue; // an empty extra block is ignored
            }
            String given = form.value(p + "given");
            Optional<KanjiName> name = form.parse(p + "family", f -> KanjiName.of(f, given), true);
            name = characters.checked(form, p + "family", p + "given", name);
            Optional<Furigana> kana = form.parse(p + "furigana", Furigana::of, true);
            Optional<RecordedDate> birth = form.parse(p + "birth", RecordedDate::parse, true);
            Sex sex = form.value(p + "sex").equals(Sex.MALE.label()) ? Sex.MALE : Sex.FEMALE;
            Relationship rel = Relationship.ofLabel(form.value(p + "relationship"));
            boolean foreign = form.value(p + "type").equals("外国人");
            Optional<AlphabetName> alphabet = foreign ? form.parse(p + "alphabet", AlphabetName::of, true) : Optional.empty();
            Optional<ForeignResidence> residence = Optional.empty();
            if (foreign) {
                String nationality = form.required(p + "nationality").orElse("");
                Optional<LocalDate> expires = form.parseDate(p + "expires", false);
                String status = form.value(p + "status");
                String period = form.value(p + "period");
                String card = form.value(p + "card");
                if (!nationality.isEmpty()) {
                    // the 在留 items are checked together; the message goes next to 在留資格
                    residence = form.parse(p + "status", st -> ForeignResidence.midToLongTerm(nationality, st,
                            period.isEmpty() ? null : period, expires.orElse(null), card.isEmpty() ? null : card), true);
                }
            }
            if (name.isPresent() && kana.isPresent() && birth.isPresent() && (!foreign || residence.isPresent())) {
                try {
                    PersonData.Builder builder = PersonData.builder().name(name.get()).furigana(kana.get())
                            .birthDate(birth.get()).sex(sex);
                    if (foreign) {
                        builder.type(ResidentType.FOREIGN).foreign(residence.get());
                        alphabet.ifPresent(builder::alphabetName);
                    }
                    PersonData person = builder.build();
                    Optional<jp.kiban.core.id.AddresseeNumber> existing = form.parse(p + "number",
                            jp.kiban.core.id.AddresseeNumber::of, false);
                    newMembers.add(new ChangeRequest.NewMember(person, rel, existing));
                } catch (DomainException e) {
                    form.error(p + "family", e.getMessage(Locale.JAPANESE));
                }
            }
        }
        if (form.hasErrors() || address.isEmpty() || changeDate.isEmpty() || notified.isEmpty()
                || (!fromAbroad && (issuer.isEmpty() || certDate.isEmpty())) || newMembers.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            relayout();
            return;
        }
        try {
            ChangeRequest request = fromAbroad
                    ? new ChangeRequest.MoveInFromAbroad(changeDate.get(), notified.get(), address.get(), postal, previous,
                            Optional.empty(), newMembers)
                    : new ChangeRequest.DomesticMoveIn(changeDate.get(), notified.get(), address.get(), postal, previous,
                            new MoveOutCertificate(issuer.get(), certDate.get(), destination), Optional.empty(),
                            newMembers);
            ChangeResult result = changes.register(session.operator(), request);
            status.setText(Messages.get("movein.registered", result.persons().size()));
            clear();
        } catch (DomainException e) {
            status.setText(Messages.get("movein.failed", e.getMessage(Locale.JAPANESE)));
        }
        relayout();
    }

    private void clear() {
        for (String key : new String[] { "town", "lot", "postal", "changeDate", "previousAddress", "certIssuer",
                "certDate", "certDestination" }) {
            ((Text) form.input(key)).setText("");
        }
        for (int i = 1; i <= members; i++) {
            for (String f : new String[] { "family", "given", "furigana", "birth", "number", "alphabet", "nationality", "status",
                    "period", "expires", "card" }) {
                ((Text) form.input("m" + i + "." + f)).setText("");
            }
        }
    }
}
