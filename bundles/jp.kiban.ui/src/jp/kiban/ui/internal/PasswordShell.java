package jp.kiban.ui.internal;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import jp.kiban.core.DomainException;
import jp.kiban.platform.Operator;
import jp.kiban.security.Users;
import jp.kiban.ui.UiKeys;

/**
 * Changing one's own password: after a login with an initial password (then it cannot be skipped) or
 * from the menu. Not blocking, like {@link LoginShell}.
 */
final class PasswordShell {
    private final Shell shell;
    private final Text current;
    private final Text next;
    private final Text repeat;
    private final Label message;

    /**
     * @param forced  after a login with an initial password: cancelling quits
     * @param done    runs after the change (or after cancelling when not forced)
     * @param cancel  runs when a forced change is cancelled
     */
    PasswordShell(Display display, Shell parent, Users users, Operator operator, String terminal, boolean forced,
            Runnable done, Runnable cancel) {
        shell = parent == null ? new Shell(display, SWT.TITLE | SWT.BORDER | SWT.APPLICATION_MODAL)
                : new Shell(parent, SWT.TITLE | SWT.BORDER | SWT.APPLICATION_MODAL);
        shell.setData(UiKeys.KEY, UiKeys.PASSWORD_SHELL);
        shell.setText(Messages.get("password.title"));
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 20;
        layout.marginHeight = 16;
        shell.setLayout(layout);
        Label intro = new Label(shell, SWT.WRAP);
        intro.setText(Messages.get(forced ? "password.forced" : "password.intro", operator.id(), operator.name()));
        GridData ig = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        ig.widthHint = 420;
        intro.setLayoutData(ig);
        current = field("password.current", UiKeys.PASSWORD_CURRENT);
        next = field("password.new", UiKeys.PASSWORD_NEW);
        repeat = field("password.repeat", UiKeys.PASSWORD_REPEAT);
        message = new Label(shell, SWT.WRAP);
        message.setData(UiKeys.KEY, UiKeys.PASSWORD_MESSAGE);
        message.setForeground(display.getSystemColor(SWT.COLOR_DARK_RED));
        GridData mg = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        mg.widthHint = 420;
        message.setLayoutData(mg);
        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        Button ok = new Button(buttons, SWT.PUSH);
        ok.setData(UiKeys.KEY, UiKeys.PASSWORD_OK);
        ok.setText(Messages.get("password.ok"));
        ok.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button no = new Button(buttons, SWT.PUSH);
        no.setData(UiKeys.KEY, UiKeys.PASSWORD_CANCEL);
        no.setText(Messages.get(forced ? "login.quit" : "password.cancel"));
        no.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        shell.setDefaultButton(ok);
        ok.addListener(SWT.Selection, e -> {
            char[] a = current.getTextChars();
            char[] b = next.getTextChars();
            char[] c = repeat.getTextChars();
            try {
                if (!Arrays.equals(b, c)) {
                    message.setText(Messages.get("password.differ"));
                    return;
                }
                users.changePassword(operator.id(), a, b, terminal);
                shell.dispose();
                done.run();
            } catch (DomainException ex) {
                message.setText(ex.getMessage(Locale.JAPANESE));
                shell.layout(true, true);
            } finally {
                Arrays.fill(a, '\0');
                Arrays.fill(b, '\0');
                Arrays.fill(c, '\0');
            }
        });
        Runnable cancelled = () -> {
            shell.dispose();
            (forced ? cancel : done).run();
        };
        no.addListener(SWT.Selection, e -> cancelled.run());
        shell.addListener(SWT.Close, e -> {
            e.doit = false;
            cancelled.run();
        });
        shell.pack();
        var area = display.getPrimaryMonitor().getClientArea();
        var size = shell.getSize();
        shell.setLocation(area.x + (area.width - size.x) / 2, area.y + (area.height - size.y) / 3);
    }

    private Text field(String label, String key) {
        new Label(shell, SWT.NONE).setText(Messages.get(label));
        Text t = new Text(shell, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        t.setData(UiKeys.KEY, key);
        t.setTextLimit(200);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    void open() {
        shell.open();
        current.setFocus();
    }
}
