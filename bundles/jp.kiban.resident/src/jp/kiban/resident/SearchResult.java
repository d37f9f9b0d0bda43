package jp.kiban.resident;

import java.util.List;

/**
 * One page of search hits (current snapshots), ordered by フリガナ.
 *
 * @param more true if there are hits after this page
 */
public record SearchResult(List<ResidentRecord> hits, int offset, boolean more) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
