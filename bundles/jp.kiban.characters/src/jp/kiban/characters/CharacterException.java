package jp.kiban.characters;

import java.util.List;

import jp.kiban.core.DomainException;

/**
 * A refusal of the character services. Same contract as {@link DomainException}: English
 * {@link #getMessage()}, Japanese {@code getMessage(Locale.JAPANESE)}; texts in
 * {@code jp/kiban/characters/messages*.properties}.
 */
public class CharacterException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CharacterException(String code, Object... args) {
        super(code, args);
    }

    @Override
    protected List<String> messageBundles() {
        return List.of("jp.kiban.characters.messages");
    }
}
