package jp.kiban.resident.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One 異動: provisional, confirmed or rejected. */
@Entity(name = "ResidentChange")
@Table(name = "resident_change")
public class ChangeEntity {
    @Id
    @Column(name = "change_id", length = 36)
    String changeId;
    @Column(nullable = false)
    String reason;
    @Column(nullable = false)
    String state;
    @Column(name = "change_date", nullable = false)
    LocalDate changeDate;
    @Column(name = "notification_date")
    LocalDate notificationDate;
    @Column(name = "processed_on", nullable = false)
    LocalDate processedOn;
    @Column(name = "registered_by", nullable = false)
    String registeredBy;
    @Column(name = "registered_by_name", nullable = false)
    String registeredByName;
    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;
    @Column(name = "decided_by")
    String decidedBy;
    @Column(name = "decided_by_name")
    String decidedByName;
    @Column(name = "decided_at")
    Instant decidedAt;
    @Column(name = "reject_reason")
    String rejectReason;
    @Column(name = "confirm_seq")
    Long confirmSeq;
    @Column(nullable = false)
    String description;
    @Column(name = "cancelled_change_id")
    String cancelledChangeId;
    @Column(name = "cancelled_by")
    String cancelledBy;

    public ChangeEntity() {
        // for JPA
    }
}
