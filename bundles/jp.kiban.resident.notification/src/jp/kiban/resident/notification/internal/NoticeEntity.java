package jp.kiban.resident.notification.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** notification_notice: an issued certificate about a registered person. */
@Entity(name = "NotificationNotice")
@Table(name = "notification_notice")
public class NoticeEntity {
    @Id
    String id;
    @Column(name = "registration_id", nullable = false)
    String registrationId;
    @Column(name = "addressee_number", nullable = false)
    String addresseeNumber;
    @Column(name = "issue_entry_id", nullable = false)
    String issueEntryId;
    @Column(name = "issue_number", nullable = false)
    String issueNumber;
    @Column(nullable = false)
    String kind;
    @Column(name = "issued_on", nullable = false)
    LocalDate issuedOn;
    @Column(nullable = false)
    int pages;
    @Column(nullable = false)
    String requester;
    @Column(name = "sent_at")
    Instant sentAt;
    @Column(name = "sent_by")
    String sentBy;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    public NoticeEntity() {
        // for JPA
    }
}
