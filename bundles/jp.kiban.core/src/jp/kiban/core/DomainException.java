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

    /**
     * Message bundles of a subclass's own bundle (e.g. {@code jp.kiban.resident.messages}), searched
     * before the core's; loaded with the subclass's class loader. The core has none of its own here.
     */
    protected List<String> messageBundles() {
        return List.of();
    }

    /** Text in the given language (Japanese for {@link Locale#JAPANESE}); English if not available. */
    public String getMessage(Locale locale) {
        List<ResourceBundle> bundles = new java.util.ArrayList<>();
        for (String name : messageBundles()) {
            ResourceBundle b = bundle(name, locale, getClass().getClassLoader());
            if (b != null) {
                bundles.add(b);
            }
        }
        ResourceBundle core = bundle(BUNDLE, locale, DomainException.class.getClassLoader());
        if (core != null) {
            bundles.add(core);
        }
        if (bundles.isEmpty()) {
            return code + Arrays.toString(args);
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Label l ? lookup(bundles, "label." + l.key(), l.key()) : args[i];
        }
        String pattern = lookup(bundles, code, null);
        return pattern == null ? code + Arrays.toString(resolved) : new MessageFormat(pattern, locale).format(resolved);
    }

    private static String lookup(List<ResourceBundle> bundles, String key, String fallback) {
        for (ResourceBundle bundle : bundles) {
            try {
                return bundle.getString(key);
            } catch (MissingResourceException e) {
                // try the next bundle
            }
        }
        return fallback;
    }

    private static ResourceBundle bundle(String name, Locale locale, ClassLoader loader) {
        try {
            // no fallback to the JVM's default locale: English (the base file) unless the language has a file
            return ResourceBundle.getBundle(name, locale, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
