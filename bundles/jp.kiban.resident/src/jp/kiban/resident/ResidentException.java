package jp.kiban.resident;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jp.kiban.core.DomainException;

/**
 * A change or query refused by a rule of the resident register. Same contract as the core's
 * {@link DomainException} (which it is, so one catch serves both): {@link #getMessage()} is English
 * for logs and the CLI, {@link #getMessage(Locale)} with {@link Locale#JAPANESE} is the text for the
 * counter. The texts live in {@code jp/kiban/resident/messages*.properties}; the stable
 * {@link #code()} is the key there. Messages never contain 個人番号 or 住民票コード.
 */
public class ResidentException extends DomainException {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "jp.kiban.resident.messages";

    /**
     * @param code message key in {@code jp/kiban/resident/messages.properties}
     * @param args arguments; {@link DomainException.Label}s are looked up as {@code label.<key>} in that bundle
     */
    public ResidentException(String code, Object... args) {
        super(code, args);
    }

    @Override
    public String getMessage(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String pattern = lookup(bundle, code());
        if (pattern == null) {
            return super.getMessage(locale);
        }
        Object[] resolved = arguments().stream()
                .map(a -> a instanceof Label l ? orElse(lookup(bundle, "label." + l.key()), l.key()) : a).toArray();
        return new MessageFormat(pattern, locale).format(resolved);
    }

    /** Trims ASCII and full-width spaces; refuses null or blank text (for free-text items). */
    public static String requireText(String text, String labelKey) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new ResidentException("input.blank", new Label(labelKey));
        }
        return t;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String lookup(ResourceBundle bundle, String key) {
        if (bundle == null) {
            return null;
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        ClassLoader loader = ResidentException.class.getClassLoader();
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, loader);
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
