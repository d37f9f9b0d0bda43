package jp.kiban.sync;

import java.util.List;

import jp.kiban.core.DomainException;

/**
 * No leased number of a kind is left on this terminal (offline for longer than its leases last). The
 * counter shows the Japanese text ({@link #getMessage(java.util.Locale)}); the change is not made, and
 * whatever the clerk typed stays in the form so that it can be registered once the terminal is online
 * again (or on another terminal).
 */
public class LeaseExhaustedException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String kind;

    public LeaseExhaustedException(String kind) {
        super("lease.exhausted", new Label("lease.kind." + kind));
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    @Override
    protected List<String> messageBundles() {
        return List.of("jp.kiban.sync.messages");
    }
}
