package jp.kiban.childallowance;

import java.util.List;

/**
 * An all-or-nothing {@link ChildAllowance#certifyAll}: the recipients stored, or none and the refusals by position in
 * the list (1-based). Each refusal's text is English through {@code error().getMessage()} and Japanese through
 * {@code getMessage(Locale.JAPANESE)}.
 */
public record BulkResult(int stored, List<Problem> problems) {
    public record Problem(int position, ChildAllowanceException error) {
    }

    public BulkResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
