package jp.kiban.core.id;

import jp.kiban.core.DomainException.Label;

/**
 * 宛名番号: Kiban's own serial number, 10 digits plus a modulus 11 check digit (weights 2–7 cycling
 * from the right; remainder 0 or 1 gives check digit 0). The check digit catches typing errors when
 * a clerk keys the number from a printed notice. A distinct type so it cannot be mixed up with
 * {@link HouseholdNumber}.
 *
 * @param value the 11 ASCII digits including the check digit
 */
public record AddresseeNumber(String value) implements Comparable<AddresseeNumber> {

    /** Total number of digits, check digit included. */
    public static final int LENGTH = SerialNumbers.LENGTH;
    public static final long MAX_SERIAL = SerialNumbers.MAX_SERIAL;

    private static final Label LABEL = new Label("addresseeNumber");

    public AddresseeNumber {
        value = SerialNumbers.verify(value, LABEL);
    }

    /** Parses and verifies the full 11-digit number. */
    public static AddresseeNumber of(String text) {
        return new AddresseeNumber(text);
    }

    /** The number for a serial assigned by the system (1 to {@value #MAX_SERIAL}). */
    public static AddresseeNumber fromSerial(long serial) {
        return new AddresseeNumber(SerialNumbers.fromSerial(serial, LABEL));
    }

    public long serial() {
        return SerialNumbers.serial(value);
    }

    @Override
    public int compareTo(AddresseeNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
