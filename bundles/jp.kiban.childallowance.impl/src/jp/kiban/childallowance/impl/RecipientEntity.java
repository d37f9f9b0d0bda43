package jp.kiban.childallowance.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** jidoteate_recipient: one 認定 of a 受給者, with this business's copy of the person's register items. */
@Entity(name = "JidoteateRecipient")
@Table(name = "jidoteate_recipient")
public class RecipientEntity {
    @Id
    String id;
    @Column(name = "addressee_number", nullable = false)
    String addresseeNumber;
    @Column(name = "household_number", nullable = false)
    String householdNumber;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String furigana;
    @Column(name = "birth_date", nullable = false)
    LocalDate birthDate;
    @Column(name = "postal_code", nullable = false)
    String postalCode;
    @Column(nullable = false)
    String address;
    @Column(name = "application_date", nullable = false)
    LocalDate applicationDate;
    @Column(name = "application_trigger", nullable = false)
    String applicationTrigger;
    @Column(name = "event_date")
    LocalDate eventDate;
    @Column(name = "start_month", nullable = false)
    LocalDate startMonth;
    @Column(name = "end_month")
    LocalDate endMonth;
    @Column(name = "extinction_reason")
    String extinctionReason;
    @Column(name = "extinction_date")
    LocalDate extinctionDate;
    @Column(name = "recorded_by", nullable = false)
    String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    public RecipientEntity() {
        // for JPA
    }
}
