package jp.kiban.persistence.impl;

import java.util.List;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jp.kiban.persistence.Database;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.SchemaContribution;
import jp.kiban.persistence.SchemaMigrations;

/** The migrations of every installed bundle that owns tables, against the configured database. */
@Component(service = SchemaMigrations.class)
public class SchemaMigrationsComponent implements SchemaMigrations {
    private final Contributions contributions = new Contributions();

    @Reference
    private Database database;

    private SqlMigrator migrator;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(SchemaContribution c, ServiceReference<SchemaContribution> ref) {
        contributions.add(c, ref.getBundle());
    }

    void removeContribution(SchemaContribution c) {
        contributions.remove(c);
    }

    @Activate
    void activate() {
        migrator = new SqlMigrator(database, () -> contributions.scripts(database.dialect()));
    }

    @Override
    public List<MigrationInfo> status() {
        return migrator.status();
    }

    @Override
    public List<MigrationInfo> migrate() {
        return migrator.migrate();
    }
}
