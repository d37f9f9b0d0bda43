package jp.kiban.resident.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.core.DomainException.Label;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.name.KanjiName;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeRequest.Birth;
import jp.kiban.resident.ChangeRequest.Cancellation;
import jp.kiban.resident.ChangeRequest.Correction;
import jp.kiban.resident.ChangeRequest.Death;
import jp.kiban.resident.ChangeRequest.DomesticMoveIn;
import jp.kiban.resident.ChangeRequest.HeadChange;
import jp.kiban.resident.ChangeRequest.HouseholdMerge;
import jp.kiban.resident.ChangeRequest.HouseholdSplit;
import jp.kiban.resident.ChangeRequest.MoveInFromAbroad;
import jp.kiban.resident.ChangeRequest.MoveOut;
import jp.kiban.resident.ChangeRequest.MoveWithinTown;
import jp.kiban.resident.ChangeRequest.NewMember;
import jp.kiban.resident.ChangeState;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentStatus;

/**
 * The rules of the 異動: turns one request into the snapshots it writes, against the confirmed
 * register, or refuses it with a {@link ResidentException}. One instance per change, inside the
 * caller's transaction (new 宛名番号/世帯番号 are assigned in it and given back if it rolls back).
 * <p>
 * After the change-specific work, the household rules are checked on every household the change
 * touched: exactly one 世帯主 among its members who are 住民 (a 転出予定 member no longer counts), no
 * other member with 続柄 世帯主, and the 世帯主の氏名 copied onto every member (members outside the
 * change get a snapshot of their own when it changes, under the same change id).
 */
final class ChangeEngine {

    private final EntityManager em;
    private final AddresseeNumbers numbers;
    private final Operator operator;
    private final LocalDate today;
    /** Snapshots to write, by person, in the order they were first touched. */
    private final Map<AddresseeNumber, Draft> out = new LinkedHashMap<>();
    /** Persons entering the register with this change. */
    private final Set<AddresseeNumber> created = new HashSet<>();
    /** Households whose membership or 世帯主 may change. */
    private final Set<HouseholdNumber> touched = new LinkedHashSet<>();
    private final Store store;
    /** Households this change creates: they have no confirmed members yet. */
    private final Set<HouseholdNumber> fresh = new HashSet<>();

    ChangeEngine(EntityManager em, AddresseeNumbers numbers, Operator operator, LocalDate today) {
        this.em = em;
        this.numbers = numbers;
        this.operator = operator;
        this.today = today;
        this.store = new Store(em);
    }

    Plan plan(ChangeRequest request) {
        if (request instanceof Cancellation c) {
            return cancellation(c);
        }
        LocalDate changeDate = request.changeDate();
        LocalDate notified = request.notificationDate().orElse(null);
        boolean moveOut = request instanceof MoveOut;
        if (!moveOut && changeDate.isAfter(today)) {
            throw new ResidentException("date.future", new Label("changeDate"), WarekiDate.of(changeDate).format());
        }
        if (notified != null && notified.isAfter(today)) {
            throw new ResidentException("date.future", new Label("notificationDate"), WarekiDate.of(notified).format());
        }
        if (notified != null && !moveOut && notified.isBefore(changeDate)) {
            throw new ResidentException("date.notificationBeforeChange", WarekiDate.of(notified).format(),
                    WarekiDate.of(changeDate).format());
        }
        String description = "";
        LocalDate validFrom = changeDate;
        switch (request) {
            case DomesticMoveIn r -> moveIn(changeDate, r.notifiedOn(), r.address(), r.postalCode(), r.previousAddress(),
                    r.certificate(), r.joinHousehold(), r.members());
            case MoveInFromAbroad r -> moveIn(changeDate, r.notifiedOn(), r.address(), r.postalCode(), r.previousAddress(),
                    null, r.joinHousehold(), r.members());
            case Birth r -> birth(r);
            case MoveWithinTown r -> moveWithinTown(r);
            case MoveOut r -> {
                validFrom = r.plannedDate().isBefore(r.notifiedOn()) ? r.plannedDate() : r.notifiedOn();
                moveOut(r);
            }
            case HouseholdSplit r -> split(r);
            case HouseholdMerge r -> merge(r);
            case HeadChange r -> headChange(r);
            case Death r -> death(r);
            case Correction r -> description = correction(r);
            case Cancellation r -> throw new IllegalStateException("handled above");
        }
        checkHouseholds();
        for (Draft d : out.values()) {
            d.validFrom = validFrom;
            if (!created.contains(d.number) && !(request instanceof Correction)) {
                Draft before = store.current(d.number);
                if (validFrom.isBefore(before.validFrom)) {
                    throw new ResidentException("change.beforeLastChange", d.displayName(),
                            WarekiDate.of(before.validFrom).format());
                }
            }
        }
        checkPendingAndUnique();
        return new Plan(request.reason(), changeDate, notified, description, null, List.copyOf(out.values()));
    }

    // ---- 記載 ----------------------------------------------------------------------------------

    private void moveIn(LocalDate changeDate, LocalDate notified, Address address, Optional<PostalCode> postal,
            String previousAddress, MoveOutCertificate certificate, Optional<HouseholdNumber> join, List<NewMember> members) {
        HouseholdNumber household;
        KanjiName headName;
        PostalCode postalCode = postal.orElse(null);
        if (join.isPresent()) {
            Draft head = head(join.get());
            if (!head.address.equals(address)) {
                throw new ResidentException("moveIn.addressDiffers", address.format(), head.address.format());
            }
            if (members.stream().anyMatch(m -> m.relationship().isHead())) {
                throw new ResidentException("moveIn.joinHead");
            }
            household = join.get();
            headName = head.person.name();
            postalCode = postalCode != null ? postalCode : head.postalCode;
        } else {
            List<NewMember> heads = members.stream().filter(m -> m.relationship().isHead()).toList();
            if (heads.size() != 1) {
                throw new ResidentException("moveIn.needsHead");
            }
            household = numbers.assignHousehold();
            fresh.add(household);
            headName = heads.get(0).person().name();
        }
        touched.add(household);
        for (NewMember m : members) {
            bornBy(m.person(), changeDate);
            Draft d = newPerson(m.person(), household, m.relationship(), headName, address, postalCode, changeDate,
                    m.existingNumber());
            d.previousAddress = previousAddress;
            d.addressNotifiedOn = notified;
            d.certificate = certificate;
        }
    }

    private void birth(Birth r) {
        Draft head = head(r.household());
        if (r.relationship().isHead()) {
            throw new ResidentException("relationship.headNotAllowed", r.child().name().fullName());
        }
        touched.add(r.household());
        newPerson(r.child(), r.household(), r.relationship(), head.person.name(), head.address, head.postalCode,
                r.changeDate(), Optional.empty());
    }

    private Draft newPerson(PersonData person, HouseholdNumber household, Relationship relationship, KanjiName headName,
            Address address, PostalCode postal, LocalDate since, Optional<AddresseeNumber> existing) {
        Draft d;
        if (existing.isEmpty()) {
            d = new Draft();
            d.number = numbers.assign(AddresseeKind.RESIDENT);
            d.history = 1;
            created.add(d.number);
        } else {
            AddresseeNumber n = existing.get();
            Optional<Draft> former = store.find(n);
            if (former.isPresent()) {
                // 再転入: the same number, the history goes on from the 除票
                if (former.get().onRegister(today)) {
                    throw new ResidentException("moveIn.alreadyResident", former.get().displayName());
                }
                d = edit(former.get());
                d.previousAddress = null;
                d.addressNotifiedOn = null;
                d.certificate = null;
                d.plannedMoveOut = null;
                d.moveOutDestination = null;
                d.removedOn = null;
            } else {
                // a 住登外者 becomes a resident under the number the addressee base gave them
                if (numbers.kindOf(n).filter(k -> k == AddresseeKind.NON_RESIDENT).isEmpty()) {
                    throw new ResidentException("moveIn.unknownNumber", n.value());
                }
                d = new Draft();
                d.number = n;
                d.history = 1;
                created.add(d.number);
            }
            numbers.changeKind(n, AddresseeKind.RESIDENT);
        }
        d.person = person;
        d.status = ResidentStatus.RESIDENT;
        d.household = household;
        d.relationship = relationship;
        d.headName = headName;
        d.address = address;
        d.postalCode = postal;
        d.addressSince = since;
        d.becameResidentOn = since;
        out.put(d.number, d);
        return d;
    }

    private static void bornBy(PersonData person, LocalDate date) {
        int key = date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        if (person.birthDate().sortKey() > key) {
            throw new ResidentException("person.bornAfterChange", person.name().fullName());
        }
    }

    // ---- 修正: 転居, 世帯変更 ------------------------------------------------------------------

    private void moveWithinTown(MoveWithinTown r) {
        List<Draft> movers = activePersons(r.persons());
        HouseholdNumber household = sameHousehold(movers);
        for (Draft m : movers) {
            if (m.address.equals(r.address())) {
                throw new ResidentException("move.sameAddress");
            }
        }
        List<Draft> all = store.members(household, today).stream().filter(d -> d.activeOn(today)).toList();
        Set<AddresseeNumber> moving = numbersOf(movers);
        boolean whole = all.stream().allMatch(d -> moving.contains(d.number));
        for (Draft m : movers) {
            Draft d = edit(m);
            d.previousAddress = m.address.format();
            d.address = r.address();
            d.postalCode = r.postalCode().orElse(null);
            d.addressSince = r.changeDate();
            d.addressNotifiedOn = r.notifiedOn();
        }
        if (!whole) {
            AddresseeNumber newHead = r.newHead().orElseThrow(() -> new ResidentException("move.newHeadRequired"));
            formNewHousehold(movers, newHead, r.relationships());
            leaveHousehold(all, moving, Optional.empty(), r.relationships());
        }
    }

    private void split(HouseholdSplit r) {
        List<Draft> movers = activePersons(r.persons());
        HouseholdNumber household = sameHousehold(movers);
        List<Draft> all = store.members(household, today).stream().filter(d -> d.activeOn(today)).toList();
        Set<AddresseeNumber> moving = numbersOf(movers);
        if (all.stream().allMatch(d -> moving.contains(d.number))) {
            throw new ResidentException("split.wholeHousehold");
        }
        formNewHousehold(movers, r.newHead(), r.relationships());
        leaveHousehold(all, moving, Optional.empty(), r.relationships());
    }

    private void formNewHousehold(List<Draft> movers, AddresseeNumber newHead, Map<AddresseeNumber, Relationship> map) {
        Draft head = movers.stream().filter(m -> m.number.equals(newHead)).findFirst()
                .orElseThrow(() -> new ResidentException("newHead.notAmong", name(newHead)));
        HouseholdNumber household = numbers.assignHousehold();
        fresh.add(household);
        touched.add(household);
        for (Draft m : movers) {
            edit(m).household = household;
        }
        reassign(movers, head, map);
    }

    /**
     * Members who stay when others leave: if the 世帯主 left, they need a new one ({@code explicitHead},
     * or the member mapped to 世帯主) and new 続柄.
     */
    private void leaveHousehold(List<Draft> all, Set<AddresseeNumber> leaving, Optional<AddresseeNumber> explicitHead,
            Map<AddresseeNumber, Relationship> map) {
        boolean headLeaves = all.stream().anyMatch(d -> d.relationship.isHead() && leaving.contains(d.number));
        List<Draft> remaining = all.stream().filter(d -> !leaving.contains(d.number)).toList();
        if (!headLeaves || remaining.isEmpty()) {
            return;
        }
        AddresseeNumber newHead = explicitHead.orElseGet(() -> remaining.stream()
                .filter(d -> map.get(d.number) == Relationship.HEAD).map(d -> d.number).findFirst().orElse(null));
        if (newHead == null) {
            throw new ResidentException("remainingHead.required");
        }
        Draft head = remaining.stream().filter(d -> d.number.equals(newHead)).findFirst()
                .orElseThrow(() -> new ResidentException("newHead.notAmong", name(newHead)));
        reassign(remaining, head, map);
    }

    /** {@code head} becomes 世帯主 of {@code members}; everyone else gets a 続柄 from the map. */
    private void reassign(List<Draft> members, Draft head, Map<AddresseeNumber, Relationship> map) {
        for (Draft m : members) {
            Draft d = edit(m);
            if (m.number.equals(head.number)) {
                d.relationship = Relationship.HEAD;
            } else {
                Relationship r = map.get(m.number);
                if (r == null) {
                    throw new ResidentException("relationship.required", m.displayName());
                }
                if (r.isHead()) {
                    throw new ResidentException("relationship.headNotAllowed", m.displayName());
                }
                d.relationship = r;
            }
            d.headName = edit(head).person.name();
        }
    }

    private void merge(HouseholdMerge r) {
        if (r.from().equals(r.into())) {
            throw new ResidentException("merge.sameHousehold");
        }
        Draft intoHead = head(r.into());
        head(r.from());
        List<Draft> joining = store.members(r.from(), today).stream().filter(d -> d.activeOn(today)).toList();
        for (Draft m : joining) {
            if (!m.address.equals(intoHead.address)) {
                throw new ResidentException("merge.addressDiffers");
            }
        }
        touched.add(r.into());
        for (Draft m : joining) {
            Relationship rel = r.relationships().get(m.number);
            if (rel == null) {
                throw new ResidentException("relationship.required", m.displayName());
            }
            if (rel.isHead()) {
                throw new ResidentException("relationship.headNotAllowed", m.displayName());
            }
            Draft d = edit(m);
            d.household = r.into();
            d.relationship = rel;
            d.headName = intoHead.person.name();
        }
    }

    private void headChange(HeadChange r) {
        head(r.household());
        List<Draft> members = store.members(r.household(), today).stream().filter(d -> d.activeOn(today)).toList();
        Draft head = members.stream().filter(d -> d.number.equals(r.newHead())).findFirst()
                .orElseThrow(() -> new ResidentException("headChange.notMember", name(r.newHead())));
        if (head.relationship.isHead()) {
            throw new ResidentException("headChange.alreadyHead", head.displayName());
        }
        reassign(members, head, r.relationships());
    }

    // ---- 消除 ----------------------------------------------------------------------------------

    private void moveOut(MoveOut r) {
        List<Draft> movers = activePersons(r.persons());
        HouseholdNumber household = sameHousehold(movers);
        List<Draft> all = store.members(household, today).stream().filter(d -> d.activeOn(today)).toList();
        for (Draft m : movers) {
            Draft d = edit(m);
            d.status = ResidentStatus.MOVING_OUT;
            d.plannedMoveOut = r.plannedDate();
            d.moveOutDestination = r.destination();
        }
        leaveHousehold(all, numbersOf(movers), r.newHeadOfRemaining(), r.relationships());
    }

    private void death(Death r) {
        Draft person = store.current(r.person());
        if (!person.onRegister(today)) {
            throw new ResidentException("person.removed", person.displayName());
        }
        touched.add(person.household);
        Draft d = edit(person);
        d.status = ResidentStatus.REMOVED;
        d.removedOn = r.changeDate();
        if (person.relationship.isHead() && person.activeOn(today)) {
            List<Draft> all = store.members(person.household, today).stream().filter(x -> x.activeOn(today)).toList();
            if (all.size() > 1 && r.newHead().isEmpty()) {
                throw new ResidentException("death.needsNewHead", person.displayName());
            }
            leaveHousehold(all, Set.of(person.number), r.newHead(), r.relationships());
        }
    }

    // ---- 職権修正・誤記修正 --------------------------------------------------------------------

    private String correction(Correction r) {
        Draft person = store.current(r.person());
        PersonData corrected = r.corrected();
        if (!operator.may(Permission.USE_INDIVIDUAL_NUMBER)) {
            if (corrected.individualNumber().isPresent()) {
                throw new ResidentException("individualNumber.notPermitted");
            }
            corrected = corrected.toBuilder().individualNumber(person.person.individualNumber().orElse(null)).build();
        }
        List<String> changes = Corrections.describe(person.person, corrected);
        if (changes.isEmpty()) {
            throw new ResidentException("correction.nothingChanged");
        }
        touched.add(person.household);
        edit(person).person = corrected;
        String text = String.join("、", changes);
        return r.note().isEmpty() ? text : text + "（" + r.note() + "）";
    }

    // ---- 取消 ----------------------------------------------------------------------------------

    private Plan cancellation(Cancellation r) {
        ChangeEntity target = em.find(ChangeEntity.class, r.changeId().toString());
        if (target == null) {
            throw new ResidentException("change.unknown");
        }
        if (!ChangeState.CONFIRMED.name().equals(target.state)) {
            throw new ResidentException("cancel.notConfirmed");
        }
        ChangeReason reason = ChangeReason.valueOf(target.reason);
        if (reason == ChangeReason.CANCELLATION) {
            throw new ResidentException("cancel.ofCancellation");
        }
        if (target.cancelledBy != null) {
            throw new ResidentException("cancel.already");
        }
        for (SnapshotEntity s : store.snapshotsOf(target.changeId)) {
            PersonEntity p = em.find(PersonEntity.class, s.addresseeNumber);
            Draft cancelled = Draft.of(s);
            if (p.currentHistory == null || p.currentHistory != s.historyNumber) {
                throw new ResidentException("cancel.notLatest", cancelled.displayName());
            }
            Draft restored;
            if (s.historyNumber == 1) {
                restored = cancelled.next();
                restored.status = ResidentStatus.REMOVED;
                restored.removedOn = target.changeDate;
            } else {
                restored = store.snapshot(cancelled.number, s.historyNumber - 1).copy();
                restored.history = s.historyNumber + 1;
                restored.confirmed = false;
            }
            restored.validFrom = s.validFrom;
            out.put(restored.number, restored);
        }
        checkPendingAndUnique();
        String description = reason.label() + "（" + WarekiDate.of(target.changeDate).format() + "）の取消し: " + r.note();
        return new Plan(ChangeReason.CANCELLATION, target.changeDate, null, description, target.changeId,
                List.copyOf(out.values()));
    }

    // ---- shared rules --------------------------------------------------------------------------

    /** One 世帯主 among the 住民 of each touched household; 世帯主の氏名 copied onto every member. */
    private void checkHouseholds() {
        for (Draft d : List.copyOf(out.values())) {
            touched.add(d.household);
            if (!created.contains(d.number)) {
                touched.add(store.current(d.number).household);
            }
        }
        for (HouseholdNumber household : touched) {
            Map<AddresseeNumber, Draft> members = new LinkedHashMap<>();
            if (!fresh.contains(household)) {
                for (Draft d : store.members(household, today)) {
                    members.put(d.number, d);
                }
            }
            for (Draft d : out.values()) {
                if (d.household.equals(household)) {
                    members.put(d.number, d);
                } else {
                    members.remove(d.number);
                }
            }
            List<Draft> active = members.values().stream().filter(d -> d.activeOn(today)).toList();
            if (active.isEmpty()) {
                continue; // closed, or only members who are moving out
            }
            List<Draft> heads = active.stream().filter(d -> d.relationship.isHead()).toList();
            if (heads.size() != 1) {
                throw new ResidentException("household.oneHead", household.value(), heads.size());
            }
            KanjiName headName = heads.get(0).person.name();
            for (Draft m : active) {
                if (!m.headName.equals(headName)) {
                    edit(m).headName = headName;
                }
            }
        }
    }

    private void checkPendingAndUnique() {
        Set<String> seenNumbers = new HashSet<>();
        Set<String> seenCodes = new HashSet<>();
        for (Draft d : out.values()) {
            if (!created.contains(d.number)) {
                PersonEntity p = em.find(PersonEntity.class, d.number.value());
                if (p.pendingChangeId != null) {
                    throw new ResidentException("person.pending", d.displayName());
                }
            }
            if (!d.onRegister(today)) {
                continue;
            }
            Optional<String> number = d.person.individualNumber().map(n -> n.value());
            Optional<String> code = d.person.residentRecordCode().map(c -> c.value());
            if (number.isPresent() && !seenNumbers.add(number.get())) {
                throw new ResidentException("individualNumber.duplicate", d.displayName());
            }
            if (code.isPresent() && !seenCodes.add(code.get())) {
                throw new ResidentException("residentRecordCode.duplicate", d.displayName());
            }
            if (number.isEmpty() && code.isEmpty()) {
                continue;
            }
            for (Draft other : store.livingWith(number.orElse(null), code.orElse(null), d.number, today)) {
                if (number.isPresent() && number.equals(other.person.individualNumber().map(n -> n.value()))) {
                    throw new ResidentException("individualNumber.duplicate", d.displayName());
                }
                if (code.isPresent() && code.equals(other.person.residentRecordCode().map(c -> c.value()))) {
                    throw new ResidentException("residentRecordCode.duplicate", d.displayName());
                }
            }
        }
    }

    /** The draft of this change for the person, started from their current snapshot. */
    private Draft edit(Draft current) {
        return out.computeIfAbsent(current.number, n -> current.next());
    }

    private List<Draft> activePersons(List<AddresseeNumber> persons) {
        List<Draft> result = new ArrayList<>();
        for (AddresseeNumber n : new LinkedHashSet<>(persons)) {
            Draft d = store.current(n);
            if (!d.onRegister(today)) {
                throw new ResidentException("person.removed", d.displayName());
            }
            if (!d.activeOn(today)) {
                throw new ResidentException("person.movingOut", d.displayName());
            }
            result.add(d);
        }
        return result;
    }

    private static HouseholdNumber sameHousehold(List<Draft> persons) {
        HouseholdNumber household = persons.get(0).household;
        if (persons.stream().anyMatch(p -> !p.household.equals(household))) {
            throw new ResidentException("move.differentHouseholds");
        }
        return household;
    }

    /** The 世帯主 of a household with 住民 today; refused if it has none. */
    private Draft head(HouseholdNumber household) {
        return store.members(household, today).stream().filter(d -> d.activeOn(today) && d.relationship.isHead())
                .findFirst().orElseThrow(() -> new ResidentException("household.unknown", household.value()));
    }

    private String name(AddresseeNumber n) {
        return store.find(n).map(Draft::displayName).orElse(n.value());
    }

    private static Set<AddresseeNumber> numbersOf(List<Draft> drafts) {
        return drafts.stream().map(d -> d.number).collect(Collectors.toSet());
    }

    /** Reads the confirmed register inside the change's transaction. */
    static final class Store {
        private final EntityManager em;

        Store(EntityManager em) {
            this.em = em;
        }

        Optional<Draft> find(AddresseeNumber n) {
            PersonEntity p = em.find(PersonEntity.class, n.value());
            if (p == null || p.currentHistory == null) {
                return Optional.empty();
            }
            return Optional.of(snapshot(n, p.currentHistory));
        }

        Draft current(AddresseeNumber n) {
            return find(n).orElseThrow(() -> new ResidentException("person.unknown", n.value()));
        }

        Draft snapshot(AddresseeNumber n, int history) {
            SnapshotEntity s = em.find(SnapshotEntity.class, new SnapshotId(n.value(), history));
            return Draft.of(Objects.requireNonNull(s, () -> "missing snapshot " + n.value() + "/" + history));
        }

        /** Current confirmed snapshots of the household's members on the register today (転出予定 included). */
        List<Draft> members(HouseholdNumber household, LocalDate today) {
            List<SnapshotEntity> rows = em.createQuery("SELECT s FROM ResidentSnapshot s, ResidentPerson p"
                    + " WHERE p.addresseeNumber = s.addresseeNumber AND p.currentHistory = s.historyNumber"
                    + " AND s.householdNumber = :h", SnapshotEntity.class)
                    .setParameter("h", household.value()).getResultList();
            return rows.stream().map(Draft::of).filter(d -> d.onRegister(today))
                    .sorted(MEMBER_ORDER).toList();
        }

        List<SnapshotEntity> snapshotsOf(String changeId) {
            return em.createQuery("SELECT s FROM ResidentSnapshot s WHERE s.changeId = :c ORDER BY s.addresseeNumber",
                    SnapshotEntity.class).setParameter("c", changeId).getResultList();
        }

        /** Living residents other than {@code self} holding this 個人番号 or 住民票コード (either may be null). */
        List<Draft> livingWith(String individualNumber, String residentRecordCode, AddresseeNumber self, LocalDate today) {
            List<SnapshotEntity> rows = em.createQuery("SELECT s FROM ResidentSnapshot s, ResidentPerson p"
                    + " WHERE p.addresseeNumber = s.addresseeNumber AND p.currentHistory = s.historyNumber"
                    + " AND (s.individualNumber = :n OR s.residentRecordCode = :c) AND s.addresseeNumber <> :self",
                    SnapshotEntity.class).setParameter("n", individualNumber == null ? "-" : individualNumber)
                    .setParameter("c", residentRecordCode == null ? "-" : residentRecordCode)
                    .setParameter("self", self.value()).getResultList();
            return rows.stream().map(Draft::of).filter(d -> d.onRegister(today)).toList();
        }
    }

    /** 世帯員の並び順 as {@link jp.kiban.resident.Household#MEMBER_ORDER}: 続柄 rank, date of birth, 宛名番号. */
    static final Comparator<Draft> MEMBER_ORDER = Comparator.<Draft, Integer>comparing(d -> d.relationship.rank())
            .thenComparing(d -> d.person.birthDate().sortKey()).thenComparing(d -> d.number);
}
