package jp.kiban.addressee;

import java.time.LocalDate;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;

/**
 * Implemented by whoever holds people's names and addresses: the resident base for residents, the
 * addressee base itself for 住登外者. The addressee base asks every registered directory, so it
 * never reads another bundle's tables.
 */
public interface AddresseeDirectory {

    /** The confirmed name and address of the person on {@code date}, if this directory knows them. */
    Optional<NameAndAddress> lookup(AddresseeNumber number, LocalDate date);
}
