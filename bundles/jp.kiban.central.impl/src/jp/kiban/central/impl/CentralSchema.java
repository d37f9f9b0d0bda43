package jp.kiban.central.impl;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** The central store's tables: db/migration/central in this bundle (plain JDBC, no entities). */
@Component(service = SchemaContribution.class)
public class CentralSchema implements SchemaContribution {

    public static final String MODULE = "central";

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public String migrationPath() {
        return "/db/migration/central";
    }
}
