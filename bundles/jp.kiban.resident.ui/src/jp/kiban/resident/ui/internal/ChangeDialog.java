package jp.kiban.resident.ui.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import jp.kiban.core.DomainException;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * One 異動 taken for the person shown in the detail part: a small form, then 仮登録. A refusal keeps
 * the dialog open with the message, so nothing typed is lost.
 */
abstract class ChangeDialog extends Dialog {
    static final String STATUS = "change.status";

    protected final ResidentChanges changes;
    protected final Session session;
    protected final ResidentRecord person;
    protected Form form;
    private Label status;
    private ChangeResult result;

    ChangeDialog(Shell parent, ResidentChanges changes, Session session, ResidentRecord person) {
        super(parent);
        this.changes = changes;
        this.session = session;
        this.person = person;
    }

    abstract String title();

    abstract void fields();

    /** The request from the fields, or empty if a field is refused (its message is shown). */
    abstract Optional<ChangeRequest> request();

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title() + " — " + person.person().displayName().fullName());
        shell.setData(UiKeys.KEY, "change.dialog");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label who = new Label(area, SWT.NONE);
        who.setText(person.person().displayName().fullName() + "（" + person.person().furigana().value() + "）　"
                + person.address().format());
        form = new Form(area);
        fields();
        status = new Label(area, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 520;
        status.setLayoutData(gd);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.get("change.register"), true)
                .setData(UiKeys.KEY, "change.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.get("change.cancelButton"), false)
                .setData(UiKeys.KEY, "change.cancel");
    }

    @Override
    protected void okPressed() {
        Optional<ChangeRequest> request;
        try {
            request = request();
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
            getShell().layout(true, true);
            return;
        }
        if (request.isEmpty() || form.hasErrors()) {
            status.setText(Messages.get("form.errors"));
            getShell().layout(true, true);
            return;
        }
        try {
            result = changes.register(session.operator(), request.get());
            super.okPressed();
        } catch (DomainException e) {
            status.setText(Messages.get("movein.failed", e.getMessage(Locale.JAPANESE)));
            getShell().layout(true, true);
        }
    }

    Optional<ChangeResult> result() {
        return Optional.ofNullable(result);
    }

    /** 異動日 and 届出日, both read (so both show their messages) before either is used. */
    record Dates(LocalDate change, LocalDate notified) {
    }

    Optional<Dates> dates() {
        Optional<LocalDate> change = form.parseDate("changeDate", true);
        Optional<LocalDate> notified = form.parseDate("notifiedOn", true);
        return change.isPresent() && notified.isPresent() ? Optional.of(new Dates(change.get(), notified.get()))
                : Optional.empty();
    }

    /** 届出日 defaults to today. */
    void notificationField() {
        form.date("notifiedOn", Messages.get("movein.notifiedOn"), false)
                .setText(WarekiDate.of(LocalDate.now()).formatShort());
    }
}
