package jp.kiban.provisioning;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** This bundle's texts: English ({@code messages.properties}) and Japanese ({@code messages_ja.properties}). */
final class Texts {
    private Texts() {
    }

    static String get(Locale locale, String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle("jp.kiban.provisioning.messages",
                Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT,
                Texts.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(b.getString(key), locale).format(args);
    }
}
