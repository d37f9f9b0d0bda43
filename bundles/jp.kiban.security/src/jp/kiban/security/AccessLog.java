package jp.kiban.security;

/**
 * The tamper-evident access log (spec 10.2), written in the same database as the data. Modules call
 * {@link #record} for what the resident base does not report by itself (certificates, prints, exports,
 * settings). Inside a transaction the entry commits with it; otherwise it commits at once.
 */
public interface AccessLog {

    AccessEntry record(AccessEvent event);
}
