package jp.kiban.sync.impl;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kiban.sync.OutboxEntry;

/** Row of sync_outbox. */
@Entity(name = "SyncOutbox")
@Table(name = "sync_outbox")
public class OutboxEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "local_seq")
    Long localSeq;
    @Column(name = "event_id", nullable = false, length = 36)
    String eventId;
    @Column(name = "municipality_code", length = 6)
    String municipalityCode;
    @Column(name = "event_type", nullable = false)
    String type;
    @Column(name = "group_id")
    String groupId;
    @Column(name = "aggregate_key")
    String aggregateKey;
    @Column(name = "base_history")
    Integer baseHistory;
    @Column(name = "new_history")
    Integer newHistory;
    @Column(name = "payload", nullable = false, length = 32000)
    String payload;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "pushed_at")
    Instant pushedAt;
    @Column(name = "outcome")
    String outcome;
    @Column(name = "central_seq")
    Long centralSeq;

    public OutboxEntity() {
        // for JPA
    }

    OutboxEntry toEntry() {
        return new OutboxEntry(UUID.fromString(eventId), localSeq, municipalityCode, type, groupId, aggregateKey,
                baseHistory, newHistory, payload, createdAt, pushedAt);
    }
}
