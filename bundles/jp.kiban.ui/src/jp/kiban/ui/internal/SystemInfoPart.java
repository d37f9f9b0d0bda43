package jp.kiban.ui.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.SchemaMigrations;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.ui.UiKeys;

/** System information for the administrator: version, data folder, database, schema state. */
public class SystemInfoPart {
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    KibanEnvironment environment;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    Database database;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    SchemaMigrations migrations;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setData(UiKeys.KEY, UiKeys.SYSTEM_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(table, Messages.get("system.column.item"), 180);
        column(table, Messages.get("system.column.value"), 600);
        if (environment != null) {
            row(table, Messages.get("system.version"), environment.productVersion());
            row(table, Messages.get("system.datafolder"), environment.dataLocation().toString());
        }
        if (database != null) {
            row(table, Messages.get("system.database"), database.dialect().displayName() + " " + database.displayUrl());
        }
        if (migrations != null) {
            String schema;
            try {
                List<MigrationInfo> all = migrations.status();
                long pending = all.stream().filter(m -> !m.state().acceptable()).count();
                schema = pending == 0 ? Messages.get("system.schema.uptodate", all.size())
                        : Messages.get("system.schema.pending", pending);
            } catch (RuntimeException e) {
                schema = e.getMessage();
            }
            row(table, Messages.get("system.schema"), schema);
        }
        row(table, Messages.get("system.java"), Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        row(table, Messages.get("system.os"), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static void column(Table t, String text, int width) {
        TableColumn c = new TableColumn(t, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    private static void row(Table t, String item, String value) {
        new TableItem(t, SWT.NONE).setText(new String[] { item, value });
    }
}
