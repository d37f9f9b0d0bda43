package jp.kiban.addressee;

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

    public AddressLabel {
        addressLines = List.copyOf(addressLines);
    }

    /** Where the address on a label comes from. */
    public enum Source {
        /** A 送付先 for the business, in effect on the day. */
        MAILING_ADDRESS,
        /** The address an {@link AddresseeDirectory} has registered for the person. */
        REGISTERED_ADDRESS
    }
}
