package jp.kiban.resident.ui.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import jp.kiban.core.DomainException;
import jp.kiban.forms.CertificateKind;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.forms.StatedItem;
import jp.kiban.forms.StatedItemsOptions;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * A certificate for the person shown: 住民票の写し (除票の写し for a removed person), 記載事項証明書, or the 転出証明書
 * after a 転出届. The clerk ticks the whole household and the items left out by default, 作成 issues it
 * (発行番号 taken) and the preview opens with 印刷 and PDFで保存. A refusal (a 支援措置, a character the form font
 * lacks …) stays in the dialog with the message and nothing ticked is lost.
 */
class ResidentCopyDialog extends Dialog {
    static final String STATUS = "copy.status";
    static final String KIND = "copy.kind";

    private final CertificateService certificates;
    private final Session session;
    private final ResidentRecord person;
    private final List<CertificateKind> kinds = new ArrayList<>();
    private Combo kind;
    private Button household;
    private Button relationship;
    private Button domicile;
    private Button code;
    private Button individual;
    private Button furigana;
    private Button history;
    private Button becameResident;
    private Button addressSince;
    private Button notification;
    private Label status;

    ResidentCopyDialog(Shell parent, CertificateService certificates, Session session, ResidentRecord person) {
        super(parent);
        this.certificates = certificates;
        this.session = session;
        this.person = person;
        boolean removed = person.status() == ResidentStatus.REMOVED;
        kinds.add(removed ? CertificateKind.REMOVED_RESIDENT_COPY : CertificateKind.RESIDENT_COPY);
        kinds.add(removed ? CertificateKind.REMOVED_STATED_ITEMS : CertificateKind.STATED_ITEMS);
        if (person.change().reason() == ChangeReason.DOMESTIC_MOVE_OUT) {
            kinds.add(CertificateKind.MOVE_OUT);
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("copy.dialogTitle") + " — " + person.person().displayName().fullName());
        shell.setData(UiKeys.KEY, "copy.dialog");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label who = new Label(area, SWT.NONE);
        who.setText(person.person().displayName().fullName() + "（" + person.person().furigana().value() + "）　"
                + person.address().format());
        kind = new Combo(area, SWT.DROP_DOWN | SWT.READ_ONLY);
        kind.setData(UiKeys.KEY, KIND);
        kind.setItems(kinds.stream().map(CertificateKind::label).toArray(String[]::new));
        kind.select(0);
        kind.addListener(SWT.Selection, e -> enable());
        household = check(area, "copy.household", Messages.get("copy.household"));
        Label hint = new Label(area, SWT.NONE);
        hint.setText(Messages.get("copy.optional"));
        relationship = check(area, "copy.relationship", Messages.get("copy.relationship"));
        domicile = check(area, "copy.domicile", Messages.get("copy.domicile"));
        code = check(area, "copy.code", Messages.get("copy.code"));
        if (session.operator().may(Permission.USE_INDIVIDUAL_NUMBER)) {
            individual = check(area, "copy.individual", Messages.get("copy.individual"));
        }
        furigana = check(area, "copy.furigana", Messages.get("copy.furigana"));
        history = check(area, "copy.history", Messages.get("copy.history"));
        becameResident = check(area, "copy.becameResident", Messages.get("copy.becameResident"));
        addressSince = check(area, "copy.addressSince", Messages.get("copy.addressSince"));
        notification = check(area, "copy.notification", Messages.get("copy.notification"));
        status = new Label(area, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 460;
        status.setLayoutData(gd);
        enable();
        return area;
    }

    private static Button check(Composite parent, String key, String text) {
        Button b = new Button(parent, SWT.CHECK);
        b.setText(text);
        b.setData(UiKeys.KEY, key);
        return b;
    }

    /** What each kind can choose: the copy always has the stated items; a 転出証明書 has fixed items. */
    private void enable() {
        CertificateKind k = selected();
        boolean copy = k == CertificateKind.RESIDENT_COPY || k == CertificateKind.REMOVED_RESIDENT_COPY;
        boolean stated = k == CertificateKind.STATED_ITEMS || k == CertificateKind.REMOVED_STATED_ITEMS;
        for (Button b : new Button[] { household, relationship, domicile, code, individual, furigana }) {
            if (b != null) {
                b.setEnabled(copy || stated);
            }
        }
        history.setEnabled(copy);
        for (Button b : new Button[] { becameResident, addressSince, notification }) {
            b.setEnabled(stated);
        }
    }

    private CertificateKind selected() {
        return kinds.get(Math.max(0, kind.getSelectionIndex()));
    }

    private static boolean on(Button b) {
        return b != null && b.isEnabled() && b.getSelection();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.get("copy.create"), true).setData(UiKeys.KEY, "copy.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.get("change.cancelButton"), false)
                .setData(UiKeys.KEY, "copy.cancel");
    }

    @Override
    protected void okPressed() {
        CertificateKind k = selected();
        // what the options ask for, captured now: the dialog is gone when the clerk issues from the preview
        java.util.function.Supplier<IssuedCertificate> request = request(k);
        IssuedCertificate draft;
        try {
            draft = certificates.draft(request);
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            getShell().layout(true, true);
            return;
        }
        Shell parent = getParentShell();
        super.okPressed();
        String title = k.label();
        String name = person.person().displayName().fullName();
        // 標準仕様書 / issue #4: the form is previewed inside the client before it is issued
        FormPreviewDialog preview = new FormPreviewDialog(parent, Messages.get("copy.draftTitle", name, title), draft.pdf(),
                title + "_draft.pdf");
        preview.setDraft(true);
        if (preview.open() != FormPreviewDialog.ISSUE_CODE) {
            return;
        }
        IssuedCertificate cert;
        try {
            cert = request.get();
        } catch (DomainException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(parent, Messages.get("copy.dialogTitle"),
                    e.getMessage(Locale.JAPANESE));
            return;
        }
        new FormPreviewDialog(parent, Messages.get("copy.previewTitle", cert.issueNumber(), name, title), cert.pdf(),
                title + "_" + cert.issueNumber() + ".pdf").open();
    }

    private java.util.function.Supplier<IssuedCertificate> request(CertificateKind k) {
        var operator = session.operator();
        var number = person.addresseeNumber();
        return switch (k) {
            case RESIDENT_COPY -> {
                ResidentCopyOptions o = copy();
                yield () -> certificates.residentCopy(operator, number, o);
            }
            case REMOVED_RESIDENT_COPY -> {
                ResidentCopyOptions o = copy();
                yield () -> certificates.removedResidentCopy(operator, number, o);
            }
            case STATED_ITEMS, REMOVED_STATED_ITEMS -> {
                StatedItemsOptions o = stated();
                yield () -> certificates.statedItems(operator, number, o);
            }
            case MOVE_OUT -> () -> certificates.moveOutCertificate(operator, number);
        };
    }

    private ResidentCopyOptions copy() {
        ResidentCopyOptions options = on(household) ? ResidentCopyOptions.wholeHousehold()
                : ResidentCopyOptions.person();
        if (on(relationship)) {
            options = options.withRelationship();
        }
        if (on(domicile)) {
            options = options.withDomicile();
        }
        if (on(code)) {
            options = options.withResidentRecordCode();
        }
        if (on(individual)) {
            options = options.withIndividualNumber();
        }
        if (on(furigana)) {
            options = options.withFurigana();
        }
        if (on(history)) {
            options = options.withHistory();
        }
        return options;
    }

    private StatedItemsOptions stated() {
        Set<StatedItem> items = EnumSet.noneOf(StatedItem.class);
        if (on(relationship)) {
            items.add(StatedItem.RELATIONSHIP);
        }
        if (on(domicile)) {
            items.add(StatedItem.DOMICILE);
        }
        if (on(code)) {
            items.add(StatedItem.RESIDENT_RECORD_CODE);
        }
        if (on(individual)) {
            items.add(StatedItem.INDIVIDUAL_NUMBER);
        }
        if (on(furigana)) {
            items.add(StatedItem.FURIGANA);
        }
        if (on(becameResident)) {
            items.add(StatedItem.BECAME_RESIDENT);
        }
        if (on(addressSince)) {
            items.add(StatedItem.ADDRESS_SINCE);
        }
        if (on(notification)) {
            items.add(StatedItem.NOTIFICATION);
        }
        return new StatedItemsOptions(on(household), List.of(), items);
    }
}
