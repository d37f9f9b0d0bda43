package jp.kiban.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jp.kiban.platform.ConnectionStatus;
import jp.kiban.ui.UiKeys;

/**
 * The 災害モード banner across the top of the main window: while the administrator has switched the terminal to
 * disaster mode, whatever screen is open, it says that the counter works on this terminal's copy and how current
 * that copy is (the last successful pull). Its trim bar is hidden otherwise.
 */
public class DisasterBanner {

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ConnectionStatus connection;
    @Inject
    MToolControl self;

    private Composite bar;
    private Label headline;
    private Label detail;
    private Font bold;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        bar = new Composite(parent, SWT.NONE);
        Color background = new Color(0xB0, 0x1E, 0x1E);
        Color foreground = new Color(0xFF, 0xFF, 0xFF);
        bar.setBackground(background);
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = 6;
        layout.marginWidth = 12;
        layout.verticalSpacing = 2;
        bar.setLayout(layout);
        headline = new Label(bar, SWT.NONE);
        headline.setData(UiKeys.KEY, UiKeys.DISASTER_BANNER);
        headline.setBackground(background);
        headline.setForeground(foreground);
        FontData[] fd = headline.getFont().getFontData();
        for (FontData f : fd) {
            f.setHeight(f.getHeight() + 3);
            f.setStyle(SWT.BOLD);
        }
        bold = new Font(headline.getDisplay(), fd);
        headline.setFont(bold);
        headline.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        detail = new Label(bar, SWT.NONE);
        detail.setData(UiKeys.KEY, UiKeys.DISASTER_BANNER_DETAIL);
        detail.setBackground(background);
        detail.setForeground(foreground);
        detail.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        update();
    }

    @PreDestroy
    void dispose() {
        if (bold != null) {
            bold.dispose();
        }
    }

    /** The sync service posts every change of its state, 災害モード on and off included. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void connectionChanged(@UIEventTopic(ConnectionStatus.TOPIC) Event event) {
        update();
    }

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern(Messages.get("disaster.asOf.pattern"));

    static String asOf(Instant t) {
        return AS_OF.format(t.atZone(ZoneId.systemDefault()));
    }

    private void update() {
        if (bar == null || bar.isDisposed()) {
            return;
        }
        boolean on = connection != null && connection.state() == ConnectionStatus.State.DISASTER;
        if (on) {
            headline.setText(connection.dataAsOf().map(t -> Messages.get("disaster.banner", asOf(t)))
                    .orElse(Messages.get("disaster.banner.never")));
            detail.setText(Messages.get("disaster.banner.detail", connection.pendingChanges()));
        }
        // the whole trim bar comes and goes, so that no empty strip is left when 災害モード is off
        MUIElement trim = self.getParent() instanceof MUIElement p ? p : self;
        if (trim.isVisible() != on) {
            trim.setVisible(on);
        }
        bar.layout(true, true);
        bar.getShell().layout(true, true);
    }
}
