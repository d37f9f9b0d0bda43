package jp.kiban.core.id;

import jp.kiban.core.DomainException.Label;

/**
 * 世帯番号: Kiban's own serial number, 10 digits plus a modulus 11 check digit (weights 2–7 cycling
 * from the right; remainder 0 or 1 gives check digit 0). The check digit catches typing errors when
 * a clerk keys the number from a printed notice. A distinct type so it cannot be mixed up with
 * {@link AddresseeNumber}.
 *
 * @param value the 11 ASCII digits including the check digit
 */
public record HouseholdNumber(String value) implements Comparable<HouseholdNumber> {

    /** Total number of digits, check digit included. */
    public static final int LENGTH = SerialNumbers.LENGTH;
    public static final long MAX_SERIAL = SerialNumbers.MAX_SERIAL;

    private static final Label LABEL = new Label("householdNumber");

    public HouseholdNumber {
        value = SerialNumbers.verify(value, LABEL);
    }

    /** Parses and verifies the full 11-digit number. */
    public static HouseholdNumber of(String text) {
        return new HouseholdNumber(text);
    }

    /** The number for a serial assigned by the system (1 to {@value #MAX_SERIAL}). */
    public static HouseholdNumber fromSerial(long serial) {
        return new HouseholdNumber(SerialNumbers.fromSerial(serial, LABEL));
    }

    public long serial() {
        return SerialNumbers.serial(value);
    }

    @Override
    public int compareTo(HouseholdNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
