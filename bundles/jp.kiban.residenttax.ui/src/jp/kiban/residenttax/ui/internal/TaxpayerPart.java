package jp.kiban.residenttax.ui.internal;

import java.util.Arrays;
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
import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.residenttax.Exemption;
import jp.kiban.residenttax.IncomeDeclaration;
import jp.kiban.residenttax.Installment;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxException;
import jp.kiban.residenttax.ResidentTaxNotices;
import jp.kiban.residenttax.SingleStatus;
import jp.kiban.residenttax.Spouse;
import jp.kiban.residenttax.TaxComputation;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.ui.Form;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 住民税 課税対象者詳細: who the taxpayer is, the income and deductions of the year (entered by the clerk; a refused
 * value gets its message by the field and nothing typed is lost), the computed tax step by step and the 納税通知書.
 */
public class TaxpayerPart {
    public static final String DESCRIPTOR = "jp.kiban.residenttax.ui.part.taxpayer";
    public static final String TITLE = "taxpayer.title";
    public static final String SAVE = "taxpayer.save";
    public static final String TAX = "taxpayer.tax";
    public static final String TAX_TABLE = "taxpayer.taxTable";
    public static final String NOTICE = "taxpayer.notice";
    public static final String STATUS = "taxpayer.status";
    public static final String DISABLED = "taxpayer.disabled";
    public static final String ASSISTANCE = "taxpayer.assistance";

    static final String[] AMOUNTS = { "salaryRevenue", "otherIncome", "socialInsurance" };
    static final String[] COUNTS = { "dependentsUnder16", "dependentsGeneral", "dependentsSpecific", "dependentsElderly",
            "dependentsElderlyCohabiting" };

    @Inject
    ResidentTax tax;
    @Inject
    ResidentTaxNotices notices;
    @Inject
    Session session;
    @Inject
    MPart part;

    private AddresseeNumber shown;
    private int year;
    private Composite content;
    private ScrolledComposite scroll;
    private Label title;
    private Label status;
    private Form form;
    private Button disabled;
    private Button assistance;
    private Label summary;
    private Table taxTable;

    /** Opens (or brings forward) the detail part and shows the taxpayer. */
    public static void show(PartOpener opener, AddresseeNumber person, int taxYear) {
        MPart p = opener.open(DESCRIPTOR);
        if (p.getObject() instanceof TaxpayerPart detail) {
            detail.show(person, taxYear);
        }
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(2, false));
        scroll.setContent(content);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);

        title = new Label(content, SWT.WRAP);
        title.setData(UiKeys.KEY, TITLE);
        title.setText(Messages.get("taxpayer.none"));
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        status = new Label(content, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        // left: the income form
        Composite left = new Composite(content, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        left.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
        form = Texts.form(left);
        form.section(Messages.get("taxpayer.section.income"));
        for (String f : AMOUNTS) {
            form.text(f, Messages.get("taxpayer.field." + f), 9);
        }
        form.section(Messages.get("taxpayer.section.persons"));
        form.choice("spouse", Messages.get("taxpayer.field.spouse"),
                Arrays.stream(Spouse.values()).map(Spouse::label).toArray(String[]::new));
        for (String f : COUNTS) {
            form.text(f, Messages.get("taxpayer.field." + f), 3);
        }
        form.choice("single", Messages.get("taxpayer.field.single"),
                Arrays.stream(SingleStatus.values()).map(SingleStatus::label).toArray(String[]::new));
        new Label(form.body(), SWT.NONE);
        disabled = new Button(form.body(), SWT.CHECK);
        disabled.setText(Messages.get("taxpayer.field.disabled"));
        disabled.setData(UiKeys.KEY, DISABLED);
        new Label(form.body(), SWT.NONE);
        new Label(form.body(), SWT.NONE);
        assistance = new Button(form.body(), SWT.CHECK);
        assistance.setText(Messages.get("taxpayer.field.publicAssistance"));
        assistance.setData(UiKeys.KEY, ASSISTANCE);
        new Label(form.body(), SWT.NONE);
        Composite buttons = new Composite(left, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        button(buttons, SAVE, "taxpayer.save", this::save);
        button(buttons, NOTICE, "taxpayer.notice", this::notice);

        // right: the tax
        Composite right = new Composite(content, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        right.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Label heading = new Label(right, SWT.NONE);
        heading.setText(Messages.get("taxpayer.section.tax"));
        summary = new Label(right, SWT.WRAP);
        summary.setData(UiKeys.KEY, TAX);
        GridData sgd = new GridData(SWT.FILL, SWT.TOP, true, false);
        sgd.widthHint = 390;
        summary.setLayoutData(sgd);
        taxTable = new Table(right, SWT.BORDER | SWT.FULL_SELECTION);
        taxTable.setData(UiKeys.KEY, TAX_TABLE);
        taxTable.setHeaderVisible(true);
        taxTable.setLinesVisible(true);
        GridData tgd = new GridData(SWT.BEGINNING, SWT.TOP, false, false);
        tgd.heightHint = 300;
        taxTable.setLayoutData(tgd);
        for (String[] c : new String[][] { { "item", "165" }, { "municipal", "74" }, { "prefectural", "74" },
                { "total", "74" } }) {
            TableColumn col = new TableColumn(taxTable, c[0].equals("item") ? SWT.LEFT : SWT.RIGHT);
            col.setText(Messages.get("taxpayer.column." + c[0]));
            col.setWidth(Integer.parseInt(c[1]));
        }
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

    public void show(AddresseeNumber person, int taxYear) {
        shown = person;
        year = taxYear;
        status.setText("");
        try {
            Optional<Taxpayer> t = tax.taxpayer(session.operator(), taxYear, person);
            if (t.isEmpty()) {
                title.setText(Messages.get("taxpayer.unknown", person.value(), Messages.taxYear(taxYear)));
                relayout();
                return;
            }
            Taxpayer p = t.get();
            title.setText(Messages.get("taxpayer.heading", Messages.taxYear(taxYear), p.name(), p.furigana(),
                    p.person().value(), p.kind().label(), p.address(),
                    p.livesInTown() ? "" : Messages.get("taxpayer.leftSuffix")));
            part.setLabel(Messages.get("taxpayer.partLabel", p.name()));
            Optional<IncomeDeclaration> in = tax.income(session.operator(), taxYear, person);
            fill(in.orElse(null));
            showTax();
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    private void fill(IncomeDeclaration in) {
        form.set("salaryRevenue", in == null ? "" : Long.toString(in.salaryRevenue()));
        form.set("otherIncome", in == null ? "" : Long.toString(in.otherIncome()));
        form.set("socialInsurance", in == null ? "" : Long.toString(in.socialInsurance()));
        form.set("spouse", (in == null ? Spouse.NONE : in.spouse()).label());
        int[] counts = in == null ? new int[5] : new int[] { in.dependentsUnder16(), in.dependentsGeneral(),
                in.dependentsSpecific(), in.dependentsElderly(), in.dependentsElderlyCohabiting() };
        for (int i = 0; i < COUNTS.length; i++) {
            form.set(COUNTS[i], counts[i] == 0 ? "" : Integer.toString(counts[i]));
        }
        form.set("single", (in == null ? SingleStatus.NONE : in.single()).label());
        disabled.setSelection(in != null && in.disabled());
        assistance.setSelection(in != null && in.publicAssistance());
    }

    /** Reads every field first (each refusal by its field), then stores; nothing typed is cleared on a refusal. */
    void save() {
        if (shown == null) {
            return;
        }
        Optional<Long> salary = form.parseYen("salaryRevenue", false);
        Optional<Long> other = form.parseYen("otherIncome", false);
        Optional<Long> social = form.parseYen("socialInsurance", false);
        int[] counts = new int[COUNTS.length];
        boolean countsOk = true;
        for (int i = 0; i < COUNTS.length; i++) {
            Optional<Integer> c = form.parseCount(COUNTS[i]);
            countsOk &= c.isPresent();
            counts[i] = c.orElse(0);
        }
        if (form.hasErrors() || !countsOk) {
            status.setText(Messages.get("form.errors"));
            relayout();
            return;
        }
        Spouse spouse = Spouse.values()[((Combo) form.input("spouse")).getSelectionIndex()];
        SingleStatus single = SingleStatus.values()[((Combo) form.input("single")).getSelectionIndex()];
        try {
            IncomeDeclaration in = new IncomeDeclaration(year, shown, salary.orElse(0L), other.orElse(0L),
                    social.orElse(0L), spouse, counts[0], counts[1], counts[2], counts[3], counts[4],
                    disabled.getSelection(), single, assistance.getSelection(), "input");
            tax.setIncome(session.operator(), in);
            status.setText(Messages.get("taxpayer.saved"));
            showTax();
        } catch (ResidentTaxException e) {
            e.field().filter(f -> form.input(f) != null).ifPresentOrElse(f -> form.error(f, e.getMessage(Locale.JAPANESE)),
                    () -> status.setText(e.getMessage(Locale.JAPANESE)));
            if (e.field().isPresent()) {
                status.setText(Messages.get("form.errors"));
            }
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    private void showTax() {
        taxTable.removeAll();
        TaxComputation c = tax.assess(session.operator(), year, shown);
        StringBuilder s = new StringBuilder();
        s.append(Messages.get("taxpayer.tax.income", Texts.yen(c.salaryIncome()), Texts.yen(c.totalIncome()),
                Texts.yen(c.totalDeductions()), Texts.yen(c.taxableIncome())));
        if (!c.declared()) {
            s.append('\n').append(Messages.get("taxpayer.tax.undeclared"));
        }
        s.append('\n').append(Messages.get("taxpayer.tax.limits", Texts.yen(c.perCapitaLimit()),
                Texts.yen(c.incomeLevyLimit()), c.supportedPersons()));
        s.append('\n').append(c.exemption() == Exemption.NONE ? Messages.get("taxpayer.tax.taxed")
                : c.exemption().label());
        s.append('\n').append(Messages.get("taxpayer.tax.annual", Texts.yen(c.annualTax())));
        summary.setText(s.toString());
        row(Messages.get("taxpayer.row.gross"), c.municipalGrossIncomeLevy(), c.prefecturalGrossIncomeLevy());
        row(Messages.get("taxpayer.row.adjustment"), -c.municipalAdjustment(), -c.prefecturalAdjustment());
        row(Messages.get("taxpayer.row.incomeLevy"), c.municipalIncomeLevy(), c.prefecturalIncomeLevy());
        row(Messages.get("taxpayer.row.perCapita"), c.municipalPerCapita(), c.prefecturalPerCapita());
        row(Messages.get("taxpayer.row.total"), c.municipalTax(), c.prefecturalTax());
        item(Messages.get("taxpayer.row.forest"), "", "", Texts.yen(c.forestTax()));
        item(Messages.get("taxpayer.row.annual"), "", "", Texts.yen(c.annualTax()));
        for (Installment i : c.installments()) {
            item(Messages.get("taxpayer.row.installment", i.number(), Texts.date(i.dueDate())), "", "", Texts.yen(i.amount()));
        }
    }

    private void row(String label, long municipal, long prefectural) {
        item(label, signed(municipal), signed(prefectural), signed(municipal + prefectural));
    }

    private static String signed(long v) {
        return v < 0 ? "△" + Texts.yen(-v) : Texts.yen(v);
    }

    private void item(String... cells) {
        TableItem item = new TableItem(taxTable, SWT.NONE);
        item.setText(cells);
    }

    void notice() {
        if (shown == null) {
            return;
        }
        try {
            byte[] pdf = notices.taxNotice(session.operator(), year, shown, Texts.today());
            new FormPreviewDialog(content.getShell(), Messages.get("taxpayer.notice.title", Messages.taxYear(year)), pdf,
                    "住民税納税通知書-" + year + "-" + shown.value()).open();
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            relayout();
        }
    }
}
