package jp.kiban.residenttax.ui.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.ui.Form;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 住民税 課税対象者一覧: the taxpayers of a tax year (the residents of 1 January and the 住登外 taxpayers), searched by
 * 宛名番号 or part of the name or フリガナ. 課税対象者の抽出 reads the register again. Enter searches; Enter or a
 * double-click on a row opens the taxpayer.
 */
public class TaxpayersPart {
    public static final String DESCRIPTOR = "jp.kiban.residenttax.ui.part.taxpayers";
    public static final String SEARCH = "taxpayers.search";
    public static final String EXTRACT = "taxpayers.extract";
    public static final String RESULTS = "taxpayers.results";
    public static final String STATUS = "taxpayers.status";
    static final int LIMIT = 500;

    @Inject
    ResidentTax tax;
    @Inject
    Session session;
    @Inject
    PartOpener opener;

    private Form form;
    private Table table;
    private Label status;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.get("taxpayers.title"));
        form = Texts.form(parent);
        Text text = form.text("taxpayers.text", Messages.get("taxpayers.text"), 20);
        Text year = form.text("taxpayers.year", Messages.get("taxpayers.year"), 6);
        year.setText(Integer.toString(Texts.currentYear()));
        for (Text t : List.of(text, year)) {
            t.addListener(SWT.Traverse, e -> {
                if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                    e.doit = false;
                    search();
                }
            });
        }
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(3, false));
        button(buttons, SEARCH, "taxpayers.search", this::search);
        button(buttons, "taxpayers.open", "taxpayers.open", this::openSelected);
        button(buttons, EXTRACT, "taxpayers.extract", this::extract);

        status = new Label(parent, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData(UiKeys.KEY, RESULTS);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column("taxpayers.column.number", 105);
        column("taxpayers.column.name", 120);
        column("taxpayers.column.furigana", 150);
        column("taxpayers.column.kind", 90);
        column("taxpayers.column.address", 280);
        column("taxpayers.column.lives", 90);
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        search();
        text.setFocus();
    }

    private static void button(Composite parent, String key, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(Messages.get(text));
        b.setData(UiKeys.KEY, key);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void column(String key, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(Messages.get(key));
        c.setWidth(width);
    }

    @Focus
    void onFocus() {
        if (table != null && !table.isDisposed()) {
            form.input("taxpayers.text").setFocus();
        }
    }

    void openSelected() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 1 && sel[0].getData() instanceof AddresseeNumber n) {
            year().ifPresent(y -> TaxpayerPart.show(opener, n, y));
        }
    }

    private Optional<Integer> year() {
        return form.parse("taxpayers.year", Texts::taxYear, true);
    }

    void extract() {
        Optional<Integer> year = year();
        if (year.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            status.getParent().layout(true, true);
            return;
        }
        try {
            int n = tax.extractTaxpayers(session.operator(), year.get());
            search();
            status.setText(Messages.get("taxpayers.extracted", Messages.taxYear(year.get()), n,
                    Texts.date(ResidentTax.assessmentDate(year.get()))));
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        status.getParent().layout(true, true);
    }

    void search() {
        Optional<Integer> year = year();
        if (form.hasErrors() || year.isEmpty()) {
            status.setText(Messages.get("form.errors"));
            status.getParent().layout(true, true);
            return;
        }
        table.removeAll();
        try {
            List<Taxpayer> hits = tax.taxpayers(session.operator(), year.get(), form.value("taxpayers.text"), LIMIT + 1);
            for (Taxpayer t : hits.subList(0, Math.min(LIMIT, hits.size()))) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(t.person());
                item.setText(new String[] { t.person().value(), t.name(), t.furigana(), t.kind().label(), t.address(),
                        t.livesInTown() ? "" : Messages.get("taxpayers.left") });
            }
            status.setText(hits.isEmpty() ? Messages.get("taxpayers.none", Messages.taxYear(year.get()))
                    : hits.size() > LIMIT ? Messages.get("taxpayers.more", LIMIT)
                            : Messages.get("taxpayers.count", Messages.taxYear(year.get()), hits.size()));
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
