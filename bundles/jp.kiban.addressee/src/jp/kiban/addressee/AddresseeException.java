package jp.kiban.addressee;


import java.util.Locale;

import jp.kiban.core.DomainException;

/**
 * A refusal by the addressee base. Like {@link DomainException} (which it is, so a screen handles
 * both the same way): a stable {@link #code()}, English from {@link #getMessage()} for logs and the
 * CLI, Japanese from {@link #getMessage(Locale) getMessage(Locale.JAPANESE)} for the counter. The
 * texts are in {@code jp/kiban/addressee/messages*.properties}; {@link DomainException.Label}
 * arguments are looked up there under {@code label.<key>}. Messages never contain personal data.
 */
public class AddresseeException extends DomainException {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "jp.kiban.addressee.messages";

    public AddresseeException(String code, Object... args) {
        super(code, args);
    }

    @Override
    protected java.util.List<String> messageBundles() {
        return java.util.List.of(BUNDLE);
    }
}
