package jp.kiban.healthinsurance;

import java.util.List;

import jp.kiban.core.DomainException;

/**
 * A refusal of the 国保 business: English for logs and the CLI ({@link #getMessage()}), Japanese for the
 * clerk ({@code getMessage(Locale.JAPANESE)}); texts in {@code jp/kiban/healthinsurance/messages*.properties}.
 */
public class KokuhoException extends DomainException {
    private static final long serialVersionUID = 1L;

    public KokuhoException(String code, Object... args) {
        super(code, args);
    }

    @Override
    protected List<String> messageBundles() {
        return List.of("jp.kiban.healthinsurance.messages");
    }
}
