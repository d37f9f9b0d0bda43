package jp.kiban.ui.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.persistence.DatabaseProblem;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.spec.ModuleConformance;
import jp.kiban.ui.UiKeys;

/** The first page at the counter: which town, today's date in 和暦, and what to do next. */
public class HomePart {
    private static final System.Logger LOG = System.getLogger(HomePart.class.getName());

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    MunicipalityService municipalities;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ModuleConformance conformance;

    private Font titleFont;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Optional<Municipality> town = Optional.empty();
        String dbError = null;
        DatabaseProblem problem = null;
        try {
            town = municipalities == null ? Optional.empty() : municipalities.current();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Database not available: " + e.getMessage(), e);
            dbError = e.getMessage();
            problem = DatabaseProblem.of(e);
        }
        Label title = new Label(parent, SWT.NONE);
        title.setData(UiKeys.KEY, UiKeys.HOME_TITLE);
        title.setText(town.map(t -> Messages.get("home.title", t.name())).orElse(Messages.get("home.title.none")));
        FontData[] fd = title.getFont().getFontData();
        for (FontData f : fd) {
            f.setHeight(f.getHeight() + 8);
            f.setStyle(SWT.BOLD);
        }
        titleFont = new Font(parent.getDisplay(), fd);
        title.setFont(titleFont);

        Label today = new Label(parent, SWT.NONE);
        today.setText(Messages.get("home.today", WarekiDate.of(LocalDate.now()).format()));

        Label message = new Label(parent, SWT.WRAP);
        message.setData(UiKeys.KEY, UiKeys.HOME_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        StringBuilder text = new StringBuilder();
        if (dbError != null) {
            text.append(Messages.get("home.dberror." + problem.name())).append("\n")
                    .append(Messages.get("home.dberror.kept")).append("\n\n")
                    .append(Messages.get("home.dberror.detail", dbError));
            message.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        } else if (town.isEmpty()) {
            text.append(Messages.get("home.none"));
        } else {
            if (town.get().demo()) {
                text.append(Messages.get("home.demo")).append("\n\n");
            }
            text.append(Messages.get("home.hint"));
        }
        int refused = conformance == null ? 0 : conformance.refused().size();
        if (refused > 0) {
            text.append("\n\n").append(Messages.get("home.refused", refused));
            message.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        message.setText(text.toString());
        LOG.log(System.Logger.Level.INFO, "Desk client home shown for {0}",
                town.map(t -> t.name() + " " + t.code().value()).orElse(dbError == null ? "(no municipality)" : "(database error)"));
    }

    @PreDestroy
    void dispose() {
        if (titleFont != null) {
            titleFont.dispose();
        }
    }
}
