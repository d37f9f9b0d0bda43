package jp.kiban.sync.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** The synchronisation tables on a terminal: db/migration/sync in this bundle. */
@Component(service = SchemaContribution.class)
public class SyncSchema implements SchemaContribution {

    public static final String MODULE = "sync";

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public String migrationPath() {
        return "/db/migration/sync";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(OutboxEntity.class, InboxEntity.class);
    }
}
