package jp.kiban.childallowance.ui.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.RecipientSummary;
import jp.kiban.core.DomainException;
import jp.kiban.ui.Form;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 児童手当 受給者一覧: recipients searched by 宛名番号 (of the recipient or a child) or part of a name or フリガナ, with the
 * number of children paid for and the 手当月額 of a chosen month. Enter searches; Enter or a double-click opens the
 * recipient; 認定請求 opens the application form.
 */
public class RecipientsPart {
    public static final String DESCRIPTOR = "jp.kiban.childallowance.ui.part.recipients";
    public static final String SEARCH = "recipients.search";
    public static final String NEW = "recipients.new";
    public static final String EXTINCT = "recipients.extinct";
    public static final String RESULTS = "recipients.results";
    public static final String STATUS = "recipients.status";
    static final int LIMIT = 500;

    @Inject
    ChildAllowance allowance;
    @Inject
    Session session;
    @Inject
    PartOpener opener;

    private Form form;
    private Button extinct;
    private Table table;
    private Label status;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.get("recipients.title"));
        form = new Form(parent, 1);
        Text text = form.text("recipients.text", Messages.get("recipients.text"), 20);
        Text month = form.text("recipients.month", Messages.get("recipients.month"), 10);
        month.setText(Messages.month(YearMonth.from(today())));
        for (Text t : List.of(text, month)) {
            t.addListener(SWT.Traverse, e -> {
                if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                    e.doit = false;
                    search();
                }
            });
        }
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(4, false));
        extinct = new Button(buttons, SWT.CHECK);
        extinct.setText(Messages.get("recipients.extinct"));
        extinct.setData(UiKeys.KEY, EXTINCT);
        Button search = new Button(buttons, SWT.PUSH);
        search.setText(Messages.get("recipients.search"));
        search.setData(UiKeys.KEY, SEARCH);
        search.addListener(SWT.Selection, e -> search());
        Button open = new Button(buttons, SWT.PUSH);
        open.setText(Messages.get("recipients.open"));
        open.addListener(SWT.Selection, e -> openSelected());
        Button apply = new Button(buttons, SWT.PUSH);
        apply.setText(Messages.get("recipients.new"));
        apply.setData(UiKeys.KEY, NEW);
        apply.addListener(SWT.Selection, e -> opener.open(ApplicationPart.DESCRIPTOR));

        status = new Label(parent, SWT.NONE);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData(UiKeys.KEY, RESULTS);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] c : new String[][] { { "number", "105" }, { "name", "100" }, { "furigana", "110" }, { "address", "170" },
                { "children", "65" }, { "amount", "80" }, { "start", "100" }, { "state", "120" } }) {
            TableColumn col = new TableColumn(table, c[0].equals("amount") || c[0].equals("children") ? SWT.RIGHT : SWT.LEFT);
            col.setText(Messages.get("recipients.column." + c[0]));
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        search();
        text.setFocus();
    }

    @Focus
    void onFocus() {
        if (table != null && !table.isDisposed()) {
            form.input("recipients.text").setFocus();
        }
    }

    void openSelected() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 1 && sel[0].getData() instanceof UUID id) {
            RecipientPart.show(opener, id);
        }
    }

    void search() {
        Optional<YearMonth> month = form.parse("recipients.month", Parse::month, true);
        if (form.hasErrors() || month.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            status.getParent().layout(true, true);
            return;
        }
        table.removeAll();
        try {
            List<RecipientSummary> hits = allowance.recipients(session.operator(), form.value("recipients.text"),
                    extinct.getSelection(), month.get(), LIMIT + 1);
            long total = 0;
            for (RecipientSummary s : hits.subList(0, Math.min(LIMIT, hits.size()))) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(s.id());
                item.setText(new String[] { s.person().value(), s.name(), s.furigana(), s.address(),
                        Messages.get("recipients.persons", s.paidChildren()), Messages.yen(s.monthlyAmount()),
                        Messages.month(s.startMonth()),
                        s.endMonth().map(e -> Messages.get("recipients.ended", Messages.month(e))).orElse(Messages.get("recipients.active")) });
                total += s.monthlyAmount();
            }
            status.setText(hits.isEmpty() ? Messages.get("recipients.none")
                    : hits.size() > LIMIT ? Messages.get("recipients.more", LIMIT)
                            : Messages.get("recipients.count", Messages.month(month.get()), hits.size(), Messages.yen(total)));
            if (!hits.isEmpty()) {
                table.setSelection(0);
            }
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        status.getParent().layout(true, true);
    }
}
