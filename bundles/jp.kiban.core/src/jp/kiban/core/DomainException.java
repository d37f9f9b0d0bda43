package jp.kiban.core;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Refusal of input that violates a domain rule. The stable {@link #code()} lets callers react
 * programmatically; the text comes from {@code messages*.properties}, so clerks see Japanese
 * ({@link #getMessage(Locale)}) while logs and the CLI get English ({@link #getMessage()}).
 * Messages never contain the refused identifier itself, so they are safe to log.
 */
public class DomainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "jp.kiban.core.messages";

    /**
     * A message argument that is itself localised (e.g. the name of the field), looked up under
     * {@code label.<key>} in the same bundle.
     */
    public record Label(String key) implements Serializable {
        public Label {
            Objects.requireNonNull(key, "key");
        }
    }

    private final String code;
    private final Serializable[] args;

    /**
     * @param code message key in {@code jp/kiban/core/messages.properties}
     * @param args arguments for {@code {0}}, {@code {1}}, ...; {@link Label}s are localised, anything
     *             else is stored as its {@code String.valueOf} text
     */
    public DomainException(String code, Object... args) {
        super(code);
        this.code = Objects.requireNonNull(code, "code");
        this.args = Arrays.stream(args).map(a -> a instanceof Label l ? l : String.valueOf(a)).toArray(Serializable[]::new);
    }

    /** Stable message code, e.g. {@code id.checkDigit}. */
    public String code() {
        return code;
    }

    /** The message arguments: {@link String}s and {@link Label}s. */
    public List<Object> arguments() {
        return List.<Object>of((Object[]) args);
    }

    /** English text, for logs and the command line. */
    @Override
    public String getMessage() {
        return getMessage(Locale.ROOT);
    }

    /** Text in the given language (Japanese for {@link Locale#JAPANESE}); English if not available. */
    public String getMessage(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        if (bundle == null) {
            return code + Arrays.toString(args);
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Label l ? lookup(bundle, "label." + l.key(), l.key()) : args[i];
        }
        String pattern = lookup(bundle, code, null);
        return pattern == null ? code + Arrays.toString(resolved) : new MessageFormat(pattern, locale).format(resolved);
    }

    private static String lookup(ResourceBundle bundle, String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        ClassLoader loader = DomainException.class.getClassLoader();
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, loader);
            // getBundle falls back to the JVM default locale; English is the base bundle, not that.
            Locale found = bundle.getLocale();
            if (!found.equals(Locale.ROOT) && !found.getLanguage().equals(locale.getLanguage())) {
                bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, loader);
            }
            return bundle;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
