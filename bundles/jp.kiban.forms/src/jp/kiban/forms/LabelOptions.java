package jp.kiban.forms;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jp.kiban.addressee.BusinessCode;

/**
 * What a label run prints on and how.
 *
 * @param layout        the paper
 * @param writing       横書き or 縦書き; empty = the town's setting ({@code labels.writing}); an envelope block is
 *                      always horizontal (its window is landscape)
 * @param business      whose 送付先 win over the registered address (see {@code AddressLabels})
 * @param day           the day the addresses are taken for
 * @param startPosition the first label position used on the first sheet (1 = top left; later positions let a
 *                      partly used sheet be used up), row by row
 * @param outlines      draw each label's outline in light grey (for a test print on plain paper when
 *                      calibrating; leave off on real label sheets)
 */
public record LabelOptions(LabelLayout layout, Optional<LabelWriting> writing, BusinessCode business, LocalDate day,
        int startPosition, boolean outlines) {

    /** The business code used when none is given: the resident register's own mailings. */
    public static final BusinessCode RESIDENT_BUSINESS = BusinessCode.of("resident");

    public LabelOptions {
        Objects.requireNonNull(layout, "layout");
        writing = writing == null ? Optional.empty() : writing;
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(day, "day");
        if (startPosition < 1 || startPosition > layout.perPage()) {
            throw new FormException("labels.startPosition", startPosition, layout.perPage());
        }
    }

    /** The layout in the town's writing, for the resident business, addresses as of today, from position 1. */
    public static LabelOptions of(LabelLayout layout) {
        return new LabelOptions(layout, Optional.empty(), RESIDENT_BUSINESS, LocalDate.now(), 1, false);
    }

    public LabelOptions withWriting(LabelWriting w) {
        return new LabelOptions(layout, Optional.of(w), business, day, startPosition, outlines);
    }

    public LabelOptions withBusiness(BusinessCode b) {
        return new LabelOptions(layout, writing, b, day, startPosition, outlines);
    }

    public LabelOptions withDay(LocalDate d) {
        return new LabelOptions(layout, writing, business, d, startPosition, outlines);
    }

    public LabelOptions withStartPosition(int position) {
        return new LabelOptions(layout, writing, business, day, position, outlines);
    }

    public LabelOptions withOutlines(boolean on) {
        return new LabelOptions(layout, writing, business, day, startPosition, on);
    }
}
