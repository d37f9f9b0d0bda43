package jp.kiban.addressee;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * 送付先: per 宛名番号 and business, a mailing address that overrides the registered address for a
 * period. For one number and business at most one is in effect on any day. All writes join the
 * caller's transaction.
 */
public interface MailingAddresses {

    /**
     * Stores a mailing address for its period. Existing ones of the same number and business that
     * overlap the period give way: the part before the new period is kept (ending the day before),
     * the part after a closed new period is kept (starting the day after), what lies inside is
     * removed. So a temporary 送付先 for May inside an open-ended one from April leaves April, then
     * the new one for May, then the old one again from June.
     *
     * @throws AddresseeException {@code mailing.unknownNumber} if the 宛名番号 was never assigned here
     */
    MailingAddress set(Operator operator, MailingAddressData data);

    /**
     * Ends the mailing address in effect on {@code lastDay}: it stays valid up to and including that
     * day. Mailing addresses starting later are not touched.
     *
     * @throws AddresseeException {@code mailing.noneInEffect} if none is in effect on that day
     */
    MailingAddress end(Operator operator, AddresseeNumber number, BusinessCode business, LocalDate lastDay);

    /** The mailing address in effect on the day, if any. */
    Optional<MailingAddress> effective(AddresseeNumber number, BusinessCode business, LocalDate day);

    /** All mailing addresses of the number, past, present and future, by business and start date. */
    List<MailingAddress> list(AddresseeNumber number);
}
