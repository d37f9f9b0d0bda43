package jp.kiban.resident.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** The resident register's tables: db/migration/resident in this bundle. */
@Component(service = SchemaContribution.class)
public class ResidentSchema implements SchemaContribution {

    public static final String MODULE = "resident";

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public String migrationPath() {
        return "/db/migration/resident";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ChangeEntity.class, PersonEntity.class, SnapshotEntity.class);
    }
}
