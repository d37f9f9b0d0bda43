package jp.kiban.addressee;

import java.util.Objects;
import java.util.Optional;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.id.AddresseeNumber;

/**
 * What an address label needs about one addressee, as an {@link AddresseeDirectory} knows it.
 *
 * @param name       full name as printed (kanji with IVS, or the alphabet name), without 様
 * @param furigana   full-width katakana, for sorting; may be empty, never null
 * @param postalCode the 郵便番号 of the address, if known
 * @param whereabouts the registered address (in Japan or abroad); empty if the directory knows the
 *                   person but not where they live (居所不明), which the label service reports
 */
public record NameAndAddress(AddresseeNumber number, String name, String furigana, Optional<PostalCode> postalCode,
        Optional<PostalAddress> whereabouts) {

    public NameAndAddress {
        Objects.requireNonNull(number, "number");
        name = Texts.require(name, Labels.NAME, 200);
        furigana = furigana == null ? "" : furigana.strip();
        postalCode = postalCode == null ? Optional.empty() : postalCode;
        whereabouts = whereabouts == null ? Optional.empty() : whereabouts;
    }

    /** A person with an address in Japan (the usual case for the resident base). */
    public NameAndAddress(AddresseeNumber number, String name, String furigana, Optional<PostalCode> postalCode,
            Address address) {
        this(number, name, furigana, postalCode, Optional.of(PostalAddress.of(address)));
    }

    /** The address in Japan, or null if the person lives abroad or the address is unknown. */
    public Address address() {
        return whereabouts.orElse(null) instanceof PostalAddress.Domestic d ? d.address() : null;
    }
}
