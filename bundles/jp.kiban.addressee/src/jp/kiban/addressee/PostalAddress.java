package jp.kiban.addressee;

import java.util.Objects;

import jp.kiban.core.address.Address;

/**
 * Where post goes: an {@link Address} in Japan, or an address abroad as free text (a foreign
 * address has no 都道府県 and follows its own country's rules, so it is kept as written).
 */
public sealed interface PostalAddress permits PostalAddress.Domestic, PostalAddress.Abroad {

    /** The one-line written form. */
    String format();

    static PostalAddress of(Address address) {
        return new Domestic(address);
    }

    static PostalAddress abroad(String text) {
        return new Abroad(text);
    }

    /**
     * An address in Japan. The parts are limited to what the tables hold: 市区町村, 町字 and 番地
     * {@value #MAX_PART} characters each, 方書 {@value #MAX_BUILDING}.
     */
    record Domestic(Address address) implements PostalAddress {
        public static final int MAX_PART = 50;
        public static final int MAX_BUILDING = 100;

        public Domestic {
            Objects.requireNonNull(address, "address");
            length(address.municipality(), "municipality", MAX_PART);
            length(address.town(), "town", MAX_PART);
            length(address.lotNumber(), "lotNumber", MAX_PART);
            address.building().ifPresent(b -> length(b, "building", MAX_BUILDING));
        }

        private static void length(String text, String label, int max) {
            int n = text.codePointCount(0, text.length());
            if (n > max) {
                throw new AddresseeException("text.tooLong", new jp.kiban.core.DomainException.Label(label), max, n);
            }
        }

        @Override
        public String format() {
            return address.format();
        }
    }

    /**
     * An address abroad, as written (Latin letters or any script), up to {@value #MAX_LINES} lines of
     * at most {@value #MAX_LINE_LENGTH} characters; lines are separated by a line feed (CR LF and CR
     * become LF). Leading and trailing blanks of each line and empty lines are removed. Control
     * characters other than the line break are refused.
     */
    record Abroad(String text) implements PostalAddress {
        public static final int MAX_LINES = 4;
        public static final int MAX_LINE_LENGTH = 80;

        public Abroad {
            if (text == null || text.isBlank()) {
                throw new AddresseeException("input.blank", Labels.ADDRESS_ABROAD);
            }
            StringBuilder out = new StringBuilder();
            int lines = 0;
            for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (l.codePoints().anyMatch(Character::isISOControl)) {
                    throw new AddresseeException("text.control", Labels.ADDRESS_ABROAD);
                }
                if (l.codePointCount(0, l.length()) > MAX_LINE_LENGTH) {
                    throw new AddresseeException("abroad.lineTooLong", MAX_LINE_LENGTH);
                }
                lines++;
                if (lines > MAX_LINES) {
                    throw new AddresseeException("abroad.tooManyLines", MAX_LINES);
                }
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(l);
            }
            text = out.toString();
        }

        /** The lines as written. */
        public java.util.List<String> lines() {
            return java.util.List.of(text.split("\n"));
        }

        @Override
        public String format() {
            return String.join(" ", lines());
        }
    }
}
