package jp.kiban.resident.ui.internal;

import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import jp.kiban.core.DomainException;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 住民票の写し for the person shown: the clerk ticks the whole household and the items left out by
 * default, 作成 issues it (発行番号 taken) and the preview opens with 印刷 and PDFで保存. A refusal (e.g. a
 * character the form font lacks) stays in the dialog with the message.
 */
class ResidentCopyDialog extends Dialog {
    static final String STATUS = "copy.status";

    private final CertificateService certificates;
    private final Session session;
    private final ResidentRecord person;
    private Button household;
    private Button relationship;
    private Button domicile;
    private Button code;
    private Button individual;
    private Label status;

    ResidentCopyDialog(Shell parent, CertificateService certificates, Session session, ResidentRecord person) {
        super(parent);
        this.certificates = certificates;
        this.session = session;
        this.person = person;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("copy.title") + " — " + person.person().displayName().fullName());
        shell.setData(UiKeys.KEY, "copy.dialog");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label who = new Label(area, SWT.NONE);
        who.setText(person.person().displayName().fullName() + "（" + person.person().furigana().value() + "）　"
                + person.address().format());
        household = check(area, "copy.household", Messages.get("copy.household"));
        Label hint = new Label(area, SWT.NONE);
        hint.setText(Messages.get("copy.optional"));
        relationship = check(area, "copy.relationship", Messages.get("copy.relationship"));
        domicile = check(area, "copy.domicile", Messages.get("copy.domicile"));
        code = check(area, "copy.code", Messages.get("copy.code"));
        if (session.operator().may(Permission.USE_INDIVIDUAL_NUMBER)) {
            individual = check(area, "copy.individual", Messages.get("copy.individual"));
        }
        status = new Label(area, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 460;
        status.setLayoutData(gd);
        return area;
    }

    private static Button check(Composite parent, String key, String text) {
        Button b = new Button(parent, SWT.CHECK);
        b.setText(text);
        b.setData(UiKeys.KEY, key);
        return b;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.get("copy.create"), true).setData(UiKeys.KEY, "copy.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.get("change.cancelButton"), false)
                .setData(UiKeys.KEY, "copy.cancel");
    }

    @Override
    protected void okPressed() {
        ResidentCopyOptions options = household.getSelection() ? ResidentCopyOptions.wholeHousehold()
                : ResidentCopyOptions.person();
        if (relationship.getSelection()) {
            options = options.withRelationship();
        }
        if (domicile.getSelection()) {
            options = options.withDomicile();
        }
        if (code.getSelection()) {
            options = options.withResidentRecordCode();
        }
        if (individual != null && individual.getSelection()) {
            options = options.withIndividualNumber();
        }
        IssuedCertificate cert;
        try {
            cert = certificates.residentCopy(session.operator(), person.addresseeNumber(), options);
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            getShell().layout(true, true);
            return;
        }
        Shell parent = getParentShell();
        super.okPressed();
        new FormPreviewDialog(parent, Messages.get("copy.previewTitle", cert.issueNumber(),
                person.person().displayName().fullName()), cert.pdf(), "住民票の写し_" + cert.issueNumber() + ".pdf")
                .open();
    }
}
