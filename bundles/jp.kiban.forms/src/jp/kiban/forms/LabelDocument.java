package jp.kiban.forms;

import java.util.List;

import jp.kiban.addressee.LabelRun;

/**
 * A finished label run.
 *
 * @param pdf     the PDF (A4 pages)
 * @param pages   number of pages (sheets or envelope sheets)
 * @param labels  number of labels printed, in {@code jp.kiban.addressee.AddressLabel.MAILING_ORDER}
 * @param layout  the paper
 * @param writing the writing used
 * @param missing the 宛名番号 that got no label, with the reason (nobody is dropped silently)
 */
public record LabelDocument(byte[] pdf, int pages, int labels, LabelLayout layout, LabelWriting writing,
        List<LabelRun.Missing> missing) {

    public LabelDocument {
        missing = List.copyOf(missing);
    }
}
