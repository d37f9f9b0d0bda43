package jp.kiban.addressee.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kiban.addressee.BusinessCode;
import jp.kiban.addressee.MailingAddress;
import jp.kiban.addressee.MailingAddressData;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.id.AddresseeNumber;

/** One 送付先 for a period. */
@Entity(name = "AddresseeMailing")
@Table(name = "addressee_mailing")
public class MailingAddressEntity {
    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "addressee_number", nullable = false, length = 11)
    private String number;
    @Column(nullable = false, length = 40)
    private String business;
    @Column(length = 120)
    private String recipient;
    @Column(name = "postal_code", length = 7)
    private String postalCode;
    @Embedded
    private AddressColumns address;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    public MailingAddressEntity() {
        // for JPA
    }

    MailingAddressEntity(String id, MailingAddressData d, String operator, Instant now) {
        this.id = id;
        this.createdAt = now;
        set(d, operator, now);
    }

    void set(MailingAddressData d, String operator, Instant now) {
        number = d.number().value();
        business = d.business().value();
        recipient = d.recipient().orElse(null);
        postalCode = d.postalCode().map(PostalCode::value).orElse(null);
        address = AddressColumns.of(Optional.of(d.address()));
        validFrom = d.validFrom();
        validTo = d.validTo().orElse(null);
        updatedAt = now;
        updatedBy = operator;
    }

    MailingAddressData data() {
        return new MailingAddressData(AddresseeNumber.of(number), BusinessCode.of(business), Optional.ofNullable(recipient),
                Optional.ofNullable(postalCode).map(PostalCode::of), address.toAddress().orElseThrow(), validFrom,
                Optional.ofNullable(validTo));
    }

    MailingAddress toMailingAddress() {
        return new MailingAddress(id, data(), updatedAt, updatedBy);
    }

    LocalDate getValidFrom() {
        return validFrom;
    }

    LocalDate getValidTo() {
        return validTo;
    }
}
