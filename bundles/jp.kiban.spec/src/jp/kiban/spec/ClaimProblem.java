package jp.kiban.spec;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Why a module is refused: a stable code and its arguments, with the text in Japanese for the
 * administrator and in English for the log ({@code jp/kiban/spec/messages*.properties}).
 */
public record ClaimProblem(Code code, List<String> args) {

    public enum Code {
        /** The bundle claims no function at all. */
        NO_CLAIM("claim.none"),
        /** A claim that is not of the form {@code business:section/tier}. */
        MALFORMED("claim.malformed"),
        /** A claimed function that the catalogue does not list (outside the whitelist). */
        UNKNOWN_FUNCTION("claim.unknown"),
        /** A claimed function that the specification says must not be implemented. */
        MUST_NOT("claim.mustNot");

        private final String key;

        Code(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public ClaimProblem {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static ClaimProblem of(Code code, String... args) {
        return new ClaimProblem(code, List.of(args));
    }

    /** English, for logs and the command line. */
    public String message() {
        return message(Locale.ROOT);
    }

    public String message(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle("jp.kiban.spec.messages", locale, ClaimProblem.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(b.getString(code.key()), locale).format(args.toArray());
    }

    @Override
    public String toString() {
        return message();
    }
}
