package jp.kiban.forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A notice (通知書) sent by the town to a person: 児童手当認定通知書, 国民健康保険税納税通知書, 本人通知 … Every business
 * lays its notices out the same way through {@link NoticeWriter}: the recipient block where a 長3 window envelope
 * shows it, the 文書番号 and date on the right, the issuer (the mayor, from the municipality settings) with the
 * 公印 when asked, the title, then the body blocks in order, and the footnotes (教示 and the like) at the end.
 *
 * @param title          the title, e.g. {@code 児童手当認定通知書}
 * @param recipient      to whom it is sent
 * @param date           the date of the notice (printed in 和暦)
 * @param documentNumber the 文書番号 (e.g. {@code デ町子第123号}); empty for none
 * @param body           the content, in order
 * @param seal           whether the 公印 is printed over the issuer's name
 * @param footnotes      small print at the end (教示, 問い合わせ先 …), one paragraph each
 */
public record Notice(String title, Recipient recipient, LocalDate date, Optional<String> documentNumber,
        List<Block> body, boolean seal, List<String> footnotes) {

    public Notice {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(date, "date");
        documentNumber = documentNumber == null ? Optional.empty() : documentNumber.filter(s -> !s.isBlank());
        body = List.copyOf(body);
        footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
        if (title.isBlank()) {
            throw new IllegalArgumentException("A notice needs a title");
        }
    }

    /**
     * The recipient as the envelope window shows it.
     *
     * @param postalCode     7 digits or {@code 123-4567}; empty when unknown
     * @param addressLines   one to three lines (address, then 方書)
     * @param name           the name; {@code 様} is added by the writer
     * @param reference      a small reference under the name (e.g. the 宛名番号 or 通知書番号); empty for none
     */
    public record Recipient(String postalCode, List<String> addressLines, String name, String reference) {
        public Recipient {
            postalCode = postalCode == null ? "" : postalCode.strip();
            addressLines = List.copyOf(addressLines);
            Objects.requireNonNull(name, "name");
            reference = reference == null ? "" : reference;
        }
    }

    /** One part of the body. */
    public sealed interface Block permits Heading, Paragraph, Fields, Table {
    }

    /** A small heading (e.g. {@code 1 認定の内容}). */
    public record Heading(String text) implements Block {
    }

    /** Running text, wrapped to the page width. */
    public record Paragraph(String text) implements Block {
    }

    /** Label/value rows in a ruled box (e.g. 受給者, 支給開始月, 手当月額). */
    public record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** One row of {@link Fields}. */
    public record Field(String label, String value) {
    }

    /**
     * A ruled table: a header row and data rows; numbers (columns marked {@code rightAligned}) are aligned right.
     * The last row is printed bold-ruled when {@code totalRow} is set (合計).
     */
    public record Table(String caption, List<String> headers, List<Boolean> rightAligned, List<List<String>> rows,
            boolean totalRow) implements Block {
        public Table {
            caption = caption == null ? "" : caption;
            headers = List.copyOf(headers);
            rightAligned = List.copyOf(rightAligned);
            rows = rows.stream().map(List::copyOf).toList();
            if (rightAligned.size() != headers.size()) {
                throw new IllegalArgumentException("rightAligned needs one entry per column");
            }
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("Every row needs " + headers.size() + " cells: " + row);
                }
            }
        }
    }
}
