package jp.kiban.childallowance;

import java.util.List;

import jp.kiban.core.DomainException;

/**
 * A refusal of the 児童手当 business: English for logs and the CLI ({@link #getMessage()}), Japanese for the clerk
 * ({@code getMessage(Locale.JAPANESE)}); texts in {@code jp/kiban/childallowance/messages*.properties}.
 */
public class ChildAllowanceException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ChildAllowanceException(String code, Object... args) {
        super(code, args);
    }

    @Override
    protected List<String> messageBundles() {
        return List.of("jp.kiban.childallowance.messages");
    }
}
