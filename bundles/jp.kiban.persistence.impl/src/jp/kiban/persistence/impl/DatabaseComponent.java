package jp.kiban.persistence.impl;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.persistence.Database;
import jp.kiban.persistence.Dialect;
import jp.kiban.platform.KibanEnvironment;

/** Registers the configured database (embedded Derby in the data folder unless told otherwise). */
@Component(service = Database.class, property = "id=default")
public class DatabaseComponent implements Database {
    private static final System.Logger LOG = System.getLogger(DatabaseComponent.class.getName());

    @Reference
    private KibanEnvironment environment;

    private Databases.CloseableDatabase delegate;

    @Activate
    void activate() {
        delegate = Databases.create(environment::setting, environment.dataLocation().database());
        LOG.log(System.Logger.Level.INFO, "Database: {0}", delegate);
    }

    @Deactivate
    void deactivate() {
        delegate.close();
    }

    @Override
    public DataSource dataSource() {
        return delegate.dataSource();
    }

    @Override
    public Dialect dialect() {
        return delegate.dialect();
    }

    @Override
    public String displayUrl() {
        return delegate.displayUrl();
    }

    @Override
    public boolean embedded() {
        return delegate.embedded();
    }
}
