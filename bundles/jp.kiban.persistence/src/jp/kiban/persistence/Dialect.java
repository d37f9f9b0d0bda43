package jp.kiban.persistence;

import java.util.Locale;

/** The two database engines Kiban runs on. Migrations are written for both. */
public enum Dialect {
    /** Apache Derby, embedded: the desk client's default and the zero-set-up central store. */
    DERBY("Derby", "derby"),
    /** PostgreSQL: the production central store. */
    POSTGRESQL("PostgreSQL", "postgresql");

    private final String displayName;
    private final String scriptSuffix;

    Dialect(String displayName, String scriptSuffix) {
        this.displayName = displayName;
        this.scriptSuffix = scriptSuffix;
    }

    public String displayName() {
        return displayName;
    }

    /** The infix of dialect-specific migration scripts, e.g. {@code V002__x.postgresql.sql}. */
    public String scriptSuffix() {
        return scriptSuffix;
    }

    /** The dialect named by a setting value ({@code derby}, {@code postgresql}) or a JDBC URL. */
    public static Dialect of(String nameOrUrl) {
        String s = nameOrUrl == null ? "" : nameOrUrl.trim().toLowerCase(Locale.ROOT);
        if (s.equals("derby") || s.startsWith("jdbc:derby:")) {
            return DERBY;
        }
        if (s.equals("postgresql") || s.equals("postgres") || s.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unknown database type '" + nameOrUrl + "': use 'derby' or 'postgresql'");
    }
}
