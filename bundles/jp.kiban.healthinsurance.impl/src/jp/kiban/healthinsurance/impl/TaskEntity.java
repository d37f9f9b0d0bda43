package jp.kiban.healthinsurance.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** kokuho_task: 確認事項 from resident events. */
@Entity(name = "KokuhoTask")
@Table(name = "kokuho_task")
public class TaskEntity {
    @Id
    String id;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(nullable = false)
    String kind;
    @Column(name = "change_id")
    String changeId;
    @Column(name = "household_number")
    String householdNumber;
    @Column(name = "addressee_number")
    String addresseeNumber;
    @Column(name = "change_date", nullable = false)
    LocalDate changeDate;
    @Column(nullable = false)
    String subject;
    @Column(nullable = false)
    boolean done;
    @Column(name = "resolved_by")
    String resolvedBy;
    @Column(name = "resolved_at")
    Instant resolvedAt;
    @Column
    String note;

    public TaskEntity() {
        // for JPA
    }
}
