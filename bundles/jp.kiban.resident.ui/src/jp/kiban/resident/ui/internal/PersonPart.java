package jp.kiban.resident.ui.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.resident.ChangeInfo;
import jp.kiban.resident.Household;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.SupportMeasure;
import jp.kiban.resident.SupportMeasures;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/** 住民詳細: the current items of one person, the household's members and the full 異動履歴. */
public class PersonPart {
    public static final String DESCRIPTOR = "jp.kiban.resident.ui.part.person";
    public static final String TITLE = "person.title";
    public static final String ITEMS = "person.items";
    public static final String HOUSEHOLD = "person.household";
    public static final String HISTORY = "person.history";
    /** The 支援措置 mark under the title: shown to everyone, with the reason only for supervisors. */
    public static final String SUPPORT = "person.support";
    public static final String SUPPORT_ACTION = "person.action.support";

    @Inject
    ResidentRegistry registry;
    @Inject
    Session session;
    @Inject
    PartOpener opener;
    @Inject
    MPart part;
    @Inject
    ResidentChanges changes;
    @Inject
    SupportMeasures supportMeasures;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    jp.kiban.addressee.TownDictionary dictionary;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    jp.kiban.characters.CharacterLookup lookup;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    jp.kiban.characters.CharacterRepertoire repertoire;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    jp.kiban.forms.CertificateService certificates;

    private ResidentRecord shown;
    private Household shownHousehold;
    private ResidentRecord latest;
    private Label actionStatus;
    private final java.util.List<Button> actions = new java.util.ArrayList<>();

    private Composite body;
    private Label title;
    private Label supportMark;
    private Button supportAction;
    private Table items;
    private Label householdTitle;
    private Table household;
    private Table history;

    /** Opens (or brings forward) the detail part and shows the person. */
    public static void show(PartOpener opener, AddresseeNumber number) {
        MPart p = opener.open(DESCRIPTOR);
        if (p.getObject() instanceof PersonPart detail) {
            detail.show(number);
        }
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        body = parent;
        title = new Label(parent, SWT.NONE);
        title.setData(UiKeys.KEY, TITLE);
        title.setText(Messages.get("person.none"));
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        supportMark = new Label(parent, SWT.WRAP);
        supportMark.setData(UiKeys.KEY, SUPPORT);
        supportMark.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        supportMark.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ((GridData) supportMark.getLayoutData()).exclude = true;
        supportMark.setVisible(false);

        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(12, false));
        action(bar, "move", "転居", () -> new ChangeDialogs.MoveWithin(shell(), changes, session, shown, shownHousehold,
                dictionary));
        action(bar, "moveOut", "転出", () -> new ChangeDialogs.MoveOut(shell(), changes, session, shown, shownHousehold));
        action(bar, "birth", "出生", () -> new ChangeDialogs.Birth(shell(), changes, session, shown,
                new CharacterInput(lookup, repertoire)));
        action(bar, "death", "死亡", () -> new ChangeDialogs.Death(shell(), changes, session, shown, shownHousehold));
        action(bar, "split", "世帯分離", () -> new ChangeDialogs.Split(shell(), changes, session, shown, shownHousehold));
        action(bar, "merge", "世帯合併", () -> new ChangeDialogs.Merge(shell(), changes, session, shown, shownHousehold));
        action(bar, "head", "世帯主変更", () -> new ChangeDialogs.HeadChange(shell(), changes, session, shown, shownHousehold));
        action(bar, "correct", "修正", () -> new ChangeDialogs.Correction(shell(), changes, session, shown,
                new CharacterInput(lookup, repertoire)));
        action(bar, "cancel", "取消", () -> new ChangeDialogs.Cancel(shell(), changes, session, shown, latest));
        supportAction = new Button(bar, SWT.PUSH);
        supportAction.setText(Messages.get("support.action"));
        supportAction.setData(UiKeys.KEY, SUPPORT_ACTION);
        supportAction.setEnabled(false);
        supportAction.addListener(SWT.Selection, e -> {
            if (shown == null) {
                return;
            }
            SupportMeasureDialog d = new SupportMeasureDialog(shell(), supportMeasures, session, shown);
            d.open();
            if (d.changed()) {
                show(shown.addresseeNumber());
            }
        });
        residentCopyButton(bar);
        actionStatus = new Label(bar, SWT.NONE);
        actionStatus.setData(UiKeys.KEY, "person.actionStatus");
        actionStatus.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite columns = new Composite(parent, SWT.NONE);
        columns.setLayout(new GridLayout(2, true));
        columns.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Composite left = new Composite(columns, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        left.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        heading(left, Messages.get("person.section.current"));
        items = table(left, ITEMS, new String[] { "column.item", "column.value" }, new int[] { 140, 360 });

        Composite right = new Composite(columns, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        householdTitle = heading(right, Messages.get("person.section.household", ""));
        household = table(right, HOUSEHOLD, new String[] { "column.relationship", "column.name", "column.birth",
                "column.status", "column.number" }, new int[] { 70, 140, 120, 60, 110 });
        ((GridData) household.getLayoutData()).heightHint = 120;
        heading(right, Messages.get("person.section.history"));
        history = table(right, HISTORY, new String[] { "column.history", "column.reason", "column.changeDate",
                "column.notified", "column.processed", "column.operator" }, new int[] { 60, 90, 110, 110, 110, 90 });
        household.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TableItem item && item.getData() instanceof AddresseeNumber n) {
                show(n);
            }
        });
    }

    private void action(Composite bar, String key, String label, java.util.function.Supplier<ChangeDialog> dialog) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(label);
        b.setData(UiKeys.KEY, "person.action." + key);
        b.setEnabled(false);
        b.addListener(SWT.Selection, e -> {
            ChangeDialog d = dialog.get();
            if (d.open() == org.eclipse.jface.window.Window.OK && d.result().isPresent()) {
                actionStatus.setText(Messages.get("change.registered", d.result().get().reason().label()));
                body.layout(true, true);
            }
        });
        actions.add(b);
    }

    /** 住民票の写し: options, then the preview with 印刷 and PDFで保存 (enabled like the 異動 for a person on the register). */
    private void residentCopyButton(Composite bar) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(Messages.get("person.action.residentCopy"));
        b.setData(UiKeys.KEY, "person.action.residentCopy");
        b.setEnabled(false);
        b.addListener(SWT.Selection, e -> {
            if (certificates == null) {
                actionStatus.setText(Messages.get("copy.unavailable"));
            } else if (shown != null) {
                new ResidentCopyDialog(shell(), certificates, session, shown).open();
            }
        });
        actions.add(b);
    }

    private org.eclipse.swt.widgets.Shell shell() {
        return body.getShell();
    }

    private static Label heading(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return l;
    }

    private static Table table(Composite parent, String key, String[] columns, int[] widths) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setData(UiKeys.KEY, key);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < columns.length; i++) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText(Messages.get(columns[i]));
            c.setWidth(widths[i]);
        }
        return t;
    }

    public void show(AddresseeNumber number) {
        items.removeAll();
        household.removeAll();
        history.removeAll();
        // nothing may act on the previous person while this one is not (yet) shown
        shown = null;
        for (Button b : actions) {
            b.setEnabled(false);
        }
        supportAction.setEnabled(false);
        support(Optional.empty());
        try {
            Optional<ResidentRecord> found = registry.current(session.operator(), number);
            if (found.isEmpty()) {
                title.setText(Messages.get("person.none"));
                return;
            }
            ResidentRecord r = found.get();
            shown = r;
            actionStatus.setText("");
            PersonData p = r.person();
            title.setText(p.displayName().fullName() + "（" + p.furigana().value() + "）　" + r.status().label());
            part.setLabel(p.displayName().fullName());
            support(supportMeasures.current(session.operator(), number));
            supportAction.setEnabled(session.operator().may(SupportMeasures.SUPERVISOR));
            row(Messages.get("item.addresseeNumber"), r.addresseeNumber().value());
            row(Messages.get("item.name"), p.name().fullName());
            row(Messages.get("item.furigana"), p.furigana().value());
            p.alphabetName().ifPresent(a -> row(Messages.get("item.alphabet"), a.toString()));
            p.commonName().ifPresent(c -> row(Messages.get("item.commonName"), c.fullName()));
            p.formerSurname().ifPresent(f -> row(Messages.get("item.formerSurname"), f));
            row(Messages.get("item.birth"), p.birthDate().format());
            row(Messages.get("item.sex"), p.sex().label());
            row(Messages.get("item.status"), r.status().label()
                    + r.removedOn().map(d -> "（" + wareki(d) + "）").orElse(""));
            row(Messages.get("item.householdHead"), r.householdHead().fullName());
            row(Messages.get("item.relationship"), r.relationship().label());
            row(Messages.get("item.address"), r.address().format());
            r.postalCode().ifPresent(pc -> row(Messages.get("item.postal"), pc.format()));
            row(Messages.get("item.addressSince"), wareki(r.addressSince()));
            row(Messages.get("item.becameResident"), wareki(r.becameResidentOn()));
            r.previousAddress().ifPresent(a -> row(Messages.get("item.previousAddress"), a));
            p.domicile().ifPresent(d -> row(Messages.get("item.domicile"),
                    d.registeredDomicile() + "　筆頭者 " + d.headOfFamilyRegister()));
            p.foreign().ifPresent(f -> {
                row(Messages.get("item.nationality"), f.nationality());
                row(Messages.get("item.residence"), f.category().label() + f.residenceStatus().map(s -> "　" + s).orElse("")
                        + f.periodOfStay().map(s -> "　" + s).orElse("")
                        + f.stayExpiresOn().map(d -> "（満了日 " + wareki(d) + "）").orElse(""));
            });
            if (r.individualNumberWithheld()) {
                row(Messages.get("item.individualNumber"), Messages.get("item.individualNumber.withheld"));
            } else {
                p.individualNumber().ifPresent(n -> row(Messages.get("item.individualNumber"), n.value()));
            }
            p.residentRecordCode().ifPresent(c -> row(Messages.get("item.residentRecordCode"), c.value()));

            Household h = registry.household(session.operator(), r.householdNumber());
            shownHousehold = h;
            householdTitle.setText(Messages.get("person.section.household", r.householdNumber().value()));
            for (ResidentRecord m : h.members()) {
                TableItem item = new TableItem(household, SWT.NONE);
                item.setData(m.addresseeNumber());
                item.setText(new String[] { m.relationship().label(), m.person().displayName().fullName(),
                        m.person().birthDate().format(), m.status().label(), m.addresseeNumber().value() });
            }
            List<ResidentRecord> snapshots = registry.history(session.operator(), number);
            latest = snapshots.isEmpty() ? r : snapshots.get(snapshots.size() - 1);
            boolean onRegister = r.status().onRegister();
            for (Button b : actions) {
                String key = (String) b.getData(UiKeys.KEY);
                // a removed person still gets the 除票の写し and 記載事項証明書
                b.setEnabled(onRegister || key.endsWith(".cancel") || key.endsWith(".correct")
                        || key.endsWith(".residentCopy"));
            }
            for (int i = snapshots.size() - 1; i >= 0; i--) {
                ChangeInfo c = snapshots.get(i).change();
                TableItem item = new TableItem(history, SWT.NONE);
                item.setText(new String[] { String.valueOf(snapshots.get(i).historyNumber()), c.reason().label(),
                        wareki(c.changeDate()), c.notificationDate().map(PersonPart::wareki).orElse("-"),
                        wareki(c.processedOn()), c.operatorName() });
            }
        } catch (DomainException e) {
            title.setText(e.getMessage(Locale.JAPANESE));
        }
        body.layout(true, true);
    }

    /** The 支援措置 mark: counter staff see that there is one and its period; supervisors also the reason. */
    private void support(Optional<SupportMeasure> measure) {
        GridData gd = (GridData) supportMark.getLayoutData();
        gd.exclude = measure.isEmpty();
        supportMark.setVisible(measure.isPresent());
        supportMark.setText(measure.map(m -> Messages.get(m.inForceOn(LocalDate.now()) ? "support.mark" : "support.markLater",
                period(m)) + m.reason().map(r -> Messages.get("support.markReason", r)).orElse("")).orElse(""));
    }

    static String period(SupportMeasure m) {
        return wareki(m.from()) + " ～ " + m.until().map(PersonPart::wareki).orElse("");
    }

    private void row(String item, String value) {
        new TableItem(items, SWT.NONE).setText(new String[] { item, value });
    }

    static String wareki(LocalDate d) {
        try {
            return WarekiDate.of(d).format();
        } catch (DomainException e) {
            return d.toString();
        }
    }

    Control titleControl() {
        return title;
    }
}
