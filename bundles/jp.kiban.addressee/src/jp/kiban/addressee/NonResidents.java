package jp.kiban.addressee;

import java.util.List;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * The register of 住登外者: people the town taxes or serves who do not live in it. Each gets a
 * 宛名番号 of kind {@link AddresseeKind#NON_RESIDENT}; the addressee base answers
 * {@link AddresseeDirectory#lookup} for them, so labels and businesses find their name and address.
 *
 * <h2>Moving into the town</h2>
 * When a 住登外者 becomes a resident, the resident base registers the resident under the
 * <b>same</b> 宛名番号 and, in the same transaction ({@code Transactions.required}), calls
 * {@link AddresseeNumbers#changeKind changeKind(number, RESIDENT)}. From then on the resident base's
 * directory answers for the number, this register's record is kept unchanged ({@link NonResident#movedIn()}
 * is true), {@link #update} refuses it and {@link #searchByFurigana} no longer lists it. Mailing
 * addresses stay attached to the number. Should the person move away again and still be taxed, the
 * resident base changes the kind back to NON_RESIDENT and the record here can be updated again.
 *
 * <p>All writes join the caller's transaction.
 */
public interface NonResidents {

    /** Registers a new 住登外者 with a new 宛名番号. */
    NonResident register(Operator operator, NonResidentData data);

    /**
     * Replaces the recorded data of a 住登外者.
     *
     * @throws AddresseeException {@code nonResident.unknown} if the number is not a registered
     *                            住登外者, {@code nonResident.movedIn} if the person is now a resident
     */
    NonResident update(Operator operator, AddresseeNumber number, NonResidentData data);

    /** The record, also for one who has moved in (see {@link NonResident#movedIn()}). */
    Optional<NonResident> find(AddresseeNumber number);

    /**
     * 住登外者 (not moved in) whose フリガナ contains the given reading, ignoring spaces in both (ヤマダタ
     * finds ヤマダ　タロウ); hiragana and half-width input are accepted. Ordered by フリガナ, then number.
     *
     * @param limit at most this many results, 1 to 1000
     */
    List<NonResident> searchByFurigana(String reading, int limit);
}
