package jp.kiban.resident.notification.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** notification_registration: one 事前登録. */
@Entity(name = "NotificationRegistration")
@Table(name = "notification_registration")
public class RegistrationEntity {
    @Id
    String id;
    @Column(name = "addressee_number", nullable = false)
    String addresseeNumber;
    @Column(name = "person_name", nullable = false)
    String personName;
    @Column(name = "valid_from", nullable = false)
    LocalDate validFrom;
    @Column(name = "valid_until")
    LocalDate validUntil;
    @Column(name = "ended_on")
    LocalDate endedOn;
    @Column(name = "end_reason")
    String endReason;
    @Column(nullable = false)
    String note;
    @Column(name = "registered_by", nullable = false)
    String registeredBy;
    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;

    public RegistrationEntity() {
        // for JPA
    }
}
