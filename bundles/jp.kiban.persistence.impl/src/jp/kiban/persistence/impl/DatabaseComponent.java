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
    /** Wrong settings do not stop the service: every use says what is wrong, at once, instead of a time-out. */
    private IllegalArgumentException settingsError;

    @Activate
    void activate() {
        try {
            delegate = Databases.create(environment::setting, environment.dataLocation().database());
            LOG.log(System.Logger.Level.INFO, "Database: {0}", delegate);
        } catch (IllegalArgumentException e) {
            settingsError = new IllegalArgumentException("The database settings in "
                    + environment.dataLocation().settingsFile() + " are wrong: " + e.getMessage(), e);
            LOG.log(System.Logger.Level.ERROR, settingsError.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (delegate != null) {
            delegate.close();
        }
    }

    private Databases.CloseableDatabase delegate() {
        if (settingsError != null) {
            throw settingsError;
        }
        return delegate;
    }

    @Override
    public DataSource dataSource() {
        return delegate().dataSource();
    }

    @Override
    public Dialect dialect() {
        return delegate == null ? Dialect.DERBY : delegate.dialect();
    }

    @Override
    public String displayUrl() {
        return delegate == null ? "(invalid settings: " + settingsError.getCause().getMessage() + ")"
                : delegate.displayUrl();
    }

    @Override
    public boolean embedded() {
        return delegate != null && delegate.embedded();
    }
}
