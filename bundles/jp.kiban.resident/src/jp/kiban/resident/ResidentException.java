package jp.kiban.resident;

import java.util.List;
import java.util.Locale;

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
    protected List<String> messageBundles() {
        return List.of(BUNDLE);
    }

    /** Trims ASCII and full-width spaces; refuses null or blank text (for free-text items). */
    public static String requireText(String text, String labelKey) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new ResidentException("input.blank", new Label(labelKey));
        }
        return t;
    }
}
