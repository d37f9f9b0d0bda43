package jp.kiban.residenttax;

import java.util.List;
import java.util.Optional;

import jp.kiban.core.DomainException;

/**
 * A refusal of the 個人住民税 business: English for logs and the CLI ({@link #getMessage()}), Japanese for the
 * clerk ({@code getMessage(Locale.JAPANESE)}); texts in {@code jp/kiban/residenttax/messages*.properties}.
 * A refusal of one input field carries the field's {@link DomainException.Label} as its first argument
 * ({@link #field()}), so that a form can show the message by that field.
 */
public class ResidentTaxException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ResidentTaxException(String code, Object... args) {
        super(code, args);
    }

    /** The input field the refusal is about ({@code salaryRevenue}, {@code dependentsGeneral} …), if any. */
    public Optional<String> field() {
        return arguments().isEmpty() || !(arguments().get(0) instanceof Label l) ? Optional.empty() : Optional.of(l.key());
    }

    @Override
    protected List<String> messageBundles() {
        return List.of("jp.kiban.residenttax.messages");
    }
}
