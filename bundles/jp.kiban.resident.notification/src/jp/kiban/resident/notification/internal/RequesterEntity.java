package jp.kiban.resident.notification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** notification_requester: the 交付請求者区分 of an issued certificate, by 発行番号. */
@Entity(name = "NotificationRequester")
@Table(name = "notification_requester")
public class RequesterEntity {
    @Id
    @Column(name = "issue_number")
    String issueNumber;
    @Column(nullable = false)
    String requester;
    @Column(name = "recorded_by", nullable = false)
    String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    public RequesterEntity() {
        // for JPA
    }
}
