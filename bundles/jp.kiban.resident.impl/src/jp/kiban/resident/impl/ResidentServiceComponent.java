package jp.kiban.resident.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;
import jp.kiban.addressee.AddresseeDirectory;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.addressee.NameAndAddress;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.name.NameCharacterPolicy;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ChangeInfo;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.ChangeState;
import jp.kiban.resident.Household;
import jp.kiban.resident.PendingChange;
import jp.kiban.resident.ResidentAccess;
import jp.kiban.resident.ResidentAccessListener;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentEvents;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentQuery;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.SearchResult;
import jp.kiban.sync.Outbox;
import jp.kiban.sync.OutboxEvent;
import jp.kiban.sync.ReplicaApplier;

/**
 * The resident register: reading ({@link ResidentRegistry}), 異動 with 仮登録/本登録
 * ({@link ResidentChanges}) and names and addresses for the addressee base ({@link AddresseeDirectory}).
 * <p>
 * Confirmations are serialised in this process so that the confirmation sequence, the commit order
 * and the order of the posted events agree; events are posted only after the commit.
 */
@Component(service = { ResidentRegistry.class, ResidentChanges.class, AddresseeDirectory.class })
public class ResidentServiceComponent implements ResidentRegistry, ResidentChanges, AddresseeDirectory {

    private static final Logger LOG = Logger.getLogger(ResidentServiceComponent.class.getName());
    /** The register's calendar: 異動日 and 処理日 are days in Japan. */
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    @Reference
    private Transactions tx;

    @Reference
    private AddresseeNumbers numbers;

    /** Every confirmed snapshot is written to the outbox in the confirmation's transaction (null outside DS). */
    @Reference
    private Outbox outbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /** The character repertoire names must keep to; without one, any syntactically valid name is stored. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NameCharacterPolicy namePolicy;

    private final List<ResidentAccessListener> listeners = new CopyOnWriteArrayList<>();
    private final Object changeLock = new Object();
    private volatile Clock clock = Clock.system(ZONE);

    /** For DS. */
    public ResidentServiceComponent() {
    }

    /**
     * Outside DS (tests on a second database engine, tools): the register over the given
     * transactions and number assignment, without events and access listeners.
     */
    public static ResidentServiceComponent create(Transactions tx, AddresseeNumbers numbers) {
        return create(tx, numbers, null);
    }

    /** As {@link #create(Transactions, AddresseeNumbers)}, writing confirmed changes to the given outbox. */
    public static ResidentServiceComponent create(Transactions tx, AddresseeNumbers numbers, Outbox outbox) {
        ResidentServiceComponent c = new ResidentServiceComponent();
        c.tx = tx;
        c.numbers = numbers;
        c.outbox = outbox;
        return c;
    }

    /** Outside DS: the repertoire names are checked against (null: none). */
    public void setNamePolicy(NameCharacterPolicy policy) {
        this.namePolicy = policy;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ResidentAccessListener listener) {
        listeners.add(listener);
    }

    void removeListener(ResidentAccessListener listener) {
        listeners.remove(listener);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ==== ResidentChanges ========================================================================

    @Override
    public ChangeResult register(Operator operator, ChangeRequest request) {
        require(operator, Permission.REGISTER_CHANGE, "permission.register");
        ChangeResult result;
        synchronized (changeLock) {
            result = tx.required(em -> store(em, operator, request));
        }
        access(operator, ResidentAccess.Kind.CHANGE_REGISTERED, result.persons(), false,
                result.reason().name() + " " + result.changeId());
        return result;
    }

    @Override
    public ChangeResult confirm(Operator operator, UUID changeId) {
        require(operator, Permission.CONFIRM_CHANGE, "permission.confirm");
        synchronized (changeLock) {
            Confirmed c = tx.required(em -> confirm(em, operator, changeId.toString()));
            post(List.of(c));
            access(operator, ResidentAccess.Kind.CHANGE_CONFIRMED, c.result.persons(), false,
                    c.result.reason().name() + " " + changeId);
            return c.result;
        }
    }

    @Override
    public ChangeResult reject(Operator operator, UUID changeId, String reason) {
        require(operator, Permission.CONFIRM_CHANGE, "permission.confirm");
        String why = ResidentException.requireText(reason, "rejectReason");
        ChangeResult result;
        synchronized (changeLock) {
            result = tx.required(em -> {
                ChangeEntity c = provisional(em, changeId.toString());
                List<AddresseeNumber> persons = new ArrayList<>();
                for (SnapshotEntity s : new ChangeEngine.Store(em).snapshotsOf(c.changeId)) {
                    persons.add(AddresseeNumber.of(s.addresseeNumber));
                    PersonEntity p = em.find(PersonEntity.class, s.addresseeNumber);
                    em.remove(s);
                    if (p.currentHistory == null) {
                        em.remove(p); // entered the register with this change only
                    } else {
                        p.pendingChangeId = null;
                    }
                }
                c.state = ChangeState.REJECTED.name();
                c.rejectReason = why;
                decided(c, operator);
                return new ChangeResult(changeId, ChangeReason.valueOf(c.reason), ChangeState.REJECTED, persons,
                        List.of(), List.of());
            });
        }
        access(operator, ResidentAccess.Kind.CHANGE_REJECTED, result.persons(), false,
                result.reason().name() + " " + changeId);
        return result;
    }

    @Override
    public List<PendingChange> pending(Operator operator) {
        if (!operator.may(Permission.CONFIRM_CHANGE) && !operator.may(Permission.REGISTER_CHANGE)) {
            throw refused(operator, "permission.confirm");
        }
        LocalDate today = today();
        boolean withhold = !operator.may(Permission.USE_INDIVIDUAL_NUMBER);
        List<PendingChange> result = tx.readOnly(em -> {
            List<PendingChange> list = new ArrayList<>();
            for (ChangeEntity c : em.createQuery("SELECT c FROM ResidentChange c WHERE c.state = :s"
                    + " ORDER BY c.registeredAt, c.changeId", ChangeEntity.class)
                    .setParameter("s", ChangeState.PROVISIONAL.name()).getResultList()) {
                ChangeInfo info = info(c);
                List<ResidentRecord> proposed = new ChangeEngine.Store(em).snapshotsOf(c.changeId).stream()
                        .map(s -> Draft.of(s).toRecord(info, today, withhold)).toList();
                list.add(new PendingChange(UUID.fromString(c.changeId), info.reason(), c.changeDate,
                        Optional.ofNullable(c.notificationDate), c.registeredBy, c.registeredByName, c.registeredAt,
                        c.description, proposed));
            }
            return list;
        });
        access(operator, ResidentAccess.Kind.VIEW, result.stream().flatMap(p -> p.proposed().stream())
                .map(ResidentRecord::addresseeNumber).distinct().toList(), !withhold, "pending changes");
        return result;
    }

    @Override
    public ChangeResult apply(Operator operator, ChangeRequest request) {
        return applyAll(operator, List.of(request)).get(0);
    }

    @Override
    public List<ChangeResult> applyAll(Operator operator, List<ChangeRequest> requests) {
        require(operator, Permission.REGISTER_CHANGE, "permission.register");
        require(operator, Permission.CONFIRM_CHANGE, "permission.confirm");
        synchronized (changeLock) {
            List<Confirmed> confirmed = tx.required(em -> {
                List<Confirmed> list = new ArrayList<>();
                for (ChangeRequest r : requests) {
                    ChangeResult registered = store(em, operator, r);
                    list.add(confirm(em, operator, registered.changeId().toString()));
                    // Without weaving EclipseLink compares every managed object at each flush; keeping
                    // the persistence context small keeps a bulk import linear.
                    em.flush();
                    em.clear();
                }
                return list;
            });
            post(confirmed);
            for (Confirmed c : confirmed) {
                access(operator, ResidentAccess.Kind.CHANGE_CONFIRMED, c.result.persons(), false,
                        c.result.reason().name() + " " + c.result.changeId());
            }
            return confirmed.stream().map(c -> c.result).toList();
        }
    }

    /** Validates and writes a provisional change. */
    private ChangeResult store(EntityManager em, Operator operator, ChangeRequest request) {
        LocalDate today = today();
        NameCheck.check(namePolicy, request);
        Plan plan = new ChangeEngine(em, numbers, operator, today).plan(request);
        ChangeEntity c = new ChangeEntity();
        c.changeId = UUID.randomUUID().toString();
        c.reason = plan.reason().name();
        c.state = ChangeState.PROVISIONAL.name();
        c.changeDate = plan.changeDate();
        c.notificationDate = plan.notificationDate();
        c.processedOn = today;
        c.registeredBy = operator.id();
        c.registeredByName = operator.name();
        c.registeredAt = Instant.now(clock);
        c.description = plan.description();
        c.cancelledChangeId = plan.cancelledChangeId();
        em.persist(c);
        for (Draft d : plan.drafts()) {
            d.changeId = c.changeId;
            d.confirmed = false;
            PersonEntity p = em.find(PersonEntity.class, d.number.value());
            if (p == null) {
                p = new PersonEntity(d.number.value());
                em.persist(p);
            }
            p.pendingChangeId = c.changeId;
            em.persist(d.toEntity());
        }
        em.flush();
        ChangeInfo info = info(c);
        boolean withhold = !operator.may(Permission.USE_INDIVIDUAL_NUMBER);
        return new ChangeResult(UUID.fromString(c.changeId), plan.reason(), ChangeState.PROVISIONAL,
                plan.drafts().stream().map(d -> d.number).toList(), households(em, plan.drafts()),
                plan.drafts().stream().map(d -> d.toRecord(info, today, withhold)).toList());
    }

    private record Confirmed(ChangeResult result, Event event) {
    }

    /**
     * A provisional change was validated against the register as it was then. Changes of other
     * members confirmed since (a new 世帯主, a corrected name) could make its household items wrong:
     * after applying it, every household it touches must still have one 世帯主 whose name every
     * member carries; otherwise it is refused as stale.
     */
    /**
     * 個人番号 and 住民票コード stay unique among living residents: two provisional changes can each pass
     * at 仮登録 with the same number, so the second confirmation is refused.
     */
    private void recheckUnique(EntityManager em, List<Draft> drafts) {
        ChangeEngine.Store store = new ChangeEngine.Store(em);
        LocalDate day = today();
        for (Draft d : drafts) {
            if (!d.onRegister(day)) {
                continue;
            }
            Optional<String> number = d.person.individualNumber().map(n -> n.value());
            Optional<String> code = d.person.residentRecordCode().map(c -> c.value());
            if (number.isEmpty() && code.isEmpty()) {
                continue;
            }
            for (Draft other : store.livingWith(number.orElse(null), code.orElse(null), d.number, day)) {
                if (number.isPresent() && number.equals(other.person.individualNumber().map(n -> n.value()))) {
                    throw new ResidentException("individualNumber.duplicate", d.displayName());
                }
                if (code.isPresent() && code.equals(other.person.residentRecordCode().map(c -> c.value()))) {
                    throw new ResidentException("residentRecordCode.duplicate", d.displayName());
                }
            }
        }
    }

    private void recheckHouseholds(EntityManager em, List<Draft> drafts) {
        LocalDate today = today();
        ChangeEngine.Store store = new ChangeEngine.Store(em);
        for (HouseholdNumber h : drafts.stream().map(d -> d.household).distinct().toList()) {
            List<Draft> active = store.members(h, today).stream().filter(d -> d.activeOn(today)).toList();
            List<Draft> heads = active.stream().filter(d -> d.relationship.isHead()).toList();
            if (active.isEmpty()) {
                continue;
            }
            Draft offending = heads.size() != 1 ? active.get(0)
                    : active.stream().filter(d -> !d.headName.equals(heads.get(0).person.name())).findFirst().orElse(null);
            if (offending != null) {
                throw new ResidentException("change.stale", offending.displayName());
            }
        }
    }

    /** The confirmation sequence: read once per transaction, then counted on (confirmations are serialised). */
    private final Sequence sequence = new Sequence();

    private static final class Sequence {
        private EntityManager em;
        private long last;

        long next(EntityManager current) {
            if (current != em) {
                Long max = current.createQuery("SELECT MAX(c.confirmSeq) FROM ResidentChange c", Long.class).getSingleResult();
                em = current;
                last = max == null ? 0 : max;
            }
            return ++last;
        }
    }

    private Confirmed confirm(EntityManager em, Operator operator, String changeId) {
        ChangeEntity c = provisional(em, changeId);
        List<SnapshotEntity> rows = new ChangeEngine.Store(em).snapshotsOf(changeId);
        List<Draft> drafts = new ArrayList<>();
        for (SnapshotEntity s : rows) {
            PersonEntity p = em.find(PersonEntity.class, s.addresseeNumber);
            int expected = p.currentHistory == null ? 1 : p.currentHistory + 1;
            if (s.historyNumber != expected) {
                throw new ResidentException("change.stale", Draft.of(s).displayName());
            }
            s.confirmed = true;
            p.currentHistory = s.historyNumber;
            p.pendingChangeId = null;
            drafts.add(Draft.of(s));
        }
        recheckHouseholds(em, drafts);
        recheckUnique(em, drafts);
        c.state = ChangeState.CONFIRMED.name();
        c.confirmSeq = sequence.next(em);
        decided(c, operator);
        if (c.cancelledChangeId != null) {
            ChangeEntity target = em.find(ChangeEntity.class, c.cancelledChangeId);
            if (target.cancelledBy != null) {
                throw new ResidentException("cancel.already");
            }
            target.cancelledBy = c.changeId;
        }
        em.flush();
        LocalDate today = today();
        ChangeInfo info = info(c);
        toOutbox(c, rows);
        boolean withhold = !operator.may(Permission.USE_INDIVIDUAL_NUMBER);
        List<HouseholdNumber> households = households(em, drafts);
        ChangeResult result = new ChangeResult(UUID.fromString(changeId), info.reason(), ChangeState.CONFIRMED,
                drafts.stream().map(d -> d.number).toList(), households,
                drafts.stream().map(d -> d.toRecord(info, today, withhold)).toList());
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ResidentEvents.CHANGE_ID, changeId);
        props.put(ResidentEvents.REASON, info.reason().name());
        props.put(ResidentEvents.REASON_CODE, info.reason().code());
        props.put(ResidentEvents.CHANGE_DATE, c.changeDate.toString());
        props.put(ResidentEvents.ADDRESSEE_NUMBERS, drafts.stream().map(d -> d.number.value()).toArray(String[]::new));
        props.put(ResidentEvents.HISTORY_NUMBERS, drafts.stream().mapToInt(d -> d.history).toArray());
        props.put(ResidentEvents.HOUSEHOLD_NUMBERS, households.stream().map(HouseholdNumber::value).toArray(String[]::new));
        props.put(ResidentEvents.SEQUENCE, c.confirmSeq);
        return new Confirmed(result, new Event(info.reason().topic(), props));
    }

    /** Outbox event type of one confirmed snapshot (see bundles/jp.kiban.resident.impl/README.md). */
    public static final String OUTBOX_TYPE = "resident.snapshot";

    /**
     * One outbox entry per person of the change, grouped by the change id (the central store applies a
     * change all or nothing), based on the person's previous 履歴番号.
     */
    private void toOutbox(ChangeEntity c, List<SnapshotEntity> rows) {
        if (outbox == null) {
            return;
        }
        for (SnapshotEntity s : rows) {
            Map<String, Object> payload = new HashMap<>();
            payload.put("changeId", c.changeId);
            payload.put("reason", c.reason);
            payload.put("changeDate", c.changeDate.toString());
            payload.put("confirmSeq", c.confirmSeq);
            payload.put("cancelledChangeId", c.cancelledChangeId);
            // the change's own items, so that the other terminals' replicas show who did what
            payload.put("notificationDate", c.notificationDate == null ? null : c.notificationDate.toString());
            payload.put("processedOn", c.processedOn.toString());
            payload.put("registeredBy", c.registeredBy);
            payload.put("registeredByName", c.registeredByName);
            payload.put("registeredAt", c.registeredAt.toString());
            payload.put("decidedBy", c.decidedBy);
            payload.put("decidedByName", c.decidedByName);
            payload.put("decidedAt", c.decidedAt == null ? null : c.decidedAt.toString());
            payload.put("description", c.description);
            payload.put("snapshot", s.columns());
            outbox.append(new OutboxEvent(OUTBOX_TYPE, c.changeId, s.addresseeNumber, s.historyNumber - 1,
                    s.historyNumber, payload));
        }
    }

    // ==== changes pulled from the central store (ResidentReplicaComponent) ===========================

    /**
     * Applies one 異動 of another terminal (or the central review queue's decision) to this register, in
     * the order of the central store, and posts the resident event after the commit as a local confirmation
     * does: the business modules react to it the same way. Nothing goes back to the outbox.
     */
    ReplicaApplier.Applied applyReplicated(List<ReplicaApplier.PulledEvent> group,
            java.util.function.Consumer<ReplicaApplier.Outcome> inTransaction) {
        synchronized (changeLock) {
            Replication.Applied applied = tx.required(em -> {
                Replication.Applied a = new Replication(em, () -> sequence.next(em)).apply(group);
                inTransaction.accept(a.outcome());
                return a;
            });
            if (applied.outcome() != ReplicaApplier.Outcome.APPLIED) {
                return ReplicaApplier.Applied.of(applied.outcome());
            }
            ChangeEntity c = applied.change();
            Dictionary<String, Object> props = new Hashtable<>();
            ChangeReason reason = ChangeReason.valueOf(c.reason);
            props.put(ResidentEvents.CHANGE_ID, c.changeId);
            props.put(ResidentEvents.REASON, reason.name());
            props.put(ResidentEvents.REASON_CODE, reason.code());
            props.put(ResidentEvents.CHANGE_DATE, c.changeDate.toString());
            props.put(ResidentEvents.ADDRESSEE_NUMBERS, applied.rows().stream().map(r -> r.addresseeNumber).toArray(String[]::new));
            props.put(ResidentEvents.HISTORY_NUMBERS, applied.rows().stream().mapToInt(r -> r.historyNumber).toArray());
            props.put(ResidentEvents.HOUSEHOLD_NUMBERS, applied.rows().stream().map(r -> r.householdNumber).distinct().sorted()
                    .toArray(String[]::new));
            props.put(ResidentEvents.SEQUENCE, c.confirmSeq);
            Event event = new Event(reason.topic(), props);
            return new ReplicaApplier.Applied(ReplicaApplier.Outcome.APPLIED, () -> {
                EventAdmin admin = eventAdmin;
                if (admin != null) {
                    admin.postEvent(event);
                }
            });
        }
    }

    /** Households of the drafts, before and after the change, sorted. */
    private static List<HouseholdNumber> households(EntityManager em, List<Draft> drafts) {
        TreeSet<HouseholdNumber> set = new TreeSet<>();
        for (Draft d : drafts) {
            set.add(d.household);
            if (d.history > 1) {
                SnapshotEntity before = em.find(SnapshotEntity.class, new SnapshotId(d.number.value(), d.history - 1));
                if (before != null) {
                    set.add(HouseholdNumber.of(before.householdNumber));
                }
            }
        }
        return List.copyOf(set);
    }

    private void post(List<Confirmed> confirmed) {
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            if (!confirmed.isEmpty()) {
                LOG.warning("No EventAdmin: " + confirmed.size() + " confirmed resident change(s) were not published");
            }
            return;
        }
        for (Confirmed c : confirmed) {
            admin.postEvent(c.event);
        }
    }

    private static ChangeEntity provisional(EntityManager em, String changeId) {
        ChangeEntity c = em.find(ChangeEntity.class, changeId);
        if (c == null) {
            throw new ResidentException("change.unknown");
        }
        if (!ChangeState.PROVISIONAL.name().equals(c.state)) {
            throw new ResidentException("change.notPending", ChangeState.valueOf(c.state).label());
        }
        return c;
    }

    private void decided(ChangeEntity c, Operator operator) {
        c.decidedBy = operator.id();
        c.decidedByName = operator.name();
        c.decidedAt = Instant.now(clock);
    }

    static ChangeInfo info(ChangeEntity c) {
        boolean confirmed = ChangeState.CONFIRMED.name().equals(c.state);
        return new ChangeInfo(UUID.fromString(c.changeId), ChangeReason.valueOf(c.reason), ChangeState.valueOf(c.state),
                c.changeDate, Optional.ofNullable(c.notificationDate), c.processedOn, c.registeredBy, c.registeredByName,
                confirmed ? Optional.ofNullable(c.decidedBy) : Optional.empty(),
                confirmed ? Optional.ofNullable(c.decidedByName) : Optional.empty(), c.description,
                Optional.ofNullable(c.cancelledChangeId).map(UUID::fromString));
    }

    // ==== ResidentRegistry =======================================================================

    @Override
    public Optional<ResidentRecord> current(Operator operator, AddresseeNumber person) {
        require(operator, Permission.VIEW_RESIDENTS, "permission.view");
        LocalDate today = today();
        Optional<ResidentRecord> r = tx.readOnly(em -> {
            PersonEntity p = em.find(PersonEntity.class, person.value());
            if (p == null || p.currentHistory == null) {
                return Optional.<ResidentRecord>empty();
            }
            return Optional.of(record(em, new Reader(em), em.find(SnapshotEntity.class,
                    new SnapshotId(person.value(), p.currentHistory)), today, operator));
        });
        viewed(operator, ResidentAccess.Kind.VIEW, r.stream().toList(), "current");
        return r;
    }

    @Override
    public Optional<ResidentRecord> asOf(Operator operator, AddresseeNumber person, LocalDate date) {
        require(operator, Permission.VIEW_RESIDENTS, "permission.view");
        Optional<ResidentRecord> r = tx.readOnly(em -> asOf(em, new Reader(em), person, date)
                .map(s -> record(em, new Reader(em), s, date, operator)));
        viewed(operator, ResidentAccess.Kind.VIEW, r.stream().toList(), "as of " + date);
        return r;
    }

    private static Optional<SnapshotEntity> asOf(EntityManager em, Reader reader, AddresseeNumber person, LocalDate date) {
        return em.createQuery("SELECT s FROM ResidentSnapshot s WHERE s.addresseeNumber = :a AND s.confirmed = TRUE"
                + " AND s.validFrom <= :d ORDER BY s.historyNumber DESC", SnapshotEntity.class)
                .setParameter("a", person.value()).setParameter("d", date).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<ResidentRecord> history(Operator operator, AddresseeNumber person) {
        require(operator, Permission.VIEW_RESIDENTS, "permission.view");
        LocalDate today = today();
        List<ResidentRecord> r = tx.readOnly(em -> {
            Reader reader = new Reader(em);
            return em.createQuery("SELECT s FROM ResidentSnapshot s WHERE s.addresseeNumber = :a AND s.confirmed = TRUE"
                    + " ORDER BY s.historyNumber", SnapshotEntity.class).setParameter("a", person.value())
                    .getResultList().stream().map(s -> record(em, reader, s, today, operator)).toList();
        });
        viewed(operator, ResidentAccess.Kind.HISTORY, r.isEmpty() ? List.of() : List.of(r.get(r.size() - 1)), "history");
        return r;
    }

    @Override
    public Household household(Operator operator, HouseholdNumber household) {
        return household(operator, household, today());
    }

    @Override
    public Household household(Operator operator, HouseholdNumber household, LocalDate date) {
        require(operator, Permission.VIEW_RESIDENTS, "permission.view");
        Household h = tx.readOnly(em -> {
            Reader reader = new Reader(em);
            List<String> persons = em.createQuery("SELECT DISTINCT s.addresseeNumber FROM ResidentSnapshot s"
                    + " WHERE s.householdNumber = :h AND s.confirmed = TRUE AND s.validFrom <= :d", String.class)
                    .setParameter("h", household.value()).setParameter("d", date).getResultList();
            List<Draft> members = new ArrayList<>();
            Map<Draft, SnapshotEntity> rows = new HashMap<>();
            for (String n : persons) {
                asOf(em, reader, AddresseeNumber.of(n), date).ifPresent(s -> {
                    Draft d = Draft.of(s);
                    if (d.household.equals(household) && d.onRegister(date)) {
                        members.add(d);
                        rows.put(d, s);
                    }
                });
            }
            members.sort(ChangeEngine.MEMBER_ORDER);
            return new Household(household, date, members.stream().map(d -> record(em, reader, rows.get(d), date, operator)).toList());
        });
        viewed(operator, ResidentAccess.Kind.HOUSEHOLD, h.members(), "household " + household.value());
        return h;
    }

    @Override
    public List<ResidentRecord> changeSnapshots(Operator operator, UUID changeId) {
        require(operator, Permission.VIEW_RESIDENTS, "permission.view");
        LocalDate today = today();
        List<ResidentRecord> r = tx.readOnly(em -> {
            ChangeEntity c = em.find(ChangeEntity.class, changeId.toString());
            if (c == null || !ChangeState.CONFIRMED.name().equals(c.state)) {
                return List.<ResidentRecord>of();
            }
            Reader reader = new Reader(em);
            return new ChangeEngine.Store(em).snapshotsOf(c.changeId).stream()
                    .map(s -> record(em, reader, s, today, operator)).toList();
        });
        viewed(operator, ResidentAccess.Kind.VIEW, r, "change " + changeId);
        return r;
    }

    @Override
    public SearchResult search(Operator operator, ResidentQuery q) {
        require(operator, Permission.VIEW_RESIDENTS, "permission.view");
        if (q.individualNumber().isPresent() && !operator.may(Permission.USE_INDIVIDUAL_NUMBER)) {
            throw refused(operator, "individualNumber.notPermitted");
        }
        if (!q.hasCriteria()) {
            throw new ResidentException("search.noCriteria");
        }
        LocalDate today = today();
        // Two steps: the keys of the page first (the snapshot search indexes of V003 cover every column this
        // reads, so the engine scans a narrow index and, for a フリガナ search, stops after the page), then the
        // page's rows by key. Selecting whole rows in one step made Derby fetch every row before the LIKE.
        // Native SQL with bound parameters: EclipseLink's Derby platform writes JPQL parameters of comparisons
        // and LIKE into the SQL as literals, so every new input was a new statement for Derby to compile.
        StringBuilder sql = new StringBuilder("SELECT s.addressee_number, s.history_number FROM resident_snapshot s, resident_person p"
                + " WHERE p.addressee_number = s.addressee_number AND p.current_history = s.history_number");
        List<Object> params = new ArrayList<>();
        if (!q.includeRemoved()) {
            sql.append(" AND (s.status = 'RESIDENT' OR (s.status = 'MOVING_OUT' AND s.planned_move_out > ?))");
            params.add(java.sql.Date.valueOf(today));
        }
        q.name().ifPresent(name -> {
            Optional<String> kana = SearchKeys.kanaInput(name);
            if (kana.isPresent()) {
                sql.append(" AND s.furigana_key LIKE ? ESCAPE '\\'");
                params.add(SearchKeys.likeContains(kana.get()));
            } else {
                sql.append(" AND s.name_key LIKE ? ESCAPE '\\'");
                params.add(SearchKeys.likeContains(SearchKeys.fold(name)));
            }
        });
        q.birthDate().ifPresent(b -> {
            sql.append(" AND s.birth_sort = ? AND s.birth_date = ?");
            params.add(b.sortKey());
            params.add(b.toStorageString());
        });
        q.address().ifPresent(a -> {
            sql.append(" AND s.address_key LIKE ? ESCAPE '\\'");
            params.add(SearchKeys.likeContains(SearchKeys.addressInput(a)));
        });
        q.addresseeNumber().ifPresent(n -> {
            sql.append(" AND s.addressee_number = ?");
            params.add(n.value());
        });
        q.residentRecordCode().ifPresent(c -> {
            sql.append(" AND s.resident_record_code = ?");
            params.add(c.value());
        });
        q.individualNumber().ifPresent(n -> {
            sql.append(" AND s.individual_number = ?");
            params.add(n.value());
        });
        sql.append(" ORDER BY s.furigana_key, s.addressee_number OFFSET ").append(q.offset()).append(" ROWS FETCH NEXT ")
                .append(q.limit() + 1).append(" ROWS ONLY");
        SearchResult result = tx.readOnly(em -> {
            jakarta.persistence.Query query = em.createNativeQuery(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> keys = query.getResultList();
            boolean more = keys.size() > q.limit();
            List<SnapshotEntity> rows = snapshots(em, keys.subList(0, Math.min(keys.size(), q.limit())));
            Reader reader = new Reader(em).prefetch(rows);
            List<ResidentRecord> hits = rows.stream().limit(q.limit()).map(s -> record(em, reader, s, today, operator))
                    .toList();
            return new SearchResult(hits, q.offset(), more);
        });
        access(operator, ResidentAccess.Kind.SEARCH, result.hits().stream().map(ResidentRecord::addresseeNumber).toList(),
                q.individualNumber().isPresent() || shown(operator, result.hits()), "search");
        return result;
    }

    /** The snapshots with these (宛名番号, 履歴番号) keys, in the order given. */
    private static List<SnapshotEntity> snapshots(EntityManager em, List<Object[]> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> persons = keys.stream().map(k -> (String) k[0]).distinct().toList();
        Map<String, SnapshotEntity> byKey = new HashMap<>();
        for (int i = 0; i < persons.size(); i += 500) {
            for (SnapshotEntity s : nativeIn(em, "SELECT * FROM resident_snapshot WHERE addressee_number IN ",
                    persons.subList(i, Math.min(persons.size(), i + 500)), SnapshotEntity.class)) {
                byKey.put(s.addresseeNumber + "/" + s.historyNumber, s);
            }
        }
        return keys.stream().map(k -> byKey.get(((String) k[0]).strip() + "/" + ((Number) k[1]).intValue())).toList();
    }

    /** {@code select} followed by an IN list of bound parameters (one statement per list length, cached by the engine). */
    @SuppressWarnings("unchecked")
    static <T> List<T> nativeIn(EntityManager em, String select, List<String> values, Class<T> entity) {
        jakarta.persistence.Query query = em.createNativeQuery(
                select + "(" + String.join(",", java.util.Collections.nCopies(values.size(), "?")) + ")", entity);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.getResultList();
    }

    @Override
    public int exportCurrent(Operator operator, boolean includeRemoved, java.util.function.Consumer<ResidentRecord> each) {
        require(operator, Permission.ADMINISTER, "permission.administer");
        LocalDate today = today();
        // The keys of every current snapshot in export order first (one statement, one sort of narrow rows), then the
        // rows page by page by key. Paging the ordered query itself (OFFSET n ROWS) made the engine join and sort the
        // whole register again for every page of 500: quadratic, 80–90 % of the business modules' demo share at
        // 50,000 residents (docs/performance.md).
        String keysSql = "SELECT s.addressee_number, s.history_number FROM resident_snapshot s, resident_person p"
                + " WHERE p.addressee_number = s.addressee_number AND p.current_history = s.history_number"
                + (includeRemoved ? "" : " AND (s.status = 'RESIDENT' OR (s.status = 'MOVING_OUT' AND s.planned_move_out > ?))")
                + " ORDER BY s.household_number, s.addressee_number";
        List<Object[]> keys = tx.readOnly(em -> {
            jakarta.persistence.Query query = em.createNativeQuery(keysSql);
            if (!includeRemoved) {
                query.setParameter(1, java.sql.Date.valueOf(today));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            return rows;
        });
        final int page = 500;
        List<AddresseeNumber> exported = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += page) {
            List<Object[]> pageKeys = keys.subList(from, Math.min(keys.size(), from + page));
            List<ResidentRecord> chunk = tx.readOnly(em -> {
                List<SnapshotEntity> rows = snapshots(em, pageKeys);
                Reader reader = new Reader(em).prefetch(rows);
                return rows.stream().map(s -> record(em, reader, s, today, operator)).toList();
            });
            chunk.forEach(r -> {
                each.accept(r);
                exported.add(r.addresseeNumber());
            });
        }
        access(operator, ResidentAccess.Kind.EXPORT, exported, operator.may(Permission.USE_INDIVIDUAL_NUMBER), "export");
        return exported.size();
    }

    // ==== AddresseeDirectory =====================================================================

    @Override
    public Optional<NameAndAddress> lookup(AddresseeNumber number, LocalDate date) {
        return tx.readOnly(em -> asOf(em, new Reader(em), number, date).map(s -> {
            Draft d = Draft.of(s);
            return new NameAndAddress(number, d.person.displayName().fullName(),
                    d.person.commonName().isPresent() && d.person.commonNameFurigana().isPresent()
                            ? d.person.commonNameFurigana().get().value() : d.person.furigana().value(),
                    Optional.ofNullable(d.postalCode), d.address);
        }));
    }

    // ==== helpers ================================================================================

    /** Reads change rows once per call. */
    private static final class Reader {
        private final EntityManager em;
        private final Map<String, ChangeInfo> changes = new HashMap<>();

        Reader(EntityManager em) {
            this.em = em;
        }

        ChangeInfo change(String id) {
            return changes.computeIfAbsent(id, k -> info(em.find(ChangeEntity.class, k)));
        }

        /**
         * Reads the change rows of many snapshots in one query per 500 instead of one each (a page of
         * 200 search hits would otherwise cost 200 more round trips; see docs/performance.md).
         */
        Reader prefetch(List<SnapshotEntity> rows) {
            List<String> ids = rows.stream().map(s -> s.changeId).distinct().filter(id -> !changes.containsKey(id)).toList();
            for (int i = 0; i < ids.size(); i += 500) {
                nativeIn(em, "SELECT * FROM resident_change WHERE change_id IN ", ids.subList(i, Math.min(ids.size(), i + 500)),
                        ChangeEntity.class).forEach(c -> changes.put(c.changeId, info(c)));
            }
            return this;
        }
    }

    private static ResidentRecord record(EntityManager em, Reader reader, SnapshotEntity s, LocalDate date, Operator operator) {
        return Draft.of(s).toRecord(reader.change(s.changeId), date, !operator.may(Permission.USE_INDIVIDUAL_NUMBER));
    }

    private void require(Operator operator, Permission permission, String code) {
        if (!operator.may(permission)) {
            throw refused(operator, code);
        }
    }

    private ResidentException refused(Operator operator, String code) {
        ResidentException e = new ResidentException(code);
        access(operator, ResidentAccess.Kind.REFUSED, List.of(), false, code);
        return e;
    }

    private static boolean shown(Operator operator, List<ResidentRecord> records) {
        return operator.may(Permission.USE_INDIVIDUAL_NUMBER)
                && records.stream().anyMatch(r -> r.person().individualNumber().isPresent());
    }

    private void viewed(Operator operator, ResidentAccess.Kind kind, List<ResidentRecord> records, String detail) {
        access(operator, kind, records.stream().map(ResidentRecord::addresseeNumber).distinct().toList(),
                shown(operator, records), detail);
    }

    private void access(Operator operator, ResidentAccess.Kind kind, List<AddresseeNumber> persons, boolean numberShown,
            String detail) {
        if (listeners.isEmpty()) {
            return;
        }
        ResidentAccess a = new ResidentAccess(Instant.now(clock), operator, kind, persons, numberShown, detail);
        for (ResidentAccessListener l : listeners) {
            try {
                l.accessed(a);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Resident access listener " + l.getClass().getName() + " failed", e);
            }
        }
    }
}
