package jp.kiban.healthinsurance.ui.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

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
import jp.kiban.core.DomainException;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.HouseholdSummary;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.ui.Form;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 国保世帯一覧: the households with anyone insured in the fiscal year, searched by 世帯番号, 宛名番号 or part of a
 * member's name or フリガナ. Enter searches; Enter or a double-click on a row opens the household.
 */
public class HouseholdsPart {
    public static final String DESCRIPTOR = "jp.kiban.healthinsurance.ui.part.households";
    public static final String TEXT = "form.households.text";
    public static final String YEAR = "form.households.year";
    public static final String SEARCH = "households.search";
    public static final String RESULTS = "households.results";
    public static final String STATUS = "households.status";
    static final int LIMIT = 500;

    @Inject
    HealthInsurance kokuho;
    @Inject
    Session session;
    @Inject
    PartOpener opener;

    private Form form;
    private Table table;
    private Label status;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.get("households.title"));
        form = new Form(parent, 1);
        Text text = form.text("households.text", Messages.get("households.text"), 20);
        Text year = form.text("households.year", Messages.get("households.year"), 6);
        year.setText(Integer.toString(KokuhoNotices.fiscalYearOf(today())));
        for (Text t : List.of(text, year)) {
            t.addListener(SWT.Traverse, e -> {
                if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                    e.doit = false;
                    search();
                }
            });
        }
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        Button search = new Button(buttons, SWT.PUSH);
        search.setText(Messages.get("households.search"));
        search.setData(UiKeys.KEY, SEARCH);
        search.addListener(SWT.Selection, e -> search());
        Button open = new Button(buttons, SWT.PUSH);
        open.setText(Messages.get("households.open"));
        open.addListener(SWT.Selection, e -> openSelected());

        status = new Label(parent, SWT.NONE);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData(UiKeys.KEY, RESULTS);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column("households.column.number", 105);
        column("households.column.head", 120);
        column("households.column.furigana", 150);
        column("households.column.address", 250);
        column("households.column.insured", 110);
        column("households.column.nominal", 90);
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        search();
        text.setFocus();
    }

    private void column(String key, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(Messages.get(key));
        c.setWidth(width);
    }

    @Focus
    void onFocus() {
        if (table != null && !table.isDisposed()) {
            form.input("households.text").setFocus();
        }
    }

    void openSelected() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 1 && sel[0].getData() instanceof HouseholdNumber n) {
            HouseholdPart.show(opener, n, year());
        }
    }

    int year() {
        return form.parse("households.year", Rates::fiscalYear, false)
                .orElse(KokuhoNotices.fiscalYearOf(today()));
    }

    void search() {
        java.util.Optional<Integer> year = form.parse("households.year", Rates::fiscalYear, true);
        if (form.hasErrors() || year.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            status.getParent().layout(true, true);
            return;
        }
        table.removeAll();
        try {
            List<HouseholdSummary> hits = kokuho.households(session.operator(), form.value("households.text"), year.get(),
                    LIMIT + 1);
            for (HouseholdSummary h : hits.subList(0, Math.min(LIMIT, hits.size()))) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(h.number());
                item.setText(new String[] { h.number().value(), h.headName(), h.headFurigana(), h.address(),
                        Messages.get("households.persons", h.insuredToday()),
                        h.nominalHead() ? Messages.get("households.nominal") : "" });
            }
            status.setText(hits.isEmpty() ? Messages.get("households.none", Messages.fiscalYear(year.get()))
                    : hits.size() > LIMIT ? Messages.get("households.more", LIMIT)
                            : Messages.get("households.count", Messages.fiscalYear(year.get()), hits.size()));
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
