package jp.kiban.characters;

import java.util.List;

/**
 * The result of {@link GaijiTable#apply}.
 *
 * @param text     the text with every mapped 外字 replaced
 * @param replaced how many 外字 were replaced
 * @param unmapped private use code points without an entry, each once, in order of appearance
 */
public record GaijiApplied(String text, int replaced, List<Integer> unmapped) {

    public GaijiApplied {
        unmapped = List.copyOf(unmapped);
    }

    /** The unmapped code points as {@code U+E001 U+E00A}. */
    public String unmappedCodes() {
        return String.join(" ", unmapped.stream().map(cp -> String.format("U+%04X", cp)).toList());
    }
}
