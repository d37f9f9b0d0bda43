package jp.kiban.addressee;

import java.time.Instant;
import java.util.Objects;

import jp.kiban.core.id.AddresseeNumber;

/**
 * A 住登外者 as registered.
 *
 * @param movedIn   true once the person has become a resident under the same 宛名番号
 *                  ({@link AddresseeNumbers#changeKind}); the record is then kept as it was and is
 *                  no longer updated, searched or answered by the addressee base's directory
 * @param updatedAt when the record was last written
 * @param updatedBy the operator id who last wrote it
 */
public record NonResident(AddresseeNumber number, NonResidentData data, boolean movedIn, Instant updatedAt,
        String updatedBy) {
    public NonResident {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(data, "data");
    }
}
