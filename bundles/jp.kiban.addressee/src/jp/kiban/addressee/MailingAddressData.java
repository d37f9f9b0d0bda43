package jp.kiban.addressee;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.id.AddresseeNumber;

/**
 * A 送付先: for one 宛名番号 and one business, where that business's post goes instead of the
 * registered address, from {@code validFrom} to {@code validTo} (both inclusive; empty = open-ended).
 *
 * @param recipient printed above the addressee's name, as written: a care-of line such as
 *                  {@code 山田 花子 様方} or an agent (代理人); at most {@value #MAX_RECIPIENT} characters
 * @param postalCode required for an address in Japan; empty for an address abroad
 */
public record MailingAddressData(AddresseeNumber number, BusinessCode business, Optional<String> recipient,
        Optional<PostalCode> postalCode, PostalAddress address, LocalDate validFrom, Optional<LocalDate> validTo) {

    public static final int MAX_RECIPIENT = 60;

    public MailingAddressData {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(validFrom, "validFrom");
        recipient = Optional.ofNullable(Texts.optional(recipient == null ? null : recipient.orElse(null),
                Labels.RECIPIENT, MAX_RECIPIENT));
        postalCode = postalCode == null ? Optional.empty() : postalCode;
        validTo = validTo == null ? Optional.empty() : validTo;
        if (address instanceof PostalAddress.Domestic && postalCode.isEmpty()) {
            throw new AddresseeException("mailing.postalCodeRequired");
        }
        if (address instanceof PostalAddress.Abroad && postalCode.isPresent()) {
            throw new AddresseeException("address.postalCodeWithoutAddress");
        }
        if (validTo.isPresent() && validTo.get().isBefore(validFrom)) {
            throw new AddresseeException("period.endBeforeStart");
        }
    }

    /** An open-ended mailing address in Japan without a recipient line. */
    public static MailingAddressData of(AddresseeNumber number, BusinessCode business, PostalCode postalCode,
            Address address, LocalDate validFrom) {
        return new MailingAddressData(number, business, Optional.empty(), Optional.of(postalCode),
                PostalAddress.of(address), validFrom, Optional.empty());
    }

    public MailingAddressData withRecipient(String text) {
        return new MailingAddressData(number, business, Optional.ofNullable(text), postalCode, address, validFrom, validTo);
    }

    public MailingAddressData until(LocalDate lastDay) {
        return new MailingAddressData(number, business, recipient, postalCode, address, validFrom, Optional.ofNullable(lastDay));
    }

    /** True if the period contains the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && validTo.map(t -> !day.isAfter(t)).orElse(true);
    }
}
