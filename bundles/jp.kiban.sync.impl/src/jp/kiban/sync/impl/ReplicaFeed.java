package jp.kiban.sync.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.sync.Outbox;
import jp.kiban.sync.ReplicaApplier;
import jp.kiban.sync.ReplicaApplier.Outcome;
import jp.kiban.sync.ReplicaApplier.PulledEvent;

/**
 * Brings the local replica up to date from the inbox: the pulled events not yet applied, in central order,
 * one group (one business change) per transaction, each handed to the module that owns its type
 * ({@link ReplicaApplier}). The inbox row is marked in the module's transaction, so an event is applied
 * exactly once even if the terminal stops half-way. An event about an entity that has a local change still
 * waiting to be pushed is held back, with everything after it, until the central store has answered for
 * the local change (the next round pushes first): the central store decides, never the order of arrival.
 */
public final class ReplicaFeed {

    private static final Logger LOG = SyncServiceComponent.LOG;

    /** What one run did. {@code held} is true when it stopped at an event waiting for the local outbox. */
    public record Result(int applied, int already, int skipped, int failed, boolean held) {
    }

    private final InboxStore inbox;
    private final Outbox outbox;
    private final Supplier<List<ReplicaApplier>> appliers;
    private final ObjectMapper json = new ObjectMapper();

    public ReplicaFeed(InboxStore inbox, Outbox outbox, Supplier<List<ReplicaApplier>> appliers) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.appliers = appliers;
    }

    private ReplicaApplier applierOf(String type) {
        for (ReplicaApplier a : appliers.get()) {
            if (a.types().contains(type)) {
                return a;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private PulledEvent pulled(InboxEntity i) {
        Map<String, Object> payload;
        try {
            payload = json.readValue(i.payload, Map.class);
        } catch (IOException e) {
            payload = Map.of();
        }
        return new PulledEvent(i.centralSeq, i.eventId.strip(), i.type, i.groupId, i.aggregateKey, i.baseHistory,
                i.newHistory, payload, i.own);
    }

    /** Applies every waiting event it can; {@code progress} is told (done, total) after every group. */
    public Result apply(BiConsumer<Long, Long> progress) {
        long total = inbox.unappliedCount();
        long done = 0;
        int applied = 0;
        int already = 0;
        int skipped = 0;
        int failed = 0;
        while (true) {
            List<InboxEntity> page = inbox.unapplied(500);
            if (page.isEmpty()) {
                return new Result(applied, already, skipped, failed, false);
            }
            int at = 0;
            while (at < page.size()) {
                // one group: consecutive events with the same group id and type (an event without a group alone)
                InboxEntity first = page.get(at);
                List<InboxEntity> group = new ArrayList<>();
                group.add(first);
                int next = at + 1;
                while (first.groupId != null && next < page.size() && first.groupId.equals(page.get(next).groupId)
                        && first.type.equals(page.get(next).type)) {
                    group.add(page.get(next++));
                }
                if (next == page.size() && page.size() == 500 && at > 0 && first.groupId != null) {
                    break; // the group may go on in the next page: read it from its start
                }
                List<Long> seqs = group.stream().map(i -> i.centralSeq).toList();
                ReplicaApplier applier = applierOf(first.type);
                if (applier == null) {
                    inbox.mark(seqs, "NONE");
                } else {
                    for (InboxEntity i : group) {
                        if (!i.own && i.aggregateKey != null && outbox.waiting(i.aggregateKey)) {
                            LOG.info("Pulled change of " + i.aggregateKey + " (central sequence " + i.centralSeq
                                    + ") waits: a local change of it is not pushed yet");
                            return new Result(applied, already, skipped, failed, true);
                        }
                    }
                    try {
                        ReplicaApplier.Applied result = applier.apply(group.stream().map(this::pulled).toList(),
                                outcome -> inbox.mark(seqs, switch (Objects.requireNonNull(outcome)) {
                                    case APPLIED -> "APPLIED";
                                    case ALREADY_APPLIED -> "ALREADY";
                                    case SKIPPED -> "SKIPPED";
                                }));
                        switch (result.outcome()) {
                            case APPLIED -> applied += group.size();
                            case ALREADY_APPLIED -> already += group.size();
                            case SKIPPED -> skipped += group.size();
                        }
                        try {
                            result.afterCommit().run();
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "After applying " + first.type + ": " + e.getMessage(), e);
                        }
                        if (result.outcome() == Outcome.SKIPPED) {
                            LOG.warning("Pulled " + first.type + " (central sequence " + first.centralSeq
                                    + ") not understood by the replica: kept in the inbox as received");
                        }
                    } catch (RuntimeException e) {
                        // a change the local register cannot take (bad data): recorded, not retried forever
                        LOG.log(Level.SEVERE, "Pulled " + first.type + " (central sequence " + first.centralSeq + ", group "
                                + first.groupId + ") could not be applied to the replica: " + e.getMessage(), e);
                        inbox.mark(seqs, "FAILED");
                        failed += group.size();
                    }
                }
                done += group.size();
                progress.accept(done, Math.max(done, total));
                at = next;
            }
        }
    }
}
