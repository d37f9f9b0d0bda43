package jp.kiban.childallowance.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** jidoteate_notice: a notice that was printed (what, for which step, when, by whom). */
@Entity(name = "JidoteateNotice")
@Table(name = "jidoteate_notice")
public class NoticeEntity {
    @Id
    String id;
    @Column(name = "recipient_id", nullable = false)
    String recipientId;
    @Column(name = "revision_id", nullable = false)
    String revisionId;
    @Column(nullable = false)
    String title;
    @Column(name = "notice_date", nullable = false)
    LocalDate noticeDate;
    @Column(name = "monthly_amount", nullable = false)
    long monthlyAmount;
    @Column(name = "issued_by", nullable = false)
    String issuedBy;
    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;

    public NoticeEntity() {
        // for JPA
    }
}
