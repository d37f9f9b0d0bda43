package jp.kiban.addressee;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored 送付先.
 *
 * @param id a globally unique id (UUID text), stable across the record's life
 */
public record MailingAddress(String id, MailingAddressData data, Instant updatedAt, String updatedBy) {
    public MailingAddress {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(data, "data");
    }
}
