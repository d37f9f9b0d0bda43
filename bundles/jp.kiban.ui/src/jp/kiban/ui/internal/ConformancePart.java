package jp.kiban.ui.internal;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.spec.Business;
import jp.kiban.spec.ClaimProblem;
import jp.kiban.spec.ConformanceReport;
import jp.kiban.spec.ConformanceReport.Status;
import jp.kiban.spec.ModuleConformance;
import jp.kiban.spec.ModuleStatus;
import jp.kiban.spec.SpecFunction;
import jp.kiban.ui.UiKeys;

/**
 * 仕様準拠 for the administrator: per business every must function of the 標準仕様書 and the module that
 * provides it (or 未提供), the optional functions installed, and the modules the platform refused, with why.
 */
public class ConformancePart {
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ModuleConformance conformance;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label summary = new Label(parent, SWT.WRAP);
        summary.setData(UiKeys.KEY, UiKeys.CONFORMANCE_SUMMARY);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        if (conformance == null) {
            summary.setText(Messages.get("conformance.unavailable"));
            return;
        }
        ConformanceReport report = conformance.report();
        StringBuilder text = new StringBuilder();
        for (Business b : conformance.catalogue().businesses()) {
            text.append(Messages.get("conformance.business", b.nameJa(), report.count(b.id(), Status.PROVIDED),
                    report.count(b.id(), Status.MISSING), report.count(b.id(), Status.INSTALLED), b.source())).append('\n');
        }
        summary.setText(text.toString().strip());

        if (!report.refusedModules().isEmpty()) {
            Label refused = new Label(parent, SWT.WRAP);
            refused.setData(UiKeys.KEY, UiKeys.CONFORMANCE_REFUSED);
            refused.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            refused.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            StringBuilder r = new StringBuilder(Messages.get("conformance.refused", report.refusedModules().size()));
            for (ModuleStatus m : report.refusedModules()) {
                r.append("\n・").append(m.symbolicName()).append(' ').append(m.version());
                for (ClaimProblem p : m.problems()) {
                    r.append("\n　　").append(p.message(Locale.JAPANESE));
                }
            }
            refused.setText(r.toString());
        }

        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setData(UiKeys.KEY, UiKeys.CONFORMANCE_TABLE);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(table, Messages.get("conformance.column.business"), 80);
        column(table, Messages.get("conformance.column.section"), 80);
        column(table, Messages.get("conformance.column.title"), 220);
        column(table, Messages.get("conformance.column.tier"), 170);
        column(table, Messages.get("conformance.column.status"), 70);
        column(table, Messages.get("conformance.column.modules"), 320);
        for (ConformanceReport.Row row : report.rows()) {
            SpecFunction f = row.function();
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { row.business().nameJa(), f.section(), f.title(), f.tier().label(Locale.JAPANESE),
                    Messages.get("conformance.status." + row.status().name()), String.join(", ", row.modules()) });
            item.setData(f.id());
            if (row.status() == Status.MISSING) {
                item.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
    }

    private static void column(Table t, String text, int width) {
        TableColumn c = new TableColumn(t, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }
}
