package jp.kiban.spec;

import java.util.Objects;

/**
 * One function of the catalogue: a section of a 標準仕様書 in one tier, e.g. {@code juki:8.1.1/optional}
 * (住民記録 8.1.1 本人通知 登録管理, 実装してもしなくても良い機能).
 *
 * @param id       {@code <business>:<section>/<tier>}
 * @param section  the specification's section number, e.g. {@code 2.2.3}
 * @param title    the section's title in Japanese
 * @param lines    how many lines of requirement text the section has in this tier
 * @param summary  the first line of that text
 */
public record SpecFunction(String id, String business, String section, String title, Tier tier, int lines, String summary) {
    public SpecFunction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(summary, "summary");
        String expected = business + ":" + section + "/" + tier.code();
        if (!expected.equals(id)) {
            throw new IllegalArgumentException("catalogue id " + id + " does not match its columns (" + expected + ")");
        }
    }
}
