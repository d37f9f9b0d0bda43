package jp.kiban.forms;

import java.util.List;

/**
 * Lays out {@link Notice}s as PDF (A4 portrait, IPAmj明朝 so that every registered name prints, 和暦 dates). The
 * issuer line (都道府県 + town + mayor's title and name) and the 公印 come from the municipality settings and the
 * seal settings of the forms ({@code forms.seal.*}). The writer keeps no history: a business records what it sent.
 *
 * <p>A character the font lacks refuses the notice with a {@link FormException} that names it.
 */
public interface NoticeWriter {

    /** One notice; one or more pages. */
    byte[] write(Notice notice);

    /**
     * Many notices in one PDF (a batch run for the post), each starting on a new page, in the given order.
     *
     * @throws FormException naming the recipient of the first notice that cannot be printed; nothing is written
     */
    byte[] writeAll(List<Notice> notices);
}
