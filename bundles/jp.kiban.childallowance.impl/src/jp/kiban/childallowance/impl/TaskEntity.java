package jp.kiban.childallowance.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** jidoteate_task: 確認事項 from resident events. */
@Entity(name = "JidoteateTask")
@Table(name = "jidoteate_task")
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
    @Column(name = "recipient_id")
    String recipientId;
    @Column(name = "change_date", nullable = false)
    LocalDate changeDate;
    @Column
    LocalDate deadline;
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
