package jp.kiban.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import jp.kiban.security.Users;
import jp.kiban.ui.Session;

/** ファイル → パスワードの変更. */
public class PasswordHandler {
    @Execute
    public void execute(IEclipseContext context, Session session, Shell shell) {
        Users users = context.get(Users.class);
        if (users == null || session.current().isEmpty()) {
            return;
        }
        new PasswordShell(Display.getCurrent(), shell, users, session.operator(), session.terminal(), false, () -> {
        }, () -> {
        }).open();
    }
}
