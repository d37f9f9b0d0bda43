package jp.kiban.addressee;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

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
    public String getMessage(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        if (bundle == null) {
            return code() + arguments();
        }
        Object[] resolved = arguments().stream()
                .map(a -> a instanceof DomainException.Label l ? lookup(bundle, "label." + l.key(), l.key()) : a)
                .toArray();
        String pattern = lookup(bundle, code(), null);
        return pattern == null ? code() + java.util.Arrays.toString(resolved)
                : new MessageFormat(pattern, locale).format(resolved);
    }

    private static String lookup(ResourceBundle bundle, String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        ClassLoader loader = AddresseeException.class.getClassLoader();
        try {
            // no fallback to the JVM's default locale: English (the base file) unless the language has a file
            return ResourceBundle.getBundle(BUNDLE, locale, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
