package jp.kiban.childallowance.ui.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

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
import jp.kiban.childallowance.AllowanceChild;
import jp.kiban.childallowance.AllowanceNotices;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildEndReason;
import jp.kiban.childallowance.ChildEntry;
import jp.kiban.childallowance.ChildLine;
import jp.kiban.childallowance.ExtinctionReason;
import jp.kiban.childallowance.MonthlyAmount;
import jp.kiban.childallowance.Payment;
import jp.kiban.childallowance.Recipient;
import jp.kiban.childallowance.Revision;
import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.ui.Form;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 児童手当 受給者詳細: the recipient, the children with each one's band, order and amount in the chosen month, the
 * history (認定・額改定・消滅), the payments of a fiscal year, and the clerk's 額改定 (a child added on a 請求, a child
 * leaving, 監護相当の確認), 消滅 and the notice. Refusals are shown by the field; nothing typed is lost.
 */
public class RecipientPart {
    public static final String DESCRIPTOR = "jp.kiban.childallowance.ui.part.recipient";
    public static final String TITLE = "recipient.title";
    public static final String STATUS = "recipient.status";
    public static final String SUMMARY = "recipient.summary";
    public static final String CHILDREN = "recipient.children";
    public static final String HISTORY = "recipient.history";
    public static final String SCHEDULE = "recipient.schedule";
    public static final String SHOW = "recipient.show";
    public static final String ADD = "recipient.add";
    public static final String SUPPORTED = "recipient.supported";
    public static final String REMOVE = "recipient.remove";
    public static final String CONFIRM = "recipient.confirm";
    public static final String EXTINGUISH = "recipient.extinguish";
    public static final String NOTICE = "recipient.notice";

    @Inject
    ChildAllowance allowance;
    @Inject
    AllowanceNotices notices;
    @Inject
    Session session;

    private UUID shown;
    private Recipient recipient;
    private Composite content;
    private ScrolledComposite scroll;
    private Label title;
    private Label status;
    private Label summary;
    private Form view;
    private Table children;
    private Table history;
    private Table schedule;
    private Form form;
    private Button supported;

    /** Opens (or brings forward) the detail part and shows the recipient. */
    public static void show(PartOpener opener, UUID recipient) {
        MPart p = opener.open(DESCRIPTOR);
        if (p.getObject() instanceof RecipientPart detail) {
            detail.show(recipient);
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
        title.setText(Messages.get("recipient.none"));
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status = new Label(content, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary = new Label(content, SWT.WRAP);
        summary.setData(UiKeys.KEY, SUMMARY);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        view = new Form(content, 2);
        view.text("view.month", Messages.get("recipient.month"), 9).setText(Messages.month(YearMonth.from(RecipientsPart.today())));
        view.text("view.year", Messages.get("recipient.year"), 6)
                .setText(Integer.toString(AllowanceCalculator.fiscalYearOf(YearMonth.from(RecipientsPart.today()))));
        Composite viewButtons = new Composite(view.body(), SWT.NONE);
        viewButtons.setLayout(new GridLayout(2, false));
        viewButtons.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 6, 1));
        button(viewButtons, SHOW, "recipient.show", () -> refresh(true));
        button(viewButtons, NOTICE, "recipient.notice", this::notice);

        heading("recipient.section.children");
        children = table(CHILDREN, 170, new String[][] { { "name", "110" }, { "relationship", "45" }, { "birth", "120" },
                { "band", "170" }, { "order", "50" }, { "amount", "70" }, { "period", "160" }, { "support", "100" } });
        heading("recipient.section.schedule");
        schedule = table(SCHEDULE, 170, new String[][] { { "payMonth", "110" }, { "months", "230" }, { "amount", "100" } });
        heading("recipient.section.history");
        history = table(HISTORY, 120, new String[][] { { "kind", "110" }, { "effective", "105" }, { "amount", "80" },
                { "applied", "120" }, { "event", "120" }, { "detail", "300" } });

        form = new Form(content, 1);
        form.section(Messages.get("recipient.section.add"));
        form.text("add.person", Messages.get("recipient.add.person"), 12);
        form.text("add.name", Messages.get("recipient.add.name"), 14);
        form.date("add.birth", Messages.get("recipient.add.birth"));
        form.date("add.applied", Messages.get("recipient.add.applied"));
        form.choice("add.trigger", Messages.get("recipient.add.trigger"),
                Arrays.stream(ApplicationTrigger.values()).map(ApplicationTrigger::label).toArray(String[]::new));
        form.date("add.event", Messages.get("recipient.add.event"));
        new Label(form.body(), SWT.NONE);
        supported = new Button(form.body(), SWT.CHECK);
        supported.setText(Messages.get("recipient.add.supported"));
        supported.setData(UiKeys.KEY, SUPPORTED);
        new Label(form.body(), SWT.NONE);
        actions(ADD, "recipient.add", this::addChild);

        form.section(Messages.get("recipient.section.selected"));
        form.date("child.date", Messages.get("recipient.child.date"));
        form.choice("child.reason", Messages.get("recipient.child.reason"),
                Arrays.stream(ChildEndReason.values()).map(ChildEndReason::label).toArray(String[]::new));
        Composite childButtons = actions(REMOVE, "recipient.remove", this::removeChild);
        button(childButtons, CONFIRM, "recipient.confirm", this::confirmSupport);

        form.section(Messages.get("recipient.section.extinguish"));
        form.date("end.date", Messages.get("recipient.end.date"));
        form.choice("end.reason", Messages.get("recipient.end.reason"),
                Arrays.stream(ExtinctionReason.values()).map(ExtinctionReason::label).toArray(String[]::new));
        actions(EXTINGUISH, "recipient.extinguish", this::extinguish);
        relayout();
    }

    private void heading(String key) {
        Label h = new Label(content, SWT.NONE);
        h.setText(Messages.get(key));
        GridData gd = new GridData();
        gd.verticalIndent = 8;
        h.setLayoutData(gd);
    }

    private Table table(String key, int height, String[][] columns) {
        Table t = new Table(content, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setData(UiKeys.KEY, key);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.heightHint = height;
        t.setLayoutData(gd);
        for (String[] c : columns) {
            TableColumn col = new TableColumn(t, c[0].equals("amount") ? SWT.RIGHT : SWT.LEFT);
            col.setText(Messages.get(key + ".column." + c[0]));
            col.setWidth(Integer.parseInt(c[1]));
        }
        return t;
    }

    private Composite actions(String key, String text, Runnable action) {
        Composite buttons = new Composite(form.body(), SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        buttons.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 3, 1));
        button(buttons, key, text, action);
        return buttons;
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

    public void show(UUID id) {
        shown = id;
        status.setText("");
        refresh(false);
    }

    /** Reads the recipient again and shows the chosen month and fiscal year. */
    void refresh(boolean byClerk) {
        if (shown == null) {
            return;
        }
        Optional<YearMonth> month = view.parse("view.month", Parse::month, true);
        Optional<Integer> year = view.parse("view.year", Parse::fiscalYear, true);
        if (month.isEmpty() || year.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            relayout();
            return;
        }
        try {
            Optional<Recipient> r = allowance.recipient(session.operator(), shown);
            if (r.isEmpty()) {
                title.setText(Messages.get("recipient.none"));
                relayout();
                return;
            }
            recipient = r.get();
            fill(month.get(), year.get());
            if (byClerk) {
                status.setText("");
            }
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    private void fill(YearMonth month, int fiscalYear) {
        Recipient r = recipient;
        title.setText(Messages.get("recipient.heading", r.name(), r.person().value(), r.address(),
                r.active() ? Messages.get("recipients.active") : Messages.get("recipients.ended", Messages.month(r.endMonth().get()))));
        MonthlyAmount a = r.amount(month);
        summary.setText(Messages.get("recipient.summaryText", Messages.date(r.applicationDate()), r.trigger().label(),
                Messages.month(r.startMonth()), Messages.month(month), Messages.yen(a.total()), a.paidChildren())
                + r.endMonth().map(e -> Messages.get("recipient.summaryEnd", Messages.month(e),
                        r.extinctionReason().map(ExtinctionReason::label).orElse(""))).orElse(""));

        int selected = children.getSelectionIndex();
        children.removeAll();
        for (AllowanceChild c : r.children()) {
            ChildLine l = a.line(c.id().toString()).orElse(null);
            TableItem item = new TableItem(children, SWT.NONE);
            item.setData(c.id());
            item.setText(new String[] { c.name(), c.relationship(), Messages.date(c.birthDate()),
                    l == null ? "" : l.band().label(), l == null || l.order() == 0 ? "" : Messages.get("recipient.order", l.order()),
                    l == null ? "" : Messages.yen(l.amount()),
                    Messages.month(c.fromMonth()) + "〜" + c.untilMonth().map(Messages::month).orElse("")
                            + c.endReason().map(x -> "（" + x.label() + "）").orElse(""),
                    c.supportedFrom().map(s -> Messages.get("recipient.supportedFrom", Messages.month(s))).orElse("") });
        }
        if (selected >= 0 && selected < children.getItemCount()) {
            children.setSelection(selected);
        }

        schedule.removeAll();
        long sum = 0;
        for (Payment p : allowance.schedule(session.operator(), r.id(), fiscalYear)) {
            TableItem item = new TableItem(schedule, SWT.NONE);
            String months = p.months().stream().map(m -> Messages.get("recipient.schedule.month", m.month().getMonthValue(),
                    Messages.yen(m.total())))
                    .reduce((x, y) -> x + "・" + y).orElse("");
            item.setText(new String[] { Messages.month(p.payMonth()), months, Messages.yen(p.amount()) });
            sum += p.amount();
        }
        TableItem total = new TableItem(schedule, SWT.NONE);
        total.setText(new String[] { Messages.get("recipient.schedule.total", Messages.fiscalYear(fiscalYear)), "", Messages.yen(sum) });

        history.removeAll();
        for (Revision v : r.revisions()) {
            TableItem item = new TableItem(history, SWT.NONE);
            item.setText(new String[] { v.kind().label(), Messages.month(v.effectiveMonth()), Messages.yen(v.monthlyAmount()),
                    v.applicationDate().map(Messages::date).orElse(""), v.eventDate().map(Messages::date).orElse(""),
                    v.detail() });
        }
    }

    private Optional<UUID> selectedChild() {
        TableItem[] sel = children.getSelection();
        return sel.length == 1 && sel[0].getData() instanceof UUID id ? Optional.of(id) : Optional.empty();
    }

    private boolean ready() {
        if (recipient == null) {
            status.setText(Messages.get("recipient.none"));
            relayout();
            return false;
        }
        return true;
    }

    void addChild() {
        if (!ready()) {
            return;
        }
        Optional<AddresseeNumber> person = form.parse("add.person", AddresseeNumber::of, false);
        Optional<LocalDate> birth = form.parseDate("add.birth", false);
        Optional<LocalDate> applied = form.parseDate("add.applied", true);
        Optional<LocalDate> event = form.parseDate("add.event", false);
        String name = form.value("add.name");
        if (person.isEmpty() && name.isEmpty() && !form.hasErrors()) {
            form.error("add.person", Messages.get("recipient.add.who"));
        }
        if (form.hasErrors() || applied.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            relayout();
            return;
        }
        ApplicationTrigger trigger = ApplicationTrigger.values()[((Combo) form.input("add.trigger")).getSelectionIndex()];
        ChildEntry entry = person.isPresent() ? ChildEntry.resident(person.get(), supported.getSelection())
                : ChildEntry.elsewhere(name, "", birth.orElse(null), "子", supported.getSelection());
        try {
            Recipient r = allowance.addChild(session.operator(), recipient.id(), entry, applied.get(), trigger, event);
            Revision last = r.revisions().get(r.revisions().size() - 1);
            for (String k : List.of("add.person", "add.name", "add.birth", "add.applied", "add.event")) {
                form.set(k, "");
            }
            supported.setSelection(false);
            refresh(false);
            status.setText(Messages.get("recipient.added", last.kind().label(), Messages.month(last.effectiveMonth()),
                    Messages.yen(last.monthlyAmount())));
        } catch (DomainException e) {
            form.error(fieldOf(e.code(), "add"), e.getMessage(Locale.JAPANESE));
            status.setText(Messages.get("recipient.refused"));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    /** Where a refusal is shown in a section: dates by the date fields, everything about the child by the child. */
    private static String fieldOf(String code, String section) {
        if (code.startsWith("application.eventAfter") || code.startsWith("application.eventRequired")) {
            return section + ".event";
        }
        if (code.startsWith("application.") || code.equals("event.future")) {
            return section + ".applied";
        }
        return section + ".person";
    }

    void removeChild() {
        if (!ready()) {
            return;
        }
        Optional<UUID> child = selectedChild();
        Optional<LocalDate> day = form.parseDate("child.date", true);
        if (child.isEmpty() || day.isEmpty()) {
            status.setText(child.isEmpty() ? Messages.get("recipient.selectChild") : Messages.get("form.errors"));
            relayout();
            return;
        }
        ChildEndReason reason = ChildEndReason.values()[((Combo) form.input("child.reason")).getSelectionIndex()];
        try {
            Recipient r = allowance.removeChild(session.operator(), recipient.id(), child.get(), day.get(), reason);
            form.set("child.date", "");
            refresh(false);
            status.setText(r.active() ? Messages.get("recipient.removed", Messages.month(YearMonth.from(day.get()).plusMonths(1)),
                    Messages.yen(r.amount(YearMonth.from(day.get()).plusMonths(1)).total()))
                    : Messages.get("recipient.removedEnded", Messages.month(r.endMonth().orElseThrow())));
        } catch (DomainException e) {
            form.error("child.date", e.getMessage(Locale.JAPANESE));
            status.setText(Messages.get("recipient.refused"));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    void confirmSupport() {
        if (!ready()) {
            return;
        }
        Optional<UUID> child = selectedChild();
        Optional<LocalDate> day = form.parseDate("child.date", true);
        if (child.isEmpty() || day.isEmpty()) {
            status.setText(child.isEmpty() ? Messages.get("recipient.selectChild") : Messages.get("form.errors"));
            relayout();
            return;
        }
        try {
            allowance.confirmSupport(session.operator(), recipient.id(), child.get(), day.get());
            form.set("child.date", "");
            refresh(false);
            status.setText(Messages.get("recipient.confirmed"));
        } catch (DomainException e) {
            form.error("child.date", e.getMessage(Locale.JAPANESE));
            status.setText(Messages.get("recipient.refused"));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    void extinguish() {
        if (!ready()) {
            return;
        }
        Optional<LocalDate> day = form.parseDate("end.date", true);
        if (day.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            relayout();
            return;
        }
        ExtinctionReason reason = ExtinctionReason.values()[((Combo) form.input("end.reason")).getSelectionIndex()];
        try {
            Recipient r = allowance.extinguish(session.operator(), recipient.id(), day.get(), reason);
            form.set("end.date", "");
            refresh(false);
            status.setText(Messages.get("recipient.ended", Messages.month(r.endMonth().orElseThrow())));
        } catch (DomainException e) {
            form.error("end.date", e.getMessage(Locale.JAPANESE));
            status.setText(Messages.get("recipient.refused"));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    void notice() {
        if (!ready()) {
            return;
        }
        try {
            byte[] pdf = notices.notice(session.operator(), recipient.id(), RecipientsPart.today());
            new FormPreviewDialog(children.getShell(), Messages.get("recipient.notice.title", recipient.name()), pdf,
                    "児童手当通知書-" + recipient.person().value()).open();
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            relayout();
        }
    }
}
