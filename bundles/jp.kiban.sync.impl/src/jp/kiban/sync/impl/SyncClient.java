package jp.kiban.sync.impl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.sync.Outbox;
import jp.kiban.sync.NumberLeaseKinds;
import jp.kiban.sync.OutboxEntry;
import jp.kiban.sync.protocol.SyncProtocol;
import jp.kiban.sync.protocol.SyncProtocol.Event;
import jp.kiban.sync.protocol.SyncProtocol.EventPage;
import jp.kiban.sync.protocol.SyncProtocol.LeaseGrant;
import jp.kiban.sync.protocol.SyncProtocol.LeaseRequest;
import jp.kiban.sync.protocol.SyncProtocol.PushRequest;
import jp.kiban.sync.protocol.SyncProtocol.PushResponse;
import jp.kiban.sync.protocol.SyncProtocol.PushResult;
import jp.kiban.sync.protocol.SyncProtocol.TerminalInfo;

/**
 * One terminal's conversation with the central store: push the outbox in local order, in batches, and
 * mark entries as pushed only from the central store's answer (which comes after its commit); then pull
 * the municipality's events since the last one received. Safe to repeat at any point: a batch whose
 * answer was lost is sent again and reported as DUPLICATE.
 */
public final class SyncClient {

    /** What one round did. */
    public record Result(int applied, int duplicates, int conflicts, int pulled, long lastSequence, int replicated) {
    }

    /**
     * Where the pushes of this client spent their time, in nanoseconds summed over every batch since it was made:
     * reading the outbox, the round trip to the central store (JSON both ways, HTTP and the store's transaction),
     * and the acknowledgement in the outbox.
     */
    public record PushTimes(int batches, long readNanos, long centralNanos, long acknowledgeNanos) {
    }

    private final long[] pushTimes = new long[4];

    /** The time spent so far per phase of {@link #push}. */
    public synchronized PushTimes pushTimes() {
        return new PushTimes((int) pushTimes[0], pushTimes[1], pushTimes[2], pushTimes[3]);
    }

    private synchronized void timed(long read, long central, long acknowledge) {
        pushTimes[0]++;
        pushTimes[1] += read;
        pushTimes[2] += central;
        pushTimes[3] += acknowledge;
    }

    /** The central store did not answer as expected; {@link #retryable()} for network trouble and 5xx. */
    public static final class SyncException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        SyncException(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status, or 0 when no answer came. */
        public int status() {
            return status;
        }

        public boolean retryable() {
            return status == 0 || status >= 500 || status == 429;
        }
    }

    private final URI api;
    private final String token;
    private final Outbox outbox;
    private final InboxStore inbox;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private volatile TerminalInfo terminal;
    private volatile BiConsumer<Long, Long> progress = (done, total) -> { };
    private volatile ReplicaFeed replica;

    /** @param api the central store's API root, e.g. {@code https://central.example.jp/api/v1} */
    public SyncClient(URI api, String token, Outbox outbox, InboxStore inbox, Duration timeout) {
        String s = api.toString();
        this.api = URI.create(s.endsWith("/") ? s : s + "/");
        this.token = token;
        this.outbox = outbox;
        this.inbox = inbox;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Applies the pulled events to the local replica after every pull (null: the events stay in the inbox only). */
    public SyncClient useReplica(ReplicaFeed feed) {
        this.replica = feed;
        return this;
    }

    /** Told (entries pushed, entries waiting at the start) after every batch. */
    public void onProgress(BiConsumer<Long, Long> listener) {
        progress = listener;
    }

    private volatile ReplicaProgress steps = (phase, done, total) -> { };

    /**
     * Told every step of {@link #sync()}: ("push", pushed, waiting) after every batch, ("pull", 1, 1) when
     * everything new is here, ("apply", applied, to apply) after every change applied to the local replica.
     */
    public void onSteps(ReplicaProgress listener) {
        steps = listener;
    }

    private <T> T call(String method, String path, Object body, Class<T> type) throws SyncException {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        try {
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                String message;
                try {
                    message = json.readValue(r.body(), SyncProtocol.Failure.class).message();
                } catch (IOException notJson) {
                    message = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                }
                throw new SyncException(r.statusCode(), "central store answered " + r.statusCode() + " to " + method + " "
                        + path + ": " + message, null);
            }
            return json.readValue(r.body(), type);
        } catch (IOException e) {
            throw new SyncException(0, "central store unreachable (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(0, "interrupted", e);
        }
    }

    public TerminalInfo terminal() throws SyncException {
        TerminalInfo t = call("GET", "terminal", null, TerminalInfo.class);
        terminal = t;
        return t;
    }

    private static Event event(OutboxEntry e, String municipality) {
        return new Event(e.eventId().toString(), e.municipalityCode() == null ? municipality : e.municipalityCode(),
                e.localSequence(), e.type(), e.groupId(), e.aggregateKey(), e.baseHistory(), e.newHistory(),
                e.payloadJson(), null, null);
    }

    /**
     * Pushes the outbox until it is empty (or {@code maxBatches} were sent). Entries of one group are never
     * split across batches.
     *
     * @return {applied, duplicates, conflicts}
     */
    public int[] push(int batchSize, int maxBatches) throws SyncException {
        TerminalInfo t = terminal == null ? terminal() : terminal;
        int[] counts = new int[3];
        long total = outbox.pendingCount();
        long done = 0;
        for (int round = 0; round < maxBatches; round++) {
            long t0 = System.nanoTime();
            List<OutboxEntry> pending = outbox.pending(batchSize + 1);
            long t1 = System.nanoTime();
            if (pending.isEmpty()) {
                break;
            }
            int end = Math.min(batchSize, pending.size());
            if (pending.size() > batchSize) {
                // keep a group whole: cut before the first entry of the group that straddles the limit
                String straddling = pending.get(batchSize).groupId();
                while (straddling != null && end > 0 && straddling.equals(pending.get(end - 1).groupId())) {
                    end--;
                }
                if (end == 0) {
                    end = batchSize; // one group bigger than a batch: send what fits (the store applies it per batch)
                }
            }
            List<OutboxEntry> batch = pending.subList(0, end);
            PushResponse r = call("POST", "push", new PushRequest(batch.stream().map(e -> event(e, t.municipalityCode())).toList()),
                    PushResponse.class);
            long t2 = System.nanoTime();
            Map<UUID, Outbox.Acknowledgement> acks = new HashMap<>();
            for (PushResult p : r.results()) {
                acks.put(UUID.fromString(p.eventId()), new Outbox.Acknowledgement(p.outcome().name(), p.centralSequence()));
                counts[p.outcome().ordinal()]++;
            }
            outbox.acknowledge(acks);
            timed(t1 - t0, t2 - t1, System.nanoTime() - t2);
            done += batch.size();
            progress.accept(done, Math.max(total, done));
            steps.step("push", done, Math.max(total, done));
        }
        return counts;
    }

    /** Pulls every event since the last one received, page by page. Returns how many were new. */
    public int pull(int pageSize) throws SyncException {
        TerminalInfo t = terminal == null ? terminal() : terminal;
        java.time.Instant started = java.time.Instant.now();
        int n = 0;
        while (true) {
            long since = inbox.lastSequence();
            EventPage page = call("GET", "pull?since=" + since + "&max=" + pageSize, null, EventPage.class);
            n += inbox.store(page.events(), t.terminalId());
            if (!page.more() || page.events().isEmpty()) {
                // everything the central store had when the pull began is here: the data is as of then
                inbox.state().pulled(started);
                return n;
            }
        }
    }

    /** The municipality's open conflicts (the central review queue). */
    public List<SyncProtocol.Conflict> conflicts() throws SyncException {
        return call("GET", "conflicts", null, SyncProtocol.ConflictList.class).conflicts();
    }

    /** A supervisor's decision on one conflict. */
    public SyncProtocol.Conflict decide(String conflictId, SyncProtocol.Decision decision) throws SyncException {
        if (!conflictId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a conflict id: " + conflictId);
        }
        return call("POST", "conflicts/" + conflictId, decision, SyncProtocol.Conflict.class);
    }

    /** Push everything, then pull everything, then apply what was pulled to the local replica. */
    public Result sync() throws SyncException {
        int[] pushed = push(500, Integer.MAX_VALUE);
        int pulled = pull(1000);
        steps.step("pull", 1, 1);
        ReplicaFeed feed = replica;
        int replicated = feed == null ? 0 : feed.apply((d, t) -> steps.step("apply", d, t)).applied();
        return new Result(pushed[0], pushed[1], pushed[2], pulled, inbox.lastSequence(), replicated);
    }

    /** A step of {@link #downloadReplica}: what it is doing, and how far ({@code done} of {@code total}). */
    public interface ReplicaProgress {
        void step(String phase, long done, long total);
    }

    /**
     * Downloads the municipality's data into a new (or stale) terminal: every event since the last one held
     * here, page by page, then applies them to the local replica. Tells {@code progress} ("download", events
     * received, events the municipality has) after every page and ("apply", applied, to apply) after every
     * change. Safe to interrupt and run again: it goes on where it stopped.
     */
    public Result downloadReplica(int pageSize, ReplicaProgress progress) throws SyncException {
        TerminalInfo t = terminal();
        java.time.Instant started = java.time.Instant.now();
        long start = inbox.lastSequence();
        long total = Math.max(0, t.lastSequence() - start);
        long received = 0;
        int n = 0;
        progress.step("download", 0, total);
        while (true) {
            long since = inbox.lastSequence();
            EventPage page = call("GET", "pull?since=" + since + "&max=" + pageSize, null, EventPage.class);
            n += inbox.store(page.events(), t.terminalId());
            received = Math.max(received, page.lastSequence() - start);
            progress.step("download", Math.min(received, Math.max(total, received)), Math.max(total, received));
            if (!page.more() || page.events().isEmpty()) {
                inbox.state().pulled(started);
                break;
            }
        }
        ReplicaFeed feed = replica;
        int replicated = 0;
        if (feed != null) {
            replicated = feed.apply((d, all) -> progress.step("apply", d, all)).applied();
        }
        progress.step("done", 1, 1);
        return new Result(0, 0, 0, n, inbox.lastSequence(), replicated);
    }

    /**
     * Tops up this terminal's number leases: for every kind with fewer than {@code threshold} numbers left,
     * leases ranges of {@code size} until at least {@code threshold} remain. A lease whose answer is lost
     * is a gap in the municipality's numbers, never a number given twice.
     *
     * @return the ranges taken
     */
    public List<LeaseGrant> topUp(NumberLeaseStore leases, List<NumberLeaseKinds.Kind> kinds, long threshold, long size)
            throws SyncException {
        List<LeaseGrant> taken = new java.util.ArrayList<>();
        for (NumberLeaseKinds.Kind k : kinds) {
            for (int round = 0; round < 100 && leases.remaining(k.kind()) < threshold; round++) {
                long floor = Math.max(k.floor(), leases.highest(k.kind()) + 1);
                LeaseGrant g = call("POST", "leases", new LeaseRequest(k.kind(), size, floor, k.max()), LeaseGrant.class);
                if (!k.kind().equals(g.kind()) || g.first() < floor || g.last() < g.first() || g.last() > k.max()) {
                    throw new SyncException(0, "central store answered a lease that was not asked for: " + g, null);
                }
                leases.add(g);
                taken.add(g);
            }
        }
        return taken;
    }
}
