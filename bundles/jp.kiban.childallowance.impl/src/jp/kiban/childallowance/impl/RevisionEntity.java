package jp.kiban.childallowance.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** jidoteate_revision: 認定・額改定・消滅 of a recipient, in order ({@code seq}). */
@Entity(name = "JidoteateRevision")
@Table(name = "jidoteate_revision")
public class RevisionEntity {
    @Id
    String id;
    @Column(name = "recipient_id", nullable = false)
    String recipientId;
    @Column(nullable = false)
    int seq;
    @Column(nullable = false)
    String kind;
    @Column(name = "effective_month", nullable = false)
    LocalDate effectiveMonth;
    @Column(name = "monthly_amount", nullable = false)
    long monthlyAmount;
    @Column(name = "application_date")
    LocalDate applicationDate;
    @Column(name = "event_date")
    LocalDate eventDate;
    @Column(nullable = false)
    String detail;
    @Column(name = "recorded_by", nullable = false)
    String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    public RevisionEntity() {
        // for JPA
    }
}
