package jp.kiban.healthinsurance.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.Income;
import jp.kiban.healthinsurance.InsuredPerson;
import jp.kiban.healthinsurance.KokuhoHousehold;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.LossReason;
import jp.kiban.healthinsurance.Part;
import jp.kiban.healthinsurance.PartAssessment;
import jp.kiban.healthinsurance.Qualification;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.resident.Household;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.ui.Form;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 国保世帯詳細: the members of the household on the register with their 国保 資格, the 資格取得・喪失 by the clerk,
 * the 所得 of the fiscal year, the 国保税 of the household and its 納税通知書.
 */
public class HouseholdPart {
    public static final String DESCRIPTOR = "jp.kiban.healthinsurance.ui.part.household";
    public static final String TITLE = "household.title";
    public static final String MEMBERS = "household.members";
    public static final String SELECTED = "household.selected";
    public static final String ACQUIRE = "household.acquire";
    public static final String LOSE = "household.lose";
    public static final String WAGE = "household.wage";
    public static final String SAVE_INCOME = "household.saveIncome";
    public static final String TAX = "household.tax";
    public static final String NOTICE = "household.notice";
    public static final String STATUS = "household.status";

    @Inject
    HealthInsurance kokuho;
    @Inject
    KokuhoNotices notices;
    @Inject
    Session session;
    @Inject
    MPart part;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ResidentRegistry registry;

    private HouseholdNumber shown;
    private int year;
    private Composite content;
    private ScrolledComposite scroll;
    private Label title;
    private Table members;
    private Label selected;
    private Form form;
    private Button wage;
    private Label tax;
    private Label status;

    /** Opens (or brings forward) the detail part and shows the household. */
    public static void show(PartOpener opener, HouseholdNumber number, int fiscalYear) {
        MPart p = opener.open(DESCRIPTOR);
        if (p.getObject() instanceof HouseholdPart detail) {
            detail.show(number, fiscalYear);
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

        title = new Label(content, SWT.WRAP);
        title.setData(UiKeys.KEY, TITLE);
        title.setText(Messages.get("household.none"));
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        // the outcome of the last action, where the clerk looks (the form below may be scrolled)
        status = new Label(content, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        members = new Table(content, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        members.setData(UiKeys.KEY, MEMBERS);
        members.setHeaderVisible(true);
        members.setLinesVisible(true);
        GridData tgd = new GridData(SWT.FILL, SWT.TOP, true, false);
        tgd.heightHint = 150;
        members.setLayoutData(tgd);
        for (String[] c : new String[][] { { "number", "105" }, { "name", "120" }, { "relationship", "60" },
                { "birth", "125" }, { "qualification", "250" }, { "income", "100" }, { "wage", "95" } }) {
            TableColumn col = new TableColumn(members, c[0].equals("income") ? SWT.RIGHT : SWT.LEFT);
            col.setText(Messages.get("household.column." + c[0]));
            col.setWidth(Integer.parseInt(c[1]));
        }
        members.addListener(SWT.Selection, e -> selectionChanged());

        selected = new Label(content, SWT.NONE);
        selected.setData(UiKeys.KEY, SELECTED);
        selected.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        form = new Form(content, 1);
        form.section(Messages.get("household.section.qualification"));
        form.date("qual.date", Messages.get("household.qual.date"));
        form.choice("qual.acquire", Messages.get("household.qual.acquireReason"),
                Arrays.stream(AcquisitionReason.values()).map(Messages::label).toArray(String[]::new));
        form.choice("qual.lose", Messages.get("household.qual.loseReason"),
                Arrays.stream(LossReason.values()).map(Messages::label).toArray(String[]::new));
        Composite qualButtons = new Composite(form.body(), SWT.NONE);
        qualButtons.setLayout(new GridLayout(2, false));
        qualButtons.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 3, 1));
        button(qualButtons, ACQUIRE, "household.acquire", this::acquire);
        button(qualButtons, LOSE, "household.lose", this::lose);

        form.section(Messages.get("household.section.income"));
        form.text("income.amount", Messages.get("household.income.amount"), 12);
        new Label(form.body(), SWT.NONE);
        wage = new Button(form.body(), SWT.CHECK);
        wage.setText(Messages.get("household.income.wage"));
        wage.setData(UiKeys.KEY, WAGE);
        new Label(form.body(), SWT.NONE);
        Composite incomeButtons = new Composite(form.body(), SWT.NONE);
        incomeButtons.setLayout(new GridLayout(1, false));
        incomeButtons.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 3, 1));
        button(incomeButtons, SAVE_INCOME, "household.saveIncome", this::saveIncome);

        Label taxHeading = new Label(content, SWT.NONE);
        taxHeading.setText(Messages.get("household.section.tax"));
        GridData hgd = new GridData();
        hgd.verticalIndent = 8;
        taxHeading.setLayoutData(hgd);
        tax = new Label(content, SWT.WRAP);
        tax.setData(UiKeys.KEY, TAX);
        tax.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite taxButtons = new Composite(content, SWT.NONE);
        taxButtons.setLayout(new GridLayout(1, false));
        button(taxButtons, NOTICE, "household.notice", this::notice);
        relayout();
    }

    private static void button(Composite parent, String key, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(Messages.get(text));
        b.setData(UiKeys.KEY, key);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void relayout() {
        content.layout(true, true);
        scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    public void show(HouseholdNumber number, int fiscalYear) {
        shown = number;
        year = fiscalYear;
        status.setText("");
        refresh(Optional.empty());
    }

    /** Reads the household again; keeps the selected person selected. */
    private void refresh(Optional<AddresseeNumber> keep) {
        members.removeAll();
        if (shown == null) {
            return;
        }
        try {
            Optional<KokuhoHousehold> k = kokuho.household(session.operator(), shown);
            Map<String, Object[]> rows = new LinkedHashMap<>();
            String address = k.map(KokuhoHousehold::address).orElse("");
            String head = k.flatMap(KokuhoHousehold::head).map(InsuredPerson::name).orElse("");
            if (registry != null) {
                Household h = registry.household(session.operator(), shown);
                for (ResidentRecord r : h.members()) {
                    rows.put(r.addresseeNumber().value(), new Object[] { r, null });
                    if (r.isHead()) {
                        head = r.person().displayName().fullName();
                        address = r.address().format();
                    }
                }
            }
            for (InsuredPerson p : k.map(KokuhoHousehold::members).orElse(List.of())) {
                rows.computeIfAbsent(p.number().value(), n -> new Object[2])[1] = p;
            }
            title.setText(Messages.get("household.heading", shown.value(), head, address,
                    Messages.fiscalYear(year)));
            for (Map.Entry<String, Object[]> e : rows.entrySet()) {
                ResidentRecord r = (ResidentRecord) e.getValue()[0];
                InsuredPerson p = (InsuredPerson) e.getValue()[1];
                AddresseeNumber n = AddresseeNumber.of(e.getKey());
                Optional<Income> income = kokuho.income(session.operator(), year, n);
                TableItem item = new TableItem(members, SWT.NONE);
                item.setData(n);
                item.setText(new String[] { n.value(),
                        r != null ? r.person().displayName().fullName() : p.name() + Messages.get("household.notResident"),
                        r != null ? r.relationship().label() : p.relationship(),
                        r != null ? r.person().birthDate().format() : Rates.date(p.birthDate()),
                        qualification(p), income.map(i -> Rates.yen(i.totalIncome())).orElse(Messages.get("household.noIncome")),
                        income.map(i -> i.wageEarner() ? Messages.get("household.yes") : "").orElse("") });
                if (keep.isPresent() && keep.get().equals(n)) {
                    members.setSelection(item);
                }
            }
            if (members.getSelectionCount() == 0 && members.getItemCount() > 0) {
                members.setSelection(0);
            }
            selectionChanged();
            showTax();
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    /** The 資格 periods, newest last: 「R8.4.1 取得（転入）〜 R8.9.2 喪失（社保加入）」, or 未加入. */
    private static String qualification(InsuredPerson p) {
        if (p == null || p.qualifications().isEmpty()) {
            return p != null && p.head() ? Messages.get("household.nominalHead") : Messages.get("household.notInsured");
        }
        List<String> out = new ArrayList<>();
        for (Qualification q : p.qualifications()) {
            String s = Messages.get("household.acquired", Rates.date(q.acquiredOn()), Messages.label(q.acquisitionReason()));
            if (q.lostOn().isPresent()) {
                s += " 〜 " + Messages.get("household.lost", Rates.date(q.lostOn().get()),
                        q.lossReason().map(Messages::label).orElse(""));
            }
            out.add(s);
        }
        return String.join(" ／ ", out);
    }

    private Optional<AddresseeNumber> selectedPerson() {
        TableItem[] sel = members.getSelection();
        return sel.length == 1 && sel[0].getData() instanceof AddresseeNumber n ? Optional.of(n) : Optional.empty();
    }

    private void selectionChanged() {
        Optional<AddresseeNumber> n = selectedPerson();
        if (n.isEmpty()) {
            selected.setText(Messages.get("household.selectPerson"));
            return;
        }
        TableItem item = members.getSelection()[0];
        selected.setText(Messages.get("household.selectedPerson", item.getText(1), n.get().value()));
        Optional<Income> income = kokuho.income(session.operator(), year, n.get());
        form.set("income.amount", income.map(i -> Long.toString(i.totalIncome())).orElse(""));
        wage.setSelection(income.map(Income::wageEarner).orElse(false));
        relayout();
    }

    void acquire() {
        Optional<AddresseeNumber> n = selectedPerson();
        Optional<LocalDate> day = form.parseDate("qual.date", true);
        if (n.isEmpty() || day.isEmpty()) {
            status.setText(n.isEmpty() ? Messages.get("household.selectPerson") : Messages.get("form.errors"));
            relayout();
            return;
        }
        AcquisitionReason reason = AcquisitionReason.values()[((Combo) form.input("qual.acquire")).getSelectionIndex()];
        try {
            kokuho.acquire(session.operator(), n.get(), day.get(), reason);
            status.setText(Messages.get("household.acquired.done", selected.getText(), Rates.date(day.get())));
            form.set("qual.date", "");
            refresh(n);
        } catch (DomainException e) {
            form.error("qual.date", e.getMessage(Locale.JAPANESE));
            status.setText(Messages.get("household.refused"));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    void lose() {
        Optional<AddresseeNumber> n = selectedPerson();
        Optional<LocalDate> day = form.parseDate("qual.date", true);
        if (n.isEmpty() || day.isEmpty()) {
            status.setText(n.isEmpty() ? Messages.get("household.selectPerson") : Messages.get("form.errors"));
            relayout();
            return;
        }
        LossReason reason = LossReason.values()[((Combo) form.input("qual.lose")).getSelectionIndex()];
        try {
            kokuho.lose(session.operator(), n.get(), day.get(), reason);
            status.setText(Messages.get("household.lost.done", selected.getText(), Rates.date(day.get())));
            form.set("qual.date", "");
            refresh(n);
        } catch (DomainException e) {
            form.error("qual.date", e.getMessage(Locale.JAPANESE));
            status.setText(Messages.get("household.refused"));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    void saveIncome() {
        Optional<AddresseeNumber> n = selectedPerson();
        Optional<Long> amount = form.parseYen("income.amount", true);
        if (n.isEmpty() || amount.isEmpty()) {
            status.setText(n.isEmpty() ? Messages.get("household.selectPerson") : Messages.get("form.errors"));
            relayout();
            return;
        }
        try {
            kokuho.setIncome(session.operator(), year, n.get(), amount.get(), wage.getSelection());
            status.setText(Messages.get("household.income.done", Messages.fiscalYear(year), Rates.yen(amount.get())));
            refresh(n);
        } catch (DomainException e) {
            form.error("income.amount", e.getMessage(Locale.JAPANESE));
            status.setText(Messages.get("household.refused"));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    private void showTax() {
        try {
            TaxAssessment a = kokuho.assess(session.operator(), shown, year);
            StringBuilder sb = new StringBuilder();
            for (Part p : Part.values()) {
                PartAssessment pa = a.part(p);
                sb.append(Messages.get("household.tax.part", Messages.label(p), Rates.yen(pa.incomeLevy()),
                        Rates.yen(pa.perCapitaLevy()), Rates.yen(pa.perHouseholdLevy()), Rates.yen(pa.reduction()),
                        Rates.yen(pa.amount()), pa.capped() ? Messages.get("household.tax.capped") : "")).append('\n');
            }
            sb.append(Messages.get("household.tax.total", Messages.fiscalYear(year), Rates.yen(a.annualTax()),
                    a.reductionTenths() == 0 ? Messages.get("household.tax.noReduction")
                            : Messages.get("household.tax.reduction", a.reductionTenths()),
                    a.installments().size()));
            tax.setText(sb.toString());
        } catch (DomainException e) {
            tax.setText(e.getMessage(Locale.JAPANESE));
        }
    }

    void notice() {
        if (shown == null) {
            return;
        }
        try {
            byte[] pdf = notices.taxNotice(session.operator(), shown, year, HouseholdsPart.today());
            new FormPreviewDialog(members.getShell(), Messages.get("household.notice.title", shown.value()), pdf,
                    "国保税納税通知書-" + shown.value()).open();
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            relayout();
        }
    }
}
