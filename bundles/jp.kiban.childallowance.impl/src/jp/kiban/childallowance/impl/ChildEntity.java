package jp.kiban.childallowance.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** jidoteate_child: a child of a recipient (対象児童, or an older child counted for the order). */
@Entity(name = "JidoteateChild")
@Table(name = "jidoteate_child")
public class ChildEntity {
    @Id
    String id;
    @Column(name = "recipient_id", nullable = false)
    String recipientId;
    @Column(name = "addressee_number")
    String addresseeNumber;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String furigana;
    @Column(name = "birth_date", nullable = false)
    LocalDate birthDate;
    @Column(nullable = false)
    String relationship;
    @Column(name = "from_month", nullable = false)
    LocalDate fromMonth;
    @Column(name = "until_month")
    LocalDate untilMonth;
    @Column(name = "supported_from")
    LocalDate supportedFrom;
    @Column(name = "end_reason")
    String endReason;
    @Column(name = "recorded_by", nullable = false)
    String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    public ChildEntity() {
        // for JPA
    }
}
