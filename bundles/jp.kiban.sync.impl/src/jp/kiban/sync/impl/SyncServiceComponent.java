package jp.kiban.sync.impl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import jp.kiban.persistence.Transactions;
import jp.kiban.platform.ConnectionStatus;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.sync.NumberLeaseKinds;
import jp.kiban.sync.Outbox;
import jp.kiban.sync.ReplicaApplier;
import jp.kiban.sync.ReplicaDownload;
import jp.kiban.sync.ReviewQueue;
import jp.kiban.sync.protocol.SyncProtocol.Conflict;
import jp.kiban.sync.protocol.SyncProtocol.Decision;

/**
 * The desk client's link to the central store: syncs in the background (push the outbox, then pull) every
 * {@code sync.interval} seconds, on demand ({@link #syncNow()}), and after a failure again with exponential
 * back-off (5 s doubling to 5 min, with jitter). Reports the state for the status line and posts every
 * change on {@link ConnectionStatus#TOPIC}.
 * <p>
 * Settings: {@code sync.url} (the central server, e.g. {@code https://central.example.lg.jp:8443}; the older
 * {@code central.url} is read if it is not set), {@code sync.token} (this terminal's token),
 * {@code sync.interval} (seconds, default 60), {@code sync.background} ({@code false} in the CLI: no thread).
 */
@Component(service = { ConnectionStatus.class, ReviewQueue.class, ReplicaDownload.class }, immediate = true)
public class SyncServiceComponent implements ConnectionStatus, ReviewQueue, ReplicaDownload {

    static final Logger LOG = Logger.getLogger("jp.kiban.sync");
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);
    /** How often the changes waiting are counted between rounds (offline, 災害モード). */
    static final Duration COUNT_EVERY = Duration.ofSeconds(5);

    @Reference
    private KibanEnvironment environment;
    /** Taken only when sync is configured, on the sync thread: getting it activates the persistence stack. */
    @Reference
    private ComponentServiceObjects<Outbox> outboxObjects;
    private volatile Outbox outbox;
    @Reference
    private Transactions tx;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    /**
     * The kinds of leased numbers the installed modules need (addressee base, forms, ...): taken on the sync
     * thread only (getting them activates the persistence stack), like the outbox.
     */
    private final List<java.util.function.Supplier<NumberLeaseKinds>> leaseKinds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<ComponentServiceObjects<NumberLeaseKinds>, java.util.function.Supplier<NumberLeaseKinds>> leaseKindObjects =
            new java.util.concurrent.ConcurrentHashMap<>();
    private long leaseThreshold = 200;
    private long leaseSize = 1000;
    /** Events per page of a replica download ({@code sync.replica.page}). */
    private int replicaPage = 500;

    /** The modules that apply pulled events to the local replica (taken on the sync thread, like the outbox). */
    private final List<java.util.function.Supplier<ReplicaApplier>> appliers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<ComponentServiceObjects<ReplicaApplier>, java.util.function.Supplier<ReplicaApplier>> applierObjects =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addApplier(ComponentServiceObjects<ReplicaApplier> applier) {
        ReplicaApplier[] taken = new ReplicaApplier[1];
        java.util.function.Supplier<ReplicaApplier> s = () -> {
            if (taken[0] == null) {
                taken[0] = applier.getService();
            }
            return taken[0];
        };
        applierObjects.put(applier, s);
        appliers.add(s);
    }

    void removeApplier(ComponentServiceObjects<ReplicaApplier> applier) {
        java.util.function.Supplier<ReplicaApplier> s = applierObjects.remove(applier);
        if (s != null) {
            appliers.remove(s);
        }
    }

    /** Outside DS: a module that applies pulled events to the local replica. */
    public void useApplier(ReplicaApplier applier) {
        appliers.add(() -> applier);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLeaseKinds(ComponentServiceObjects<NumberLeaseKinds> kinds) {
        java.util.function.Supplier<NumberLeaseKinds> s = kinds::getService;
        leaseKindObjects.put(kinds, s);
        leaseKinds.add(s);
    }

    void removeLeaseKinds(ComponentServiceObjects<NumberLeaseKinds> kinds) {
        java.util.function.Supplier<NumberLeaseKinds> s = leaseKindObjects.remove(kinds);
        if (s != null) {
            leaseKinds.remove(s);
        }
    }

    private final Clock clock = Clock.systemUTC();
    private Function<String, String> settings;
    private String address = "";
    private SyncClient client;
    private URI api;
    private String token = "";
    private Duration interval = Duration.ofSeconds(60);
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private int failures;

    private volatile State state = State.NOT_CONFIGURED;
    private volatile Instant offlineSince;
    private volatile Instant lastSync;
    private volatile String problem;
    private volatile int progress = -1;
    private volatile long pending;
    private volatile long conflicts;
    private volatile long centralConflicts = -1;
    /** 災害モード and the data's as-of time, read from sync_state on the sync thread (or on demand without one). */
    private volatile boolean stateLoaded;
    private volatile boolean disaster;
    private volatile Instant disasterSince;
    private volatile Instant dataAsOf;
    private SyncStateStore stateStore;

    /** For DS. */
    public SyncServiceComponent() {
    }

    /** Outside DS (tests): settings by key, the terminal's outbox and transactions; starts at once. */
    public static SyncServiceComponent start(Function<String, String> settings, Outbox outbox, Transactions tx) {
        return start(settings, outbox, tx, List.of());
    }

    /** As {@link #start(Function, Outbox, Transactions)}, keeping the given kinds of numbers leased. */
    public static SyncServiceComponent start(Function<String, String> settings, Outbox outbox, Transactions tx,
            List<NumberLeaseKinds> kinds) {
        return start(settings, outbox, tx, kinds, List.of());
    }

    /** As {@link #start(Function, Outbox, Transactions, List)}, applying pulled events through the given modules. */
    public static SyncServiceComponent start(Function<String, String> settings, Outbox outbox, Transactions tx,
            List<NumberLeaseKinds> kinds, List<ReplicaApplier> replicaAppliers) {
        SyncServiceComponent c = new SyncServiceComponent();
        kinds.forEach(c::useLeaseKinds);
        replicaAppliers.forEach(c::useApplier);
        c.outbox = outbox;
        c.tx = tx;
        c.settings = settings;
        c.begin();
        return c;
    }

    @Activate
    void activate() {
        settings = key -> environment.setting(key, "");
        begin();
    }

    private String setting(String key) {
        String v = settings.apply(key);
        return v == null ? "" : v.strip();
    }

    private Outbox outbox() {
        if (outbox == null) {
            outbox = outboxObjects.getService();
        }
        return outbox;
    }

    private void begin() {
        address = setting("sync.url").isEmpty() ? setting("central.url") : setting("sync.url");
        if (address.isEmpty()) {
            state = State.NOT_CONFIGURED;
            return;
        }
        state = State.OFFLINE;
        offlineSince = clock.instant();
        token = setting("sync.token");
        if (token.isEmpty()) {
            problem = "sync.token is not set: register this terminal on the central server (admin guide §16)";
            LOG.warning("Sync to " + address + " is off: " + problem);
        } else {
            try {
                String s = address.endsWith("/") ? address : address + "/";
                URI u = URI.create(s.endsWith("/api/v1/") ? s : s + "api/v1/");
                if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                    throw new IllegalArgumentException("not an http(s) address");
                }
                api = u;
            } catch (IllegalArgumentException e) {
                problem = "sync.url is not a valid address (" + address + "): " + e.getMessage();
                LOG.warning(problem);
            }
        }
        String seconds = setting("sync.interval");
        try {
            interval = Duration.ofSeconds(Math.max(5, seconds.isEmpty() ? 60 : Long.parseLong(seconds)));
        } catch (NumberFormatException e) {
            LOG.warning("sync.interval is not a number of seconds (" + seconds + "): using 60");
        }
        replicaPage = (int) Math.min(5000, positive("sync.replica.page", 500));
        leaseThreshold = positive("sync.lease.threshold", 200);
        leaseSize = Math.max(leaseThreshold, positive("sync.lease.size", 1000));
        if ("false".equalsIgnoreCase(setting("sync.background"))) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiban-sync");
            t.setDaemon(true);
            return t;
        });
        schedule(Duration.ofSeconds(1));
        // between rounds (which may be minutes apart when offline), keep the status line's counts current
        executor.scheduleWithFixedDelay(this::recount, COUNT_EVERY.toMillis(), COUNT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (api != null) {
            LOG.info("Sync with " + api + " every " + interval.toSeconds() + " s");
        }
    }

    private long positive(String key, long fallback) {
        String v = setting(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= jp.kiban.sync.protocol.SyncProtocol.MAX_LEASE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning(key + " must be a whole number from 1 to " + jp.kiban.sync.protocol.SyncProtocol.MAX_LEASE + " (" + v
                + "): using " + fallback);
        return fallback;
    }

    /** The kinds of leased numbers to keep topped up (the installed modules', or those given outside DS). */
    public void useLeaseKinds(NumberLeaseKinds kinds) {
        leaseKinds.add(() -> kinds);
    }

    /** Leases every kind that is below the threshold; the sync round calls it after push and pull. */
    private void topUpLeases(SyncClient client) throws SyncClient.SyncException {
        List<NumberLeaseKinds.Kind> kinds = leaseKinds.stream().flatMap(k -> k.get().kinds().stream()).toList();
        if (!kinds.isEmpty()) {
            List<jp.kiban.sync.protocol.SyncProtocol.LeaseGrant> taken = client.topUp(leases(), kinds, leaseThreshold,
                    leaseSize);
            for (var g : taken) {
                LOG.info("Leased " + g.kind() + " numbers " + g.first() + ".." + g.last() + " for this terminal");
            }
        }
    }

    private NumberLeaseStore leaseStore;

    private synchronized NumberLeaseStore leases() {
        if (leaseStore == null) {
            leaseStore = new NumberLeaseStore(tx);
        }
        return leaseStore;
    }

    @Deactivate
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private synchronized void schedule(Duration delay) {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The wait after the n-th failure in a row: 5 s doubling to 5 min (at once 5 min when retrying cannot help soon). */
    public static Duration backoff(int failures, boolean retryable) {
        if (!retryable) {
            return MAX_RETRY;
        }
        long seconds = FIRST_RETRY.toSeconds() << Math.min(16, Math.max(0, failures - 1));
        return Duration.ofSeconds(Math.min(MAX_RETRY.toSeconds(), seconds));
    }

    private void round() {
        try {
            loadState();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sync state not readable: " + e.getMessage(), e);
        }
        if (disaster) {
            // 災害モード: no contact with the central store; only keep the counts of what waits current
            try {
                refreshCounts();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox not readable: " + e.getMessage(), e);
            }
            progress = -1;
            state = State.DISASTER;
            post();
            schedule(disasterRefresh());
            return;
        }
        if (api == null) {
            // not syncing (no token, bad address): still count what waits, for the status line
            try {
                refreshCounts();
                post();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox not readable: " + e.getMessage(), e);
            }
            return;
        }
        try {
            SyncClient client = client();
            state = State.SYNCING;
            progress = 0;
            refreshCounts();
            post();
            client.sync();
            topUpLeases(client);
            // the town's open review queue, as the central store counts it (decisions elsewhere included)
            centralConflicts = client.terminal().openConflicts();
            synchronized (this) {
                failures = 0;
            }
            refreshCounts(); // before the state: whoever sees ONLINE sees the counts of this round
            dataAsOf = states().lastPull().orElse(dataAsOf);
            lastSync = clock.instant();
            offlineSince = null;
            problem = null;
            progress = -1;
            state = disaster ? State.DISASTER : State.ONLINE; // switched on while this round ran
            post();
            schedule(interval);
        } catch (SyncClient.SyncException | RuntimeException e) {
            int f;
            synchronized (this) {
                f = ++failures;
            }
            boolean retryable = !(e instanceof SyncClient.SyncException s) || s.retryable();
            if (offlineSince == null) {
                offlineSince = clock.instant();
            }
            problem = e.getMessage();
            progress = -1;
            try {
                refreshCounts();
            } catch (RuntimeException ignored) {
                // the local database is the problem; the counts stay as they were
            }
            state = disaster ? State.DISASTER : State.OFFLINE;
            post();
            if (disaster) {
                schedule(disasterRefresh());
                return;
            }
            Duration wait = backoff(f, retryable);
            // jitter, so that the terminals of a town do not all come back in the same second
            wait = wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 5 + 1));
            if (f == 1 || f % 10 == 0) {
                LOG.log(e instanceof RuntimeException ? Level.SEVERE : Level.WARNING, "Sync failed (" + f
                        + " time(s) in a row), next try in " + wait.toSeconds() + " s: " + e.getMessage(),
                        e instanceof RuntimeException ? e : null);
            }
            schedule(wait);
        }
    }

    /** Counts what waits (no contact with the central store) and tells the status line if it changed. */
    private void recount() {
        if (state == State.SYNCING || !stateLoaded) {
            return;
        }
        long p = pending;
        long c = conflicts;
        try {
            refreshCounts();
        } catch (RuntimeException e) {
            return; // the database is the problem: the next round says so
        }
        if (p != pending || c != conflicts) {
            post();
        }
    }

    /**
     * The status line's percentage covers the whole round: sending 0–50 %, receiving to 60 %, applying what was
     * received to this terminal's register to 100 %. Never goes back within a round.
     */
    private void step(String phase, long done, long total) {
        if (state != State.SYNCING) {
            return; // a 控えの取得 (its own bar) or a decision outside a round
        }
        double part = total <= 0 ? 1 : Math.min(1.0, (double) done / total);
        int p = switch (phase) {
            case "push" -> (int) (50 * part);
            case "pull" -> 60;
            case "apply" -> 60 + (int) (40 * part);
            default -> progress;
        };
        if (p > progress) {
            progress = p;
            post();
        }
    }

    private void refreshCounts() {
        Outbox o = outbox();
        pending = o.pendingCount();
        // offline: what this terminal knows (its own changes sent to review), unless the central count is known
        conflicts = centralConflicts >= 0 ? centralConflicts : o.conflictCount();
    }

    private void post() {
        EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put("state", state.name());
        props.put("pending", pending);
        props.put("conflicts", conflicts);
        props.put("progress", progress);
        props.put("disaster", disaster);
        admin.postEvent(new Event(TOPIC, props));
    }

    // ==== 災害モード ================================================================================

    private synchronized SyncStateStore states() {
        if (stateStore == null) {
            stateStore = new SyncStateStore(tx);
        }
        return stateStore;
    }

    /** Reads 災害モード and the last pull from the database, once (they change only through this component). */
    private void loadState() {
        if (stateLoaded || address.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (stateLoaded) {
                return;
            }
            SyncStateStore store = states();
            Optional<SyncStateStore.Entry> on = store.disaster();
            disaster = on.isPresent();
            disasterSince = on.map(SyncStateStore.Entry::changedAt).orElse(null);
            dataAsOf = store.lastPull().orElse(null);
            stateLoaded = true;
            if (disaster) {
                LOG.warning("Disaster mode is on (since " + disasterSince + ", switched by " + on.get().changedBy()
                        + "): no sync with the central store until it is switched off; data as of " + dataAsOf);
            }
        }
    }

    /** Without a sync thread (the CLI) the state is read on demand; the desk's sync thread reads it at its first round. */
    private void loadStateHere() {
        if (!stateLoaded && executor == null && !address.isEmpty()) {
            loadState();
        }
    }

    @Override
    public boolean disasterMode() {
        loadStateHere();
        return disaster;
    }

    @Override
    public Optional<Instant> disasterSince() {
        loadStateHere();
        return disaster ? Optional.ofNullable(disasterSince) : Optional.empty();
    }

    @Override
    public Optional<Instant> dataAsOf() {
        loadStateHere();
        return Optional.ofNullable(dataAsOf);
    }

    @Override
    public void setDisasterMode(Operator operator, boolean on) {
        if (!operator.may(Permission.SWITCH_DISASTER_MODE)) {
            throw new SecurityException(operator.id() + " may not switch disaster mode (an administrator's or supervisor's task)");
        }
        if (address.isEmpty()) {
            throw new IllegalStateException("sync is not configured (sync.url): this terminal always works on its own database");
        }
        Instant now = clock.instant();
        synchronized (this) {
            loadState();
            if (disaster == on) {
                return;
            }
            states().disaster(on, now, operator.id());
            disaster = on;
            disasterSince = on ? now : null;
            failures = 0;
        }
        LOG.warning("Disaster mode switched " + (on ? "on" : "off") + " by " + operator.id() + " at terminal "
                + operator.terminal() + (on ? ": no sync until it is switched off; data as of " + dataAsOf
                        : ": sync resumes now"));
        if (on) {
            progress = -1;
            state = State.DISASTER;
        } else {
            state = State.OFFLINE;
            if (offlineSince == null) {
                offlineSince = now;
            }
        }
        post();
        schedule(on ? disasterRefresh() : Duration.ZERO);
    }

    /** In 災害モード the rounds only count what waits: often enough for the status line. */
    private Duration disasterRefresh() {
        return interval.compareTo(Duration.ofSeconds(10)) < 0 ? interval : Duration.ofSeconds(10);
    }

    // ==== 控えの取得 ================================================================================

    @Override
    public ReplicaDownload.Result download(Operator operator, java.util.function.Consumer<Progress> listener) {
        if (!operator.may(Permission.ADMINISTER)) {
            throw new SecurityException(operator.id() + " may not download the replica (an administrator's task)");
        }
        if (disasterMode()) {
            throw new IllegalStateException("disaster mode is on: no contact with the central store until it is switched off");
        }
        java.util.concurrent.Callable<ReplicaDownload.Result> work = () -> {
            SyncClient c = client();
            LOG.info("Replica download started by " + operator.id());
            SyncClient.Result r = c.downloadReplica(replicaPage, (phase, done, total) -> listener.accept(new Progress(phase, done, total)));
            dataAsOf = states().lastPull().orElse(dataAsOf);
            lastSync = clock.instant();
            LOG.info("Replica download: " + r.pulled() + " event(s) received, " + r.replicated() + " applied, up to central"
                    + " sequence " + r.lastSequence());
            refreshCounts();
            post();
            return new ReplicaDownload.Result(r.pulled(), r.replicated(), r.lastSequence());
        };
        try {
            // on the sync thread: never at the same time as a background round
            return executor == null ? work.call() : executor.submit(work).get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // ==== ReviewQueue ============================================================================

    private synchronized SyncClient client() {
        if (api == null) {
            throw new IllegalStateException(address.isEmpty() ? "sync is not configured (sync.url)"
                    : "sync is not working: " + problem);
        }
        if (client == null) {
            InboxStore inbox = new InboxStore(tx);
            client = new SyncClient(api, token, outbox(), inbox, Duration.ofSeconds(30));
            client.useReplica(new ReplicaFeed(inbox, outbox(), () -> appliers.stream().map(java.util.function.Supplier::get).toList()));
            client.onSteps(this::step);
        }
        return client;
    }

    @Override
    public List<Conflict> open() {
        try {
            return client().conflicts();
        } catch (SyncClient.SyncException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Conflict decide(Operator supervisor, String conflictId, boolean accept, String note) {
        if (!supervisor.may(Permission.RESOLVE_SYNC_CONFLICTS)) {
            throw new SecurityException(supervisor.id() + " may not decide conflicts (a supervisor's task)");
        }
        try {
            Conflict c = client().decide(conflictId, new Decision(accept ? "ACCEPT" : "DISCARD",
                    supervisor.name() + " (" + supervisor.id() + ")", note));
            LOG.info("Conflict " + conflictId + " decided " + c.state() + " by " + supervisor.id());
            syncNow(); // the accepted version comes back with the next pull
            return c;
        } catch (SyncClient.SyncException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // ==== ConnectionStatus =======================================================================

    @Override
    public State state() {
        return state;
    }

    @Override
    public String centralAddress() {
        return address;
    }

    @Override
    public long pendingChanges() {
        return pending;
    }

    @Override
    public long conflicts() {
        return conflicts;
    }

    @Override
    public Optional<Instant> offlineSince() {
        return Optional.ofNullable(offlineSince);
    }

    @Override
    public Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    @Override
    public int progress() {
        return progress;
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public boolean syncNow() {
        if (executor == null || api == null || disaster) {
            return false;
        }
        synchronized (this) {
            failures = 0;
        }
        schedule(Duration.ZERO);
        return true;
    }
}
