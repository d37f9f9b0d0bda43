package jp.kiban.characters;

import java.util.List;

/**
 * The outcome of a 外字 table import. All or nothing: with problems nothing changed and the counts are 0.
 *
 * @param problems every refused line, in line order, as {@code line N: …} (English, for the CLI and logs)
 */
public record GaijiImportResult(List<String> problems, int added, int updated, int unchanged, int removed) {

    public GaijiImportResult {
        problems = List.copyOf(problems);
    }

    public static GaijiImportResult refused(List<String> problems) {
        return new GaijiImportResult(problems, 0, 0, 0, 0);
    }

    public boolean applied() {
        return problems.isEmpty();
    }
}
