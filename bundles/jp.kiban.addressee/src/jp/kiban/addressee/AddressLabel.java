package jp.kiban.addressee;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.kiban.core.address.PostalCode;
import jp.kiban.core.id.AddresseeNumber;

/**
 * The data of one 宛名ラベル (the printing comes with the forms).
 *
 * @param postalCode   郵便番号, if known (addresses abroad have none)
 * @param addressLines 1 to 3 lines: 都道府県+市区町村+町字+番地 (split after the 市区町村 when longer than
 *                     {@link AddressLabels#LINE_LENGTH} characters), then the 方書; an address abroad line by line
 * @param recipient    the 送付先's care-of or agent line (e.g. 山田 花子 様方), printed above the name
 * @param name         the addressee's name followed by a full-width space and 様
 * @param furigana     the reading used for sorting
 * @param source       whether the 送付先 or the registered address was used
 */
public record AddressLabel(AddresseeNumber number, Optional<PostalCode> postalCode, List<String> addressLines,
        Optional<String> recipient, String name, String furigana, Source source) {

    /**
     * The order of a mailing (and of {@link LabelRun#labels()}): by 郵便番号 (labels without one last), then
     * by address (numbers inside compared by value, so 2番地 comes before 10番地), then フリガナ, then 宛名番号.
     * Post sorted this way goes to the post office in delivery order.
     */
    public static final Comparator<AddressLabel> MAILING_ORDER = Comparator
            .comparing((AddressLabel l) -> l.postalCode().map(PostalCode::value).orElse("\uFFFF"))
            .thenComparing(l -> String.join("", l.addressLines()), AddressLabel::compareNatural)
            .thenComparing(l -> l.furigana().isEmpty() ? "\uFFFF" : l.furigana().replace("\u3000", "").replace(" ", ""))
            .thenComparing(AddressLabel::number);

    public AddressLabel {
        addressLines = List.copyOf(addressLines);
    }

    /** Text order in which runs of digits (ASCII or full-width) compare by their value. */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                java.math.BigInteger na = new java.math.BigInteger(digits(a, i, ei));
                java.math.BigInteger nb = new java.math.BigInteger(digits(b, j, ej));
                int c = na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.codePointAt(k))) {
            k += Character.charCount(s.codePointAt(k));
        }
        return k;
    }

    private static String digits(String s, int from, int to) {
        StringBuilder out = new StringBuilder();
        s.substring(from, to).codePoints().forEach(cp -> out.append(Character.digit(cp, 10)));
        return out.toString();
    }

    /** Where the address on a label comes from. */
    public enum Source {
        /** A 送付先 for the business, in effect on the day. */
        MAILING_ADDRESS,
        /** The address an {@link AddresseeDirectory} has registered for the person. */
        REGISTERED_ADDRESS
    }
}
