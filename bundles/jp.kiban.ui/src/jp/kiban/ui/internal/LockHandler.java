package jp.kiban.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;

/** ファイル → 画面をロック (Ctrl+L): leaving the desk. */
public class LockHandler {
    @Execute
    public void execute(IEclipseContext context) {
        LoginAddon addon = context.get(LoginAddon.class);
        if (addon != null) {
            addon.lock(Messages.get("lock.manual"));
        }
    }
}
