package jp.kiban.childallowance.ui.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.childallowance.AllowanceCalculator;
import jp.kiban.childallowance.Application;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildEntry;
import jp.kiban.childallowance.Recipient;
import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.resident.Household;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.ui.Form;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 児童手当 認定請求: the 請求者 by 宛名番号, the children of the household on the register (ticked: 児童 of high-school age
 * or younger; an older child ticked means the 監護相当・生計費の負担についての確認書 was handed in), one child living
 * elsewhere by name and birth date, the day of the 請求 and, for the 15日特例, the day of the birth or move-in.
 * 認定 checks everything first; a refusal is shown by the field and nothing is stored or cleared.
 */
public class ApplicationPart {
    public static final String DESCRIPTOR = "jp.kiban.childallowance.ui.part.application";
    public static final String LOAD = "application.load";
    public static final String CHILDREN = "application.children";
    public static final String CHILDREN_MESSAGE = "application.children.message";
    public static final String ELSEWHERE_SUPPORTED = "application.elsewhere.supported";
    public static final String CERTIFY = "application.certify";
    public static final String STATUS = "application.status";

    @Inject
    ChildAllowance allowance;
    @Inject
    Session session;
    @Inject
    PartOpener opener;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ResidentRegistry registry;

    private Composite content;
    private ScrolledComposite scroll;
    private Form form;
    /** A child living elsewhere (別居監護・留学), below the household's children. */
    private Form other;
    private Table children;
    private Label childrenMessage;
    private Button elsewhereSupported;
    private Label status;

    /** Opens the form for a 請求 the task suggests: the applicant, why and the day of the event. */
    public static void prefill(PartOpener opener, AddresseeNumber applicant, ApplicationTrigger trigger, LocalDate event) {
        MPart p = opener.open(DESCRIPTOR);
        if (p.getObject() instanceof ApplicationPart form) {
            form.prefill(applicant, trigger, event);
        }
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(1, false));
        scroll.setContent(content);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);

        Label title = new Label(content, SWT.WRAP);
        title.setText(Messages.get("application.title"));
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status = new Label(content, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        form = new Form(content, 1);
        form.section(Messages.get("application.section.applicant"));
        form.text("app.applicant", Messages.get("application.applicant"), 12);
        Composite load = new Composite(form.body(), SWT.NONE);
        load.setLayout(new GridLayout(1, false));
        load.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 3, 1));
        Button loadButton = new Button(load, SWT.PUSH);
        loadButton.setText(Messages.get("application.load"));
        loadButton.setData(UiKeys.KEY, LOAD);
        loadButton.addListener(SWT.Selection, e -> loadHousehold());
        form.date("app.applied", Messages.get("application.applied"));
        form.choice("app.trigger", Messages.get("application.trigger"),
                Arrays.stream(ApplicationTrigger.values()).map(ApplicationTrigger::label).toArray(String[]::new));
        form.date("app.event", Messages.get("application.event"));

        Label h = new Label(content, SWT.WRAP);
        h.setText(Messages.get("application.section.children"));
        GridData hgd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        hgd.verticalIndent = 8;
        h.setLayoutData(hgd);
        children = new Table(content, SWT.BORDER | SWT.CHECK | SWT.FULL_SELECTION);
        children.setData(UiKeys.KEY, CHILDREN);
        children.setHeaderVisible(true);
        children.setLinesVisible(true);
        GridData tgd = new GridData(SWT.FILL, SWT.TOP, true, false);
        tgd.heightHint = 150;
        children.setLayoutData(tgd);
        for (String[] c : new String[][] { { "number", "130" }, { "name", "120" }, { "relationship", "70" },
                { "birth", "125" }, { "band", "300" } }) {
            TableColumn col = new TableColumn(children, SWT.LEFT);
            col.setText(Messages.get("application.column." + c[0]));
            col.setWidth(Integer.parseInt(c[1]));
        }
        childrenMessage = new Label(content, SWT.WRAP);
        childrenMessage.setData(UiKeys.KEY, CHILDREN_MESSAGE);
        childrenMessage.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        childrenMessage.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        other = new Form(content, 1);
        other.section(Messages.get("application.section.elsewhere"));
        other.text("app.elsewhere.name", Messages.get("application.elsewhere.name"), 14);
        other.date("app.elsewhere.birth", Messages.get("application.elsewhere.birth"));
        new Label(other.body(), SWT.NONE);
        elsewhereSupported = new Button(other.body(), SWT.CHECK);
        elsewhereSupported.setText(Messages.get("application.elsewhere.supported"));
        elsewhereSupported.setData(UiKeys.KEY, ELSEWHERE_SUPPORTED);
        new Label(other.body(), SWT.NONE);

        Composite buttons = new Composite(content, SWT.NONE);
        buttons.setLayout(new GridLayout(1, false));
        Button certify = new Button(buttons, SWT.PUSH);
        certify.setText(Messages.get("application.certify"));
        certify.setData(UiKeys.KEY, CERTIFY);
        certify.addListener(SWT.Selection, e -> certify());
        relayout();
    }

    private void relayout() {
        content.layout(true, true);
        scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    void prefill(AddresseeNumber applicant, ApplicationTrigger trigger, LocalDate event) {
        form.set("app.applicant", applicant.value());
        ((Combo) form.input("app.trigger")).select(trigger.ordinal());
        form.set("app.event", event == null ? "" : event.toString());
        loadHousehold();
    }

    /** The applicant's household on the register: children ticked, the rest listed unticked. */
    void loadHousehold() {
        children.removeAll();
        childrenMessage.setText("");
        Optional<AddresseeNumber> applicant = form.parse("app.applicant", AddresseeNumber::of, true);
        if (applicant.isEmpty() || registry == null) {
            relayout();
            return;
        }
        try {
            Optional<ResidentRecord> me = registry.current(session.operator(), applicant.get());
            if (me.isEmpty()) {
                form.error("app.applicant", Messages.get("application.unknown"));
                relayout();
                return;
            }
            Household household = registry.household(session.operator(), me.get().householdNumber());
            YearMonth month = YearMonth.from(RecipientsPart.today());
            for (ResidentRecord r : household.members()) {
                if (r.addresseeNumber().equals(applicant.get())) {
                    continue;
                }
                Optional<LocalDate> birth = r.person().birthDate().exactDate();
                String band;
                boolean child = false;
                if (birth.isEmpty()) {
                    band = Messages.get("application.band.unknown");
                } else if (AllowanceCalculator.isChild(birth.get(), month)) {
                    band = Messages.get("application.band.child");
                    child = true;
                } else if (!month.isAfter(YearMonth.from(AllowanceCalculator.olderChildEnd(birth.get())))) {
                    band = Messages.get("application.band.older");
                } else {
                    band = Messages.get("application.band.none");
                }
                TableItem item = new TableItem(children, SWT.NONE);
                item.setData(r.addresseeNumber());
                item.setText(new String[] { r.addresseeNumber().value(), r.person().displayName().fullName(),
                        r.relationship().label(), r.person().birthDate().format(), band });
                item.setChecked(child);
            }
            status.setText(Messages.get("application.loaded", me.get().person().displayName().fullName(),
                    children.getItemCount()));
        } catch (DomainException e) {
            form.error("app.applicant", e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    void certify() {
        childrenMessage.setText("");
        Optional<AddresseeNumber> applicant = form.parse("app.applicant", AddresseeNumber::of, true);
        Optional<LocalDate> applied = form.parseDate("app.applied", true);
        Optional<LocalDate> event = form.parseDate("app.event", false);
        String elsewhereName = other.value("app.elsewhere.name");
        Optional<LocalDate> elsewhereBirth = other.parseDate("app.elsewhere.birth", !elsewhereName.isEmpty());
        if (form.hasErrors() || other.hasErrors() || applicant.isEmpty() || applied.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            relayout();
            return;
        }
        List<ChildEntry> entries = new ArrayList<>();
        for (TableItem item : children.getItems()) {
            if (item.getChecked() && item.getData() instanceof AddresseeNumber n) {
                // a ticked child past high-school age: the 確認書 (監護相当・生計費の負担) was handed in
                boolean older = !item.getText(4).equals(Messages.get("application.band.child"));
                entries.add(ChildEntry.resident(n, older));
            }
        }
        if (!elsewhereName.isEmpty()) {
            entries.add(ChildEntry.elsewhere(elsewhereName, "", elsewhereBirth.orElse(null), "子",
                    elsewhereSupported.getSelection()));
        }
        ApplicationTrigger trigger = ApplicationTrigger.values()[((Combo) form.input("app.trigger")).getSelectionIndex()];
        try {
            Recipient r = allowance.certify(session.operator(), new Application(applicant.get(), applied.get(), trigger, event,
                    entries));
            status.setText(Messages.get("application.done", r.name(), Messages.month(r.startMonth()),
                    Messages.yen(r.amount(r.startMonth()).total())));
            relayout();
            RecipientPart.show(opener, r.id());
        } catch (DomainException e) {
            String code = e.code();
            String text = e.getMessage(Locale.JAPANESE);
            if (code.startsWith("child") || code.startsWith("children")) {
                childrenMessage.setText(text);
            } else if (code.equals("application.eventRequired") || code.equals("application.eventAfterApplication")) {
                form.error("app.event", text);
            } else if (code.startsWith("application.")) {
                form.error("app.applied", text);
            } else {
                form.error("app.applicant", text);
            }
            status.setText(Messages.get("application.refused"));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }
}
