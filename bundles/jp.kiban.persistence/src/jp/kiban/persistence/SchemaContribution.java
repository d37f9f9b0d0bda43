package jp.kiban.persistence;

import java.util.List;

/**
 * What a bundle that owns tables registers as an OSGi service: its versioned SQL migrations and
 * its JPA entity classes. The core never needs to know the business bundles; each brings its own.
 *
 * <p>Migrations are read from the registering bundle, folder {@link #migrationPath()}, named
 * {@code V<number>__<description>.sql} (forward only; never edit a script once released). A script
 * {@code V<number>__<description>.<dialect>.sql} (dialect {@code derby} or {@code postgresql})
 * replaces the common one for that engine, for the rare statement the two do not share.
 */
public interface SchemaContribution {

    /** A stable module name, e.g. {@code platform} or {@code resident}; the unit of versioning. */
    String module();

    /** Folder inside the registering bundle, e.g. {@code /db/migration/platform}. */
    String migrationPath();

    /** Entity classes mapped to this module's tables. */
    default List<Class<?>> entityClasses() {
        return List.of();
    }
}
