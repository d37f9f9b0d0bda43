package jp.kiban.addressee;

import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;

/**
 * Assigns 宛名番号 and 世帯番号: one number per person for life, never reused, with its check digit.
 * Assignment joins the caller's transaction ({@code Transactions.required}), so a number is used
 * exactly when the change that needed it commits.
 *
 * <p>Numbers come from a range owned by this installation; with synchronisation (the sync issue)
 * each terminal will lease its own range in advance, so it can assign numbers offline.
 */
public interface AddresseeNumbers {

    AddresseeNumber assign(AddresseeKind kind);

    HouseholdNumber assignHousehold();

    /** The kind recorded for a number, empty if this installation never assigned or registered it. */
    Optional<AddresseeKind> kindOf(AddresseeNumber number);

    /** A 住登外者 who moves in becomes a resident under the same number (and the other way round). */
    void changeKind(AddresseeNumber number, AddresseeKind kind);
}
