package jp.kiban.resident;

import java.util.Optional;

import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.ResidentRecordCode;

/**
 * A counter search. All given criteria must match. {@code name} is a フリガナ (katakana, hiragana,
 * half-width) or a kanji name, partial, spaces ignored; kanji are compared with old and variant
 * forms folded (髙 = 高, 﨑 = 崎 …) and without variation selectors. {@code address} matches part of
 * the 町字・番地・方書. Results are ordered by フリガナ and limited to {@link #MAX_LIMIT}.
 */
public record ResidentQuery(Optional<String> name, Optional<RecordedDate> birthDate, Optional<String> address,
        Optional<AddresseeNumber> addresseeNumber, Optional<ResidentRecordCode> residentRecordCode,
        Optional<IndividualNumber> individualNumber, boolean includeRemoved, int offset, int limit) {

    public static final int MAX_LIMIT = 200;

    public ResidentQuery {
        name = blankToEmpty(name);
        address = blankToEmpty(address);
        birthDate = birthDate == null ? Optional.empty() : birthDate;
        addresseeNumber = addresseeNumber == null ? Optional.empty() : addresseeNumber;
        residentRecordCode = residentRecordCode == null ? Optional.empty() : residentRecordCode;
        individualNumber = individualNumber == null ? Optional.empty() : individualNumber;
        offset = Math.max(0, offset);
        limit = limit <= 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean hasCriteria() {
        return name.isPresent() || birthDate.isPresent() || address.isPresent() || addresseeNumber.isPresent()
                || residentRecordCode.isPresent() || individualNumber.isPresent();
    }

    private static Optional<String> blankToEmpty(Optional<String> v) {
        return v == null ? Optional.empty() : v.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** From form fields; blank text means "not given". */
    public static final class Builder {
        private String name;
        private RecordedDate birthDate;
        private String address;
        private AddresseeNumber addresseeNumber;
        private ResidentRecordCode residentRecordCode;
        private IndividualNumber individualNumber;
        private boolean includeRemoved;
        private int offset;
        private int limit = MAX_LIMIT;

        private Builder() {
        }

        public Builder name(String v) { name = v; return this; }
        public Builder birthDate(RecordedDate v) { birthDate = v; return this; }
        /** 和暦 or 西暦 text such as 昭和55年3月1日, S55.3.1 or 1980-03-01; blank for none. */
        public Builder birthDate(String v) { birthDate = v == null || v.isBlank() ? null : RecordedDate.parse(v); return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder addresseeNumber(AddresseeNumber v) { addresseeNumber = v; return this; }
        public Builder residentRecordCode(ResidentRecordCode v) { residentRecordCode = v; return this; }
        public Builder individualNumber(IndividualNumber v) { individualNumber = v; return this; }
        public Builder includeRemoved(boolean v) { includeRemoved = v; return this; }
        public Builder page(int offset, int limit) { this.offset = offset; this.limit = limit; return this; }

        public ResidentQuery build() {
            return new ResidentQuery(Optional.ofNullable(name), Optional.ofNullable(birthDate), Optional.ofNullable(address),
                    Optional.ofNullable(addresseeNumber), Optional.ofNullable(residentRecordCode),
                    Optional.ofNullable(individualNumber), includeRemoved, offset, limit);
        }
    }
}
