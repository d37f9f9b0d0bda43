package jp.kiban.persistence;

import javax.sql.DataSource;

/**
 * The database this installation uses, registered as an OSGi service. Embedded Derby in the data
 * folder by default; PostgreSQL when {@code db.type=postgresql} is set (see docs/architecture.md).
 */
public interface Database {

    DataSource dataSource();

    Dialect dialect();

    /** The JDBC URL without credentials, safe to show in the status line and logs. */
    String displayUrl();

    /** True for an embedded database living in this process (Derby in the data folder or in memory). */
    boolean embedded();
}
