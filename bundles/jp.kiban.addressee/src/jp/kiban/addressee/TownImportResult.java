package jp.kiban.addressee;

import java.util.List;

/**
 * The outcome of a 住所辞書 CSV import. The import is all or nothing: if {@link #problems()} is not
 * empty, nothing was changed and the counts are 0.
 *
 * @param problems every refused line, in line order (all of them, not just the first)
 */
public record TownImportResult(List<TownCsvProblem> problems, int added, int updated, int unchanged, int removed) {

    public TownImportResult {
        problems = List.copyOf(problems);
    }

    public static TownImportResult refused(List<TownCsvProblem> problems) {
        return new TownImportResult(problems, 0, 0, 0, 0);
    }

    /** True if the file was imported. */
    public boolean applied() {
        return problems.isEmpty();
    }
}
