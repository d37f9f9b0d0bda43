package jp.kiban.resident.ui.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

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
import jp.kiban.core.date.WarekiDate;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.SupportMeasure;
import jp.kiban.resident.SupportMeasures;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 支援措置 of the person shown, for a supervisor: set (or replace) it with its reason and period, or clear
 * it with a note. A refusal keeps the dialog open with the message, so nothing typed is lost.
 */
final class SupportMeasureDialog extends Dialog {
    static final String STATUS = "support.status";
    static final String CURRENT = "support.current";
    static final int CLEAR_ID = IDialogConstants.CLIENT_ID + 1;

    private final SupportMeasures measures;
    private final Session session;
    private final ResidentRecord person;
    private Form form;
    private Label status;
    private boolean changed;

    SupportMeasureDialog(Shell parent, SupportMeasures measures, Session session, ResidentRecord person) {
        super(parent);
        this.measures = measures;
        this.session = session;
        this.person = person;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("support.dialog") + " — " + person.person().displayName().fullName());
        shell.setData(UiKeys.KEY, "support.dialog");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label current = new Label(area, SWT.WRAP);
        current.setData(UiKeys.KEY, CURRENT);
        Optional<SupportMeasure> m = measures.current(session.operator(), person.addresseeNumber());
        current.setText(m.map(s -> Messages.get("support.current", PersonPart.period(s), s.reason().orElse("")))
                .orElse(Messages.get("support.currentNone")));
        GridData cd = new GridData(SWT.FILL, SWT.TOP, true, false);
        cd.widthHint = 520;
        current.setLayoutData(cd);
        form = new Form(area);
        form.section(Messages.get("support.section.set"));
        form.text("reason", Messages.get("support.reason"), 40);
        form.date("from", Messages.get("support.from"), false).setText(WarekiDate.of(LocalDate.now()).formatShort());
        form.date("until", Messages.get("support.until"), false);
        form.section(Messages.get("support.section.clear"));
        form.text("note", Messages.get("support.note"), 40);
        status = new Label(area, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 520;
        status.setLayoutData(gd);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.get("support.set"), true).setData(UiKeys.KEY, "support.ok");
        Button clear = createButton(parent, CLEAR_ID, Messages.get("support.clear"), false);
        clear.setData(UiKeys.KEY, "support.clearButton");
        clear.setEnabled(measures.current(session.operator(), person.addresseeNumber()).isPresent());
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.get("change.cancelButton"), false)
                .setData(UiKeys.KEY, "support.cancel");
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == CLEAR_ID) {
            clearPressed();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        form.clearError("note");
        Optional<String> reason = form.required("reason");
        Optional<LocalDate> from = form.parseDate("from", true);
        Optional<LocalDate> until = form.parseDate("until", false);
        if (reason.isEmpty() || from.isEmpty() || form.hasErrors()) {
            refused(Messages.get("form.errors"));
            return;
        }
        try {
            measures.set(session.operator(), person.addresseeNumber(), reason.get(), from.get(), until.orElse(null));
            changed = true;
            super.okPressed();
        } catch (DomainException e) {
            refused(e.getMessage(Locale.JAPANESE));
        }
    }

    private void clearPressed() {
        Optional<String> note = form.required("note");
        if (note.isEmpty()) {
            refused(Messages.get("form.errors"));
            return;
        }
        try {
            measures.clear(session.operator(), person.addresseeNumber(), note.get());
            changed = true;
            setReturnCode(OK);
            close();
        } catch (DomainException e) {
            refused(e.getMessage(Locale.JAPANESE));
        }
    }

    private void refused(String message) {
        status.setText(message);
        getShell().layout(true, true);
    }

    /** Whether the measure was set or cleared. */
    boolean changed() {
        return changed;
    }
}
