package jp.kiban.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A modal question before something that cannot be undone lightly (災害モード, replacing the database): the message,
 * a button that says what will happen and one that cancels (the default). Built from SWT widgets with stable keys
 * ({@link #SHELL}, {@link #MESSAGE}, {@link #OK}, {@link #CANCEL}), so that UI tests drive it like a person.
 */
public final class ConfirmDialog {
    public static final String SHELL = "confirm.shell";
    public static final String MESSAGE = "confirm.message";
    public static final String OK = "confirm.ok";
    public static final String CANCEL = "confirm.cancel";

    private ConfirmDialog() {
    }

    /**
     * Asks and waits for the answer (runs a nested event loop on the UI thread).
     *
     * @return true when the person chose {@code okLabel}
     */
    public static boolean ask(Shell parent, String title, String message, String okLabel, String cancelLabel) {
        Shell shell = new Shell(parent, SWT.TITLE | SWT.BORDER | SWT.APPLICATION_MODAL);
        shell.setData(UiKeys.KEY, SHELL);
        shell.setText(title);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 20;
        layout.marginHeight = 16;
        layout.verticalSpacing = 14;
        shell.setLayout(layout);
        Label text = new Label(shell, SWT.WRAP);
        text.setData(UiKeys.KEY, MESSAGE);
        text.setText(message);
        GridData tg = new GridData(SWT.FILL, SWT.CENTER, true, false);
        tg.widthHint = 460;
        text.setLayoutData(tg);
        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        boolean[] answer = { false };
        Button ok = new Button(buttons, SWT.PUSH);
        ok.setData(UiKeys.KEY, OK);
        ok.setText(okLabel);
        ok.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ok.addListener(SWT.Selection, e -> {
            answer[0] = true;
            shell.close();
        });
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setData(UiKeys.KEY, CANCEL);
        cancel.setText(cancelLabel);
        cancel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel.addListener(SWT.Selection, e -> shell.close());
        shell.setDefaultButton(cancel);
        shell.pack();
        if (parent != null) {
            var p = parent.getBounds();
            var s = shell.getSize();
            shell.setLocation(p.x + (p.width - s.x) / 2, p.y + (p.height - s.y) / 3);
        }
        shell.open();
        Display display = shell.getDisplay();
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        return answer[0];
    }
}
