package jp.kiban.sync.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of sync_inbox: one event pulled from the central store. */
@Entity(name = "SyncInbox")
@Table(name = "sync_inbox")
public class InboxEntity {
    @Id
    @Column(name = "central_seq")
    Long centralSeq;
    @Column(name = "event_id", nullable = false, length = 36)
    String eventId;
    @Column(name = "municipality_code", nullable = false, length = 6)
    String municipalityCode;
    @Column(name = "terminal_id", nullable = false, length = 36)
    String terminalId;
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
    @Column(name = "received_at", nullable = false)
    Instant receivedAt;
    @Column(name = "own", nullable = false)
    boolean own;
    /** NULL until applied to the local replica, then APPLIED, ALREADY, SKIPPED or NONE (V004). */
    @Column(name = "applied", length = 10)
    String applied;

    public InboxEntity() {
        // for JPA
    }
}
