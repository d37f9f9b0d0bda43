package jp.kiban.forms;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jp.kiban.core.DomainException;

/**
 * A form that is not issued: a character the form font lacks, a refused item, an unknown person.
 * {@link #getMessage()} is English (logs, CLI), {@link #getMessage(Locale)} with
 * {@link Locale#JAPANESE} the text for the counter; texts in {@code jp/kiban/forms/messages*.properties}.
 */
public class FormException extends DomainException {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "jp.kiban.forms.messages";

    public FormException(String code, Object... args) {
        super(code, args);
    }

    @Override
    public String getMessage(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        if (bundle == null) {
            return super.getMessage(locale);
        }
        try {
            return new MessageFormat(bundle.getString(code()), locale).format(arguments().toArray());
        } catch (MissingResourceException e) {
            return super.getMessage(locale);
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        ClassLoader loader = FormException.class.getClassLoader();
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
