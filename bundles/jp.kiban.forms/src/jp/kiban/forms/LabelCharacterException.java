package jp.kiban.forms;

import java.util.List;

import jp.kiban.core.id.AddresseeNumber;

/**
 * A label run refused because the form font lacks characters: every addressee concerned is named with
 * the character, so that the clerk can correct the records (or map the 外字) and run again. Nothing is
 * printed.
 */
public class LabelCharacterException extends FormException {

    private static final long serialVersionUID = 1L;

    /**
     * One addressee whose label cannot be printed.
     *
     * @param character the character (base, or base + IVS)
     * @param codes     its code points, e.g. {@code U+845B U+E0100}
     */
    public record Problem(AddresseeNumber number, String name, String character, String codes) {
    }

    private final List<Problem> problems;

    public LabelCharacterException(List<Problem> problems) {
        super(problems.size() == 1 ? "labels.missingGlyph" : "labels.missingGlyphs", problems.get(0).character(),
                problems.get(0).codes(), problems.get(0).number().value(), problems.get(0).name(), problems.size() - 1);
        this.problems = List.copyOf(problems);
    }

    /** Every addressee concerned, in mailing order; one entry per addressee (the first bad character). */
    public List<Problem> problems() {
        return problems;
    }
}
