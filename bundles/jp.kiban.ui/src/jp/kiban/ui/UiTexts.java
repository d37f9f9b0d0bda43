package jp.kiban.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A UI bundle's texts: {@code <name>.properties} (Japanese, the default) and
 * {@code <name>_<lang>.properties}, UTF-8. The language follows Eclipse's {@code -nl} (osgi.nl),
 * which the kiban launcher sets to ja. Each UI bundle keeps one instance in its own Messages class.
 */
public final class UiTexts {
    private final ResourceBundle bundle;

    private UiTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** @param baseName e.g. {@code jp.kiban.resident.ui.internal.messages}, loaded with {@code loader} */
    public static UiTexts of(String baseName, ClassLoader loader) {
        return new UiTexts(ResourceBundle.getBundle(baseName, locale(), loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    private static Locale locale() {
        String nl = System.getProperty("osgi.nl");
        return nl == null || nl.isBlank() ? Locale.JAPANESE : Locale.forLanguageTag(nl.replace('_', '-'));
    }

    /** The text for {@code key} with {@code {0}}… filled in; {@code !key!} when missing, so it shows on screen. */
    public String get(String key, Object... args) {
        try {
            String s = bundle.getString(key);
            return args.length == 0 ? s : MessageFormat.format(s, args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
