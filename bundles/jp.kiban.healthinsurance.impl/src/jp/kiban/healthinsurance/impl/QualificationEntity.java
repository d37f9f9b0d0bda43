package jp.kiban.healthinsurance.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** kokuho_qualification: one 資格 period. */
@Entity(name = "KokuhoQualification")
@Table(name = "kokuho_qualification")
public class QualificationEntity {
    @Id
    String id;
    @Column(name = "addressee_number", nullable = false)
    String addresseeNumber;
    @Column(name = "acquired_on", nullable = false)
    LocalDate acquiredOn;
    @Column(name = "acquisition_reason", nullable = false)
    String acquisitionReason;
    @Column(name = "lost_on")
    LocalDate lostOn;
    @Column(name = "loss_reason")
    String lossReason;
    @Column(name = "recorded_by", nullable = false)
    String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    public QualificationEntity() {
        // for JPA
    }
}
