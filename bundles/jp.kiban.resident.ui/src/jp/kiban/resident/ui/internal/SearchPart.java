package jp.kiban.resident.ui.internal;

import java.util.Locale;

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
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.ResidentRecordCode;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ResidentQuery;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.SearchResult;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 住民検索: by フリガナ or kanji name (partial), birth date (和暦 or 西暦), address or 宛名番号. Enter in
 * any field searches; Enter or a double-click on a hit opens the person.
 */
public class SearchPart {
    public static final String RESULTS = "search.results";
    public static final String STATUS = "search.status";
    public static final String BUTTON = "search.button";
    public static final String LABELS = "search.labels";
    private static final String[] KEYS = { "search.name", "search.birth", "search.address", "search.number",
            "search.code" };
    private static final String[] KEYS_WITH_INDIVIDUAL = { "search.name", "search.birth", "search.address",
            "search.number", "search.code", "search.individual" };

    @Inject
    ResidentRegistry registry;
    @Inject
    Session session;
    @Inject
    PartOpener opener;

    private Form form;
    private Table table;
    private Label status;
    private Button includeRemoved;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        form = new Form(parent);
        Text name = form.text("search.name", Messages.get("search.name"), 20);
        form.date("search.birth", Messages.get("search.birth"), true);
        form.text("search.address", Messages.get("search.address"), 20);
        form.text("search.number", Messages.get("search.number"), 12);
        form.text("search.code", Messages.get("search.code"), 12);
        // the 個人番号 field exists only for operators of マイナンバー利用事務 (the service checks again)
        boolean mayUseIndividualNumber = session.operator().may(Permission.USE_INDIVIDUAL_NUMBER);
        if (mayUseIndividualNumber) {
            form.text("search.individual", Messages.get("search.individual"), 14);
        }
        for (String key : mayUseIndividualNumber ? KEYS_WITH_INDIVIDUAL : KEYS) {
            // in the search form Enter searches (the other forms move on with Enter)
            form.input(key).addListener(SWT.Traverse, e -> {
                if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                    e.doit = false;
                    search();
                }
            });
        }
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(4, false));
        includeRemoved = new Button(buttons, SWT.CHECK);
        includeRemoved.setText(Messages.get("search.removed"));
        Button search = new Button(buttons, SWT.PUSH);
        search.setText(Messages.get("search.button"));
        search.setData(UiKeys.KEY, BUTTON);
        search.addListener(SWT.Selection, e -> search());
        Button clear = new Button(buttons, SWT.PUSH);
        clear.setText(Messages.get("search.clear"));
        clear.addListener(SWT.Selection, e -> {
            for (String key : form.input("search.individual") == null ? KEYS : KEYS_WITH_INDIVIDUAL) {
                ((Text) form.input(key)).setText("");
            }
            table.removeAll();
            status.setText("");
            name.setFocus();
        });

        Button labels = new Button(buttons, SWT.PUSH);
        labels.setText(Messages.get("search.labels"));
        labels.setData(UiKeys.KEY, LABELS);
        labels.addListener(SWT.Selection, e -> labels());

        status = new Label(parent, SWT.NONE);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setData(UiKeys.KEY, RESULTS);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column("column.number", 110);
        column("column.name", 160);
        column("column.furigana", 180);
        column("column.birth", 130);
        column("column.sex", 50);
        column("column.address", 280);
        column("column.status", 80);
        table.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TableItem item && item.getData() instanceof AddresseeNumber n) {
                PersonPart.show(opener, n);
            }
        });
        name.setFocus();
    }

    private void column(String key, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(Messages.get(key));
        c.setWidth(width);
    }

    /** 宛名ラベル for the selected rows or every row shown. */
    void labels() {
        java.util.List<AddresseeNumber> all = new java.util.ArrayList<>();
        for (TableItem item : table.getItems()) {
            all.add((AddresseeNumber) item.getData());
        }
        java.util.List<AddresseeNumber> selected = new java.util.ArrayList<>();
        for (TableItem item : table.getSelection()) {
            selected.add((AddresseeNumber) item.getData());
        }
        if (all.isEmpty()) {
            status.setText(Messages.get("search.labels.empty"));
            status.getParent().layout(true, true);
            return;
        }
        // looked up when asked for, highest service ranking first
        java.util.Optional<jp.kiban.forms.LabelService> service = Services.highest(SearchPart.class,
                jp.kiban.forms.LabelService.class);
        if (service.isEmpty()) {
            status.setText(Messages.get("search.labels.unavailable"));
            status.getParent().layout(true, true);
            return;
        }
        new jp.kiban.forms.ui.LabelRunDialog(table.getShell(), service.get(), session.operator(), selected, all).open();
    }

    void search() {
        ResidentQuery.Builder q = ResidentQuery.builder().includeRemoved(includeRemoved.getSelection());
        form.optional("search.name").ifPresent(q::name);
        form.optional("search.address").ifPresent(q::address);
        form.parse("search.birth", jp.kiban.core.date.RecordedDate::parse, false).ifPresent(q::birthDate);
        form.parse("search.number", AddresseeNumber::of, false).ifPresent(q::addresseeNumber);
        form.parse("search.code", ResidentRecordCode::of, false).ifPresent(q::residentRecordCode);
        if (form.input("search.individual") != null) {
            form.parse("search.individual", IndividualNumber::of, false).ifPresent(q::individualNumber);
        }
        if (form.hasErrors()) {
            return;
        }
        ResidentQuery query = q.build();
        table.removeAll();
        if (!query.hasCriteria()) {
            status.setText(Messages.get("search.nocriteria"));
            return;
        }
        try {
            SearchResult result = registry.search(session.operator(), query);
            for (ResidentRecord r : result.hits()) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(r.addresseeNumber());
                item.setText(new String[] { r.addresseeNumber().value(), r.person().displayName().fullName(),
                        r.person().furigana().value(), r.person().birthDate().format(), r.person().sex().label(),
                        r.address().format(), r.status().label() });
            }
            status.setText(result.hits().isEmpty() ? Messages.get("search.none")
                    : result.more() ? Messages.get("search.more", result.hits().size())
                            : Messages.get("search.count", result.hits().size()));
            if (!result.hits().isEmpty()) {
                table.setSelection(0);
                table.setFocus();
            }
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        }
        status.getParent().layout(true, true);
    }
}
