package jp.kiban.security;

import java.util.List;

import jp.kiban.core.DomainException;

/**
 * A login, password or administration request that is refused. Same contract as
 * {@link DomainException}: {@link #getMessage()} is English (logs, CLI), {@code getMessage(Locale.JAPANESE)}
 * the text for the desk; texts in {@code jp/kiban/security/messages*.properties}. Messages never
 * contain a password or the refused input itself.
 */
public class SecurityRefusal extends DomainException {

    private static final long serialVersionUID = 1L;

    public SecurityRefusal(String code, Object... args) {
        super(code, args);
    }

    @Override
    protected List<String> messageBundles() {
        return List.of("jp.kiban.security.messages");
    }
}
