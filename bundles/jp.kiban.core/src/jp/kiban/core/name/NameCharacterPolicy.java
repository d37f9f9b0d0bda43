package jp.kiban.core.name;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/**
 * Which name characters may be stored in a name, beyond the syntactic rules of {@link KanjiName}:
 * the standard systems hold only characters of the 文字情報基盤 repertoire (base character, or base +
 * IVS). Implemented as an OSGi service by the character repertoire (built from the embedded font);
 * the registers ask it before they store a name, so that they need not know where the repertoire
 * comes from. Where no implementation runs, every syntactically valid name is accepted.
 */
public interface NameCharacterPolicy {

    /** Whether this one name character (a base code point with the variation selectors following it) may be stored. */
    boolean allows(String nameCharacter);

    /** The first name character of {@code text} that may not be stored, with its position (1-based). */
    default Optional<Refused> firstRefused(String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<String> chars = NameCharacters.split(text);
        for (int i = 0; i < chars.size(); i++) {
            String ch = chars.get(i);
            if (ch.codePointAt(0) == '\u3000' || ch.codePointAt(0) == ' ') {
                continue; // the separator of a full name
            }
            if (!allows(ch)) {
                return Optional.of(new Refused(ch, i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses {@code text} with {@code name.notInRepertoire} (the field, the character, its code
     * points as {@code U+845B U+E0100} and its position) if it holds a character that may not be stored.
     */
    default void check(String text, Label field) {
        Optional<Refused> refused = firstRefused(text);
        if (refused.isPresent()) {
            Refused r = refused.get();
            throw new DomainException("name.notInRepertoire", field, r.character(), codes(r.character()), r.position());
        }
    }

    /** Code points in the usual notation, space-separated: {@code U+845B U+E0102}. */
    static String codes(String text) {
        return text.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" "));
    }

    /**
     * A refused name character.
     *
     * @param character the name character (base and its selectors)
     * @param position  1-based position among the name characters of the text
     */
    record Refused(String character, int position) {
    }
}
