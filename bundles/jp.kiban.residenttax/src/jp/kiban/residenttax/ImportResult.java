package jp.kiban.residenttax;

import java.util.List;

/**
 * An all-or-nothing import: the rows stored, or none and the problems by line. Each problem's text is English
 * through {@code error().getMessage()} and Japanese through {@code getMessage(Locale.JAPANESE)}.
 */
public record ImportResult(int stored, List<Problem> problems) {
    public record Problem(int line, ResidentTaxException error) {
    }

    public ImportResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
