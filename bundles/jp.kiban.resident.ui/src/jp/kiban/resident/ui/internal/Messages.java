package jp.kiban.resident.ui.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI texts from messages.properties (Japanese, the default) and messages_&lt;lang&gt;.properties. The
 * language follows Eclipse's {@code -nl} (osgi.nl), which the kiban launcher sets to ja.
 */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("jp.kiban.resident.ui.internal.messages",
            locale(), Messages.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Messages() {
    }

    private static Locale locale() {
        String nl = System.getProperty("osgi.nl");
        return nl == null || nl.isBlank() ? Locale.JAPANESE : Locale.forLanguageTag(nl.replace('_', '-'));
    }

    public static String get(String key, Object... args) {
        try {
            String s = BUNDLE.getString(key);
            return args.length == 0 ? s : MessageFormat.format(s, args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
