package jp.kiban.addressee;

import java.util.Optional;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.id.AddresseeNumber;

/**
 * What an address label needs about one addressee.
 *
 * @param name       full name as printed (kanji with IVS, or the alphabet name)
 * @param furigana   full-width katakana, for sorting; may be empty
 */
public record NameAndAddress(AddresseeNumber number, String name, String furigana, Optional<PostalCode> postalCode,
        Address address) {
}
