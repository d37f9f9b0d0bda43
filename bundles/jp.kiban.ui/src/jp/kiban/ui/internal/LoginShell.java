package jp.kiban.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;


import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import jp.kiban.core.DomainException;
import jp.kiban.platform.Operator;
import jp.kiban.security.Authentication;
import jp.kiban.security.Users;
import jp.kiban.ui.UiKeys;

/**
 * The login window (and the same window as the lock screen). Not blocking: it is a plain top-level
 * shell with callbacks, so the event loop (and a UI test driving it) keeps running. Passwords live
 * in the text field only; nothing is kept after the attempt.
 */
final class LoginShell {
    interface Outcome {
        void loggedIn(Authentication.Login login);

        void quit();
    }

    private final Shell shell;
    private final Text id;
    private final Text password;
    private final Label codeLabel;
    private final Text code;
    private final Label message;
    private final Authentication auth;
    private final String terminal;
    private final Outcome outcome;
    private Font titleFont;

    /**
     * @param lockedFor the operator whose screen is locked (id fixed), or null for a fresh login
     * @param town      the municipality's name for the title line
     */
    LoginShell(Display display, Authentication auth, List<Users.DemoAccount> demo, String town, Operator lockedFor,
            String notice, String terminal, Outcome outcome) {
        this.auth = auth;
        this.terminal = terminal;
        this.outcome = outcome;
        shell = new Shell(display, SWT.TITLE | SWT.BORDER | SWT.APPLICATION_MODAL);
        shell.setData(UiKeys.KEY, UiKeys.LOGIN_SHELL);
        shell.setText(Messages.get(lockedFor == null ? "login.title" : "login.title.locked"));
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 20;
        layout.marginHeight = 16;
        layout.verticalSpacing = 8;
        shell.setLayout(layout);

        Label title = new Label(shell, SWT.NONE);
        title.setText(Messages.get("login.heading", town));
        FontData[] fd = title.getFont().getFontData();
        for (FontData f : fd) {
            f.setHeight(f.getHeight() + 4);
            f.setStyle(SWT.BOLD);
        }
        titleFont = new Font(display, fd);
        title.setFont(titleFont);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        if (notice != null) {
            Label n = new Label(shell, SWT.WRAP);
            n.setData(UiKeys.KEY, UiKeys.LOGIN_NOTICE);
            n.setText(notice);
            GridData g = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
            g.widthHint = 420;
            n.setLayoutData(g);
        }

        new Label(shell, SWT.NONE).setText(Messages.get("login.id"));
        id = new Text(shell, SWT.BORDER | SWT.SINGLE);
        id.setData(UiKeys.KEY, UiKeys.LOGIN_ID);
        id.setTextLimit(64);
        id.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (lockedFor != null) {
            id.setText(lockedFor.id()); // another user may log in instead: the open screens are closed then
        }
        new Label(shell, SWT.NONE).setText(Messages.get("login.password"));
        password = new Text(shell, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        password.setData(UiKeys.KEY, UiKeys.LOGIN_PASSWORD);
        password.setTextLimit(200);
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        codeLabel = new Label(shell, SWT.NONE);
        codeLabel.setText(Messages.get("login.code"));
        code = new Text(shell, SWT.BORDER | SWT.SINGLE);
        code.setData(UiKeys.KEY, UiKeys.LOGIN_CODE);
        code.setTextLimit(16);
        code.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        showCode(false);

        message = new Label(shell, SWT.WRAP);
        message.setData(UiKeys.KEY, UiKeys.LOGIN_MESSAGE);
        message.setForeground(display.getSystemColor(SWT.COLOR_DARK_RED));
        GridData mg = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        mg.widthHint = 420;
        message.setLayoutData(mg);

        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        Button ok = new Button(buttons, SWT.PUSH);
        ok.setData(UiKeys.KEY, UiKeys.LOGIN_OK);
        ok.setText(Messages.get(lockedFor == null ? "login.ok" : "login.unlock"));
        ok.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ok.addListener(SWT.Selection, e -> attempt());
        Button quit = new Button(buttons, SWT.PUSH);
        quit.setData(UiKeys.KEY, UiKeys.LOGIN_QUIT);
        quit.setText(Messages.get("login.quit"));
        quit.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        quit.addListener(SWT.Selection, e -> {
            close();
            outcome.quit();
        });
        shell.setDefaultButton(ok);

        if (!demo.isEmpty() && lockedFor == null) {
            Group g = new Group(shell, SWT.NONE);
            g.setData(UiKeys.KEY, UiKeys.LOGIN_DEMO);
            g.setText(Messages.get("login.demo"));
            g.setLayout(new GridLayout(3, false));
            g.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            for (Users.DemoAccount a : demo) {
                new Label(g, SWT.NONE).setText(a.id());
                new Label(g, SWT.NONE).setText(a.password());
                new Label(g, SWT.NONE).setText(a.description());
            }
        }
        if (auth == null) {
            message.setText(Messages.get("login.unavailable"));
            ok.setEnabled(false);
        }
        shell.addListener(SWT.Close, e -> {
            // closing the window is quitting, never a way past the login
            e.doit = false;
            close();
            outcome.quit();
        });
        shell.addListener(SWT.Dispose, e -> titleFont.dispose());
        shell.pack();
        var area = display.getPrimaryMonitor().getClientArea();
        var size = shell.getSize();
        shell.setLocation(area.x + (area.width - size.x) / 2, area.y + (area.height - size.y) / 3);
    }

    void open() {
        shell.open();
        (id.getText().isEmpty() ? id : password).setFocus();
    }

    private void showCode(boolean show) {
        for (var c : List.of(codeLabel, code)) {
            c.setVisible(show);
            ((GridData) (c.getLayoutData() == null ? newData(c) : c.getLayoutData())).exclude = !show;
        }
        shell.layout(true, true);
    }

    private static GridData newData(org.eclipse.swt.widgets.Control c) {
        GridData g = new GridData(SWT.FILL, SWT.CENTER, c instanceof Text, false);
        c.setLayoutData(g);
        return g;
    }

    private void attempt() {
        char[] pw = password.getTextChars();
        try {
            Authentication.Login login = auth.login(id.getText(), pw, code.getVisible() ? code.getText() : null, terminal);
            close();
            outcome.loggedIn(login);
        } catch (DomainException e) {
            if ("login.secondFactorRequired".equals(e.code())) {
                showCode(true);
                message.setText(e.getMessage(Locale.JAPANESE));
                shell.pack();
                code.setFocus();
                return;
            }
            message.setText(e.getMessage(Locale.JAPANESE));
            password.setText("");
            code.setText("");
            password.setFocus();
            shell.layout(true, true);
        } catch (RuntimeException e) {
            System.getLogger(LoginShell.class.getName()).log(System.Logger.Level.ERROR, "Login failed: " + e.getMessage(), e);
            message.setText(Messages.get("login.error"));
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    private void close() {
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

}
