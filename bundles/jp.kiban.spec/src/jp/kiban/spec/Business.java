package jp.kiban.spec;

import java.util.Locale;
import java.util.Objects;

/** A business of the catalogue (e.g. {@code juki} 住民記録) and the specification its functions follow. */
public record Business(String id, String nameJa, String nameEn, String source) {
    public Business {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(source, "source");
    }

    public String name(Locale locale) {
        return Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? nameJa : nameEn;
    }
}
