package jp.kiban.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;
import jp.kiban.platform.KibanEnvironment;

/** ヘルプ → Kiban について. */
public class AboutHandler {
    @Execute
    public void execute(@Named("activeShell") Shell shell,
            @org.eclipse.e4.core.di.annotations.Optional KibanEnvironment environment) {
        MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
        box.setText(Messages.get("about.title"));
        box.setMessage(Messages.get("about.text", environment == null ? "?" : environment.productVersion(),
                Runtime.version()));
        box.open();
    }
}
