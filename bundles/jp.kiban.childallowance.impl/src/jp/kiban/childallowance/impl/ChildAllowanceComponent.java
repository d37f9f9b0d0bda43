package jp.kiban.childallowance.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jp.kiban.childallowance.AllowanceCalculator;
import jp.kiban.childallowance.AllowanceChild;
import jp.kiban.childallowance.AllowanceTask;
import jp.kiban.childallowance.Application;
import jp.kiban.childallowance.BulkResult;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildAllowanceException;
import jp.kiban.childallowance.ChildEndReason;
import jp.kiban.childallowance.ChildEntry;
import jp.kiban.childallowance.ChildFacts;
import jp.kiban.childallowance.ExtinctionReason;
import jp.kiban.childallowance.MonthlyAmount;
import jp.kiban.childallowance.Payment;
import jp.kiban.childallowance.Recipient;
import jp.kiban.childallowance.RecipientSummary;
import jp.kiban.childallowance.RevisionKind;
import jp.kiban.childallowance.TaskKind;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/**
 * 児童手当の受給者・対象児童: 認定 (児童手当法第7条・第8条), 額改定 (第9条), 消滅 (第8条第2項), the amount and the
 * payment schedule (by {@link AllowanceCalculator}) and the 確認事項. Every request is checked in full before anything
 * is written; a refusal stores nothing.
 */
@Component(service = ChildAllowance.class)
public class ChildAllowanceComponent implements ChildAllowance {
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** How far ahead a fact (転出予定日 …) may be entered. */
    static final int DAYS_AHEAD = 31;

    @Reference
    private Transactions tx;
    @Reference
    private ResidentRegistry registry;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    // ---- reading -------------------------------------------------------------------------------------

    @Override
    public List<RecipientSummary> recipients(Operator operator, String text, boolean includeExtinct, YearMonth month,
            int limit) {
        Guard.staff(authorisation, operator, "jidoteate.recipients");
        String needle = normalise(text);
        return tx.readOnly(em -> {
            List<RecipientEntity> all = em.createQuery("SELECT r FROM JidoteateRecipient r"
                    + (includeExtinct ? "" : " WHERE r.endMonth IS NULL") + " ORDER BY r.furigana, r.recordedAt",
                    RecipientEntity.class).getResultList();
            Set<String> ids = new HashSet<>();
            all.forEach(r -> ids.add(r.id));
            Map<String, List<ChildEntity>> children = Store.childrenOf(em, ids);
            List<RecipientSummary> out = new ArrayList<>();
            for (RecipientEntity r : all) {
                List<ChildEntity> cs = children.getOrDefault(r.id, List.of());
                if (!needle.isEmpty() && !matches(needle, r.addresseeNumber, r.name, r.furigana)
                        && cs.stream().noneMatch(c -> matches(needle, c.addresseeNumber, c.name, c.furigana))) {
                    continue;
                }
                Recipient full = Store.recipient(r, cs, List.of());
                MonthlyAmount a = full.amount(month);
                out.add(new RecipientSummary(full.id(), full.person(), full.name(), full.furigana(), full.address(), month,
                        a.paidChildren(), a.total(), full.startMonth(), full.endMonth()));
                if (out.size() >= limit) {
                    break;
                }
            }
            return out;
        });
    }

    /** Without spaces, hiragana as katakana (the furigana is stored in katakana). */
    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : s.strip().toCharArray()) {
            if (ch == ' ' || ch == '\u3000') {
                continue;
            }
            sb.append(ch >= '\u3041' && ch <= '\u3096' ? (char) (ch + 0x60) : ch);
        }
        return sb.toString();
    }

    private static boolean matches(String needle, String number, String name, String furigana) {
        return (number != null && number.contains(needle)) || normalise(name).contains(needle)
                || normalise(furigana).contains(needle);
    }

    @Override
    public Optional<Recipient> recipient(Operator operator, UUID id) {
        Guard.staff(authorisation, operator, "jidoteate.recipient");
        return tx.readOnly(em -> Optional.ofNullable(Store.recipientEntity(em, id)).map(r -> Store.recipient(em, r)));
    }

    @Override
    public Optional<Recipient> recipientOf(Operator operator, AddresseeNumber person) {
        Guard.staff(authorisation, operator, "jidoteate.recipient");
        return tx.readOnly(em -> {
            List<RecipientEntity> rs = Store.recipientsOf(em, person.value());
            return rs.stream().filter(r -> r.endMonth == null).findFirst().or(() -> rs.stream().findFirst())
                    .map(r -> Store.recipient(em, r));
        });
    }

    // ---- 認定 -----------------------------------------------------------------------------------------

    /** A child as it will be stored, after reading the register. */
    private record Resolved(Optional<AddresseeNumber> person, String name, String furigana, LocalDate birth,
            String relationship, boolean supported) {
    }

    /** A 認定請求 that passed every check against the register, with what its write needs. */
    private record Checked(Application application, LocalDate applied, Optional<LocalDate> event, YearMonth start,
            ResidentRecord now, LocalDate applicantBirth, List<Resolved> children, long amount) {
    }

    @Override
    public Recipient certify(Operator operator, Application application) {
        Guard.staff(authorisation, operator, "jidoteate.certify");
        Checked c = check(operator, application);
        Recipient certified = tx.required(em -> Store.recipient(em, write(em, c, operator)));
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "jidoteate.certify", persons(certified), false,
                "start " + c.start() + " monthly " + c.amount()));
        return certified;
    }

    /** Everything certify checks before its transaction: dates, the applicant and the children on the register, the amount. */
    private Checked check(Operator operator, Application application) {
        LocalDate applied = checkApplicationDate(application.applicationDate());
        Optional<LocalDate> event = checkEvent(application.trigger(), application.eventDate(), applied);
        YearMonth start = AllowanceCalculator.startMonth(applied, application.trigger(), event);
        if (start.isBefore(AllowanceCalculator.RULES_FROM)) {
            throw new ChildAllowanceException("application.beforeRules", start);
        }
        AddresseeNumber applicant = application.applicant();
        ResidentRecord onDay = residentOn(operator, applicant, applied);
        LocalDate applicantBirth = onDay.person().birthDate().exactDate()
                .orElseThrow(() -> new ChildAllowanceException("person.birthDateUnknown", applicant.value()));
        ResidentRecord now = registry.current(operator, applicant).orElse(onDay);

        if (application.children().isEmpty()) {
            throw new ChildAllowanceException("children.none");
        }
        List<Resolved> children = new ArrayList<>();
        for (ChildEntry e : application.children()) {
            Resolved c = resolve(operator, e, applied);
            if (c.person().equals(Optional.of(applicant))) {
                throw new ChildAllowanceException("child.isApplicant");
            }
            for (Resolved other : children) {
                if (same(other, c)) {
                    throw new ChildAllowanceException("child.duplicate", c.name());
                }
            }
            checkCounts(c, start);
            children.add(c);
        }
        List<ChildFacts> facts = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Resolved c = children.get(i);
            facts.add(new ChildFacts("c" + i, c.birth(), start, Optional.empty(),
                    c.supported() ? Optional.of(start) : Optional.empty()));
        }
        if (!AllowanceCalculator.anyChildPaid(start, facts)) {
            throw new ChildAllowanceException("children.noneEligible");
        }
        long amount = AllowanceCalculator.monthly(start, facts).total();
        return new Checked(application, applied, event, start, now, applicantBirth, List.copyOf(children), amount);
    }

    /** The checks against this business's tables (not a recipient yet, no child certified elsewhere), in a transaction. */
    private static void checkStored(EntityManager em, Checked c) {
        AddresseeNumber applicant = c.application().applicant();
        Store.activeRecipientOf(em, applicant.value()).ifPresent(r -> {
            throw new ChildAllowanceException("recipient.alreadyCertified", applicant.value(), Store.month(r.startMonth));
        });
        for (Resolved child : c.children()) {
            checkNotElsewhere(em, child, null);
        }
    }

    /** Inside the caller's transaction: the checks against the stored recipients, then the recipient, children, revision. */
    private static RecipientEntity write(EntityManager em, Checked c, Operator operator) {
        checkStored(em, c);
        Application application = c.application();
        RecipientEntity r = new RecipientEntity();
        r.id = UUID.randomUUID().toString();
        copyPerson(r, c.now(), c.applicantBirth());
        r.applicationDate = c.applied();
        r.applicationTrigger = application.trigger().name();
        r.eventDate = c.event().orElse(null);
        r.startMonth = Store.month(c.start());
        r.recordedBy = operator.id();
        r.recordedAt = Instant.now();
        em.persist(r);
        for (Resolved child : c.children()) {
            persistChild(em, r.id, child, c.start(), child.supported() ? c.start() : null, operator.id());
        }
        String detail = "認定請求（" + application.trigger().label()
                + (AllowanceCalculator.specialRuleApplies(c.applied(), application.trigger(), c.event()) ? "・15日特例" : "")
                + "）対象児童等 " + c.children().size() + "人";
        Store.addRevision(em, r.id, RevisionKind.CERTIFICATION, c.start(), c.amount(), c.applied(), c.event().orElse(null),
                detail, operator.id());
        Store.closeAnswered(em, List.of(TaskKind.BIRTH_APPLICATION.name(), TaskKind.MOVE_IN_APPLICATION.name()),
                r.householdNumber, null, null, operator.id(), "認定により完了");
        return r;
    }

    @Override
    public BulkResult certifyAll(Operator operator, List<Application> applications) {
        Guard.staff(authorisation, operator, "jidoteate.certify");
        List<BulkResult.Problem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        java.util.Map<String, Checked> applicants = new java.util.HashMap<>();
        java.util.Map<String, Checked> childOf = new java.util.HashMap<>();
        for (int i = 0; i < applications.size(); i++) {
            try {
                Checked c = check(operator, applications.get(i));
                // within the input as one call after the other would find them in the tables
                String applicant = c.application().applicant().value();
                Checked earlier = applicants.get(applicant);
                if (earlier != null) {
                    throw new ChildAllowanceException("recipient.alreadyCertified", applicant, earlier.start());
                }
                for (Resolved child : c.children()) {
                    Checked other = child.person().map(n -> childOf.get(n.value())).orElse(null);
                    if (other != null) {
                        throw new ChildAllowanceException("child.otherRecipient", child.name(),
                                other.now().person().displayName().fullName());
                    }
                }
                applicants.put(applicant, c);
                c.children().forEach(child -> child.person().ifPresent(n -> childOf.put(n.value(), c)));
                checked.add(c);
                positions.add(i + 1);
            } catch (ChildAllowanceException e) {
                problems.add(new BulkResult.Problem(i + 1, e));
            }
        }
        // against the stored recipients, before anything is written (again in each chunk's transaction)
        for (int from = 0; from < checked.size(); from += CERTIFY_CHUNK) {
            int to = Math.min(checked.size(), from + CERTIFY_CHUNK);
            int first = from;
            problems.addAll(tx.readOnly(em -> {
                List<BulkResult.Problem> found = new ArrayList<>();
                for (int i = first; i < to; i++) {
                    try {
                        checkStored(em, checked.get(i));
                    } catch (ChildAllowanceException e) {
                        found.add(new BulkResult.Problem(positions.get(i), e));
                    }
                }
                return found;
            }));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(BulkResult.Problem::position));
            return new BulkResult(0, problems);
        }
        int stored = 0;
        for (int from = 0; from < checked.size(); from += CERTIFY_CHUNK) {
            List<Checked> chunk = checked.subList(from, Math.min(checked.size(), from + CERTIFY_CHUNK));
            int first = from;
            int[] at = { -1 };
            try {
                tx.requiredRun(em -> {
                    List<String> persons = new ArrayList<>();
                    for (int i = 0; i < chunk.size(); i++) {
                        at[0] = first + i;
                        Checked c = chunk.get(i);
                        write(em, c, operator);
                        persons.add(c.application().applicant().value());
                        c.children().forEach(child -> child.person().ifPresent(n -> persons.add(n.value())));
                    }
                    at[0] = -1;
                    accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "jidoteate.certify", persons, false,
                            "bulk of " + chunk.size() + " recipients"));
                });
            } catch (ChildAllowanceException e) {
                int failed = at[0] < 0 ? first : at[0];
                throw new ChildAllowanceException("certifyAll.stopped", stored, positions.get(failed),
                        checked.get(failed).application().applicant().value(), e.getMessage(java.util.Locale.ROOT));
            }
            stored += chunk.size();
        }
        return new BulkResult(stored, List.of());
    }

    private static LocalDate checkApplicationDate(LocalDate applied) {
        if (applied == null) {
            throw new ChildAllowanceException("application.dateRequired");
        }
        if (applied.isAfter(today())) {
            throw new ChildAllowanceException("application.future");
        }
        return applied;
    }

    private static Optional<LocalDate> checkEvent(ApplicationTrigger trigger, Optional<LocalDate> event, LocalDate applied) {
        if (trigger == ApplicationTrigger.NORMAL) {
            return event;
        }
        if (event.isEmpty()) {
            throw new ChildAllowanceException("application.eventRequired");
        }
        if (event.get().isAfter(applied)) {
            throw new ChildAllowanceException("application.eventAfterApplication");
        }
        return event;
    }

    private ResidentRecord residentOn(Operator operator, AddresseeNumber person, LocalDate day) {
        ResidentRecord onDay = registry.asOf(operator, person, day)
                .orElseThrow(() -> registry.current(operator, person).isPresent()
                        ? new ChildAllowanceException("person.notResident", person.value(), day)
                        : new ChildAllowanceException("person.unknown", person.value()));
        if (!onDay.status().onRegister()) {
            throw new ChildAllowanceException("person.notResident", person.value(), day);
        }
        return onDay;
    }

    private Resolved resolve(Operator operator, ChildEntry e, LocalDate applied) {
        Resolved c;
        if (e.person().isPresent()) {
            AddresseeNumber n = e.person().get();
            ResidentRecord r = registry.current(operator, n)
                    .orElseThrow(() -> new ChildAllowanceException("person.unknown", n.value()));
            LocalDate birth = r.person().birthDate().exactDate()
                    .orElseThrow(() -> new ChildAllowanceException("person.birthDateUnknown", n.value()));
            c = new Resolved(Optional.of(n), r.person().displayName().fullName(), r.person().furigana().value(), birth,
                    e.relationship(), e.supportedAfterHighSchool());
        } else {
            if (e.name().isEmpty()) {
                throw new ChildAllowanceException("child.nameRequired");
            }
            LocalDate birth = e.birthDate().orElseThrow(() -> new ChildAllowanceException("child.birthDateRequired", e.name()));
            c = new Resolved(Optional.empty(), e.name(), e.furigana(), birth, e.relationship(), e.supportedAfterHighSchool());
        }
        if (c.birth().isAfter(applied)) {
            throw new ChildAllowanceException("child.bornAfterApplication", c.name());
        }
        return c;
    }

    private static boolean same(Resolved a, Resolved b) {
        if (a.person().isPresent() || b.person().isPresent()) {
            return a.person().equals(b.person());
        }
        return normalise(a.name()).equals(normalise(b.name())) && a.birth().equals(b.birth());
    }

    /** A child past high-school age in the first month counts only when supported, and only up to 22. */
    private static void checkCounts(Resolved c, YearMonth from) {
        if (AllowanceCalculator.isChild(c.birth(), from)) {
            return;
        }
        if (from.isAfter(YearMonth.from(AllowanceCalculator.olderChildEnd(c.birth())))) {
            throw new ChildAllowanceException("child.tooOld", c.name());
        }
        if (!c.supported()) {
            throw new ChildAllowanceException("child.olderNotSupported", c.name());
        }
    }

    private static void checkNotElsewhere(EntityManager em, Resolved c, String recipient) {
        if (c.person().isEmpty()) {
            return;
        }
        for (Object[] row : Store.activeChildRows(em, c.person().get().value())) {
            RecipientEntity other = (RecipientEntity) row[1];
            if (!other.id.equals(recipient)) {
                throw new ChildAllowanceException("child.otherRecipient", c.name(), other.name);
            }
            throw new ChildAllowanceException("child.duplicate", c.name());
        }
    }

    private static void copyPerson(RecipientEntity r, ResidentRecord now, LocalDate birth) {
        r.addresseeNumber = now.addresseeNumber().value();
        r.householdNumber = now.householdNumber().value();
        r.name = now.person().displayName().fullName();
        r.furigana = now.person().furigana().value();
        r.birthDate = birth;
        r.postalCode = now.postalCode().map(p -> p.format()).orElse("");
        r.address = now.address().format();
    }

    /** Refreshes the copy of a recipient from a newer snapshot (転居, 修正 …). */
    static void refresh(RecipientEntity r, ResidentRecord now) {
        copyPerson(r, now, now.person().birthDate().exactDate().orElse(r.birthDate));
    }

    private static ChildEntity persistChild(EntityManager em, String recipient, Resolved c, YearMonth from,
            YearMonth supportedFrom, String by) {
        ChildEntity e = new ChildEntity();
        e.id = UUID.randomUUID().toString();
        e.recipientId = recipient;
        e.addresseeNumber = c.person().map(AddresseeNumber::value).orElse(null);
        e.name = c.name();
        e.furigana = c.furigana();
        e.birthDate = c.birth();
        e.relationship = c.relationship();
        e.fromMonth = Store.month(from);
        e.supportedFrom = Store.month(supportedFrom);
        e.recordedBy = by;
        e.recordedAt = Instant.now();
        em.persist(e);
        return e;
    }

    private static List<String> persons(Recipient r) {
        List<String> p = new ArrayList<>();
        p.add(r.person().value());
        r.children().forEach(c -> c.person().ifPresent(n -> p.add(n.value())));
        return p;
    }

    // ---- 額改定 ---------------------------------------------------------------------------------------

    private static RecipientEntity active(EntityManager em, UUID id) {
        RecipientEntity r = Store.recipientEntity(em, id);
        if (r == null) {
            throw new ChildAllowanceException("recipient.unknown");
        }
        if (r.endMonth != null) {
            throw new ChildAllowanceException("recipient.extinct", Store.month(r.endMonth));
        }
        return r;
    }

    private Recipient current(UUID id) {
        return tx.readOnly(em -> {
            RecipientEntity r = Store.recipientEntity(em, id);
            if (r == null) {
                throw new ChildAllowanceException("recipient.unknown");
            }
            return Store.recipient(em, r);
        });
    }

    @Override
    public Recipient addChild(Operator operator, UUID recipient, ChildEntry child, LocalDate applicationDate,
            ApplicationTrigger trigger, Optional<LocalDate> eventDate) {
        Guard.staff(authorisation, operator, "jidoteate.revise");
        LocalDate applied = checkApplicationDate(applicationDate);
        ApplicationTrigger why = trigger == null ? ApplicationTrigger.NORMAL : trigger;
        Optional<LocalDate> event = checkEvent(why, eventDate == null ? Optional.empty() : eventDate, applied);
        Recipient before = current(recipient);
        if (!before.active()) {
            throw new ChildAllowanceException("recipient.extinct", before.endMonth().orElseThrow());
        }
        if (applied.isBefore(before.applicationDate())) {
            throw new ChildAllowanceException("application.beforeStart", applied);
        }
        YearMonth from = AllowanceCalculator.startMonth(applied, why, event);
        if (from.isBefore(before.startMonth())) {
            from = before.startMonth();
        }
        Resolved c = resolve(operator, child, applied);
        if (c.person().equals(Optional.of(before.person()))) {
            throw new ChildAllowanceException("child.isApplicant");
        }
        checkCounts(c, from);
        YearMonth start = from;
        long oldAmount = before.amount(start).total();
        List<ChildFacts> facts = new ArrayList<>(before.facts());
        facts.add(new ChildFacts("new", c.birth(), start, Optional.empty(), c.supported() ? Optional.of(start) : Optional.empty()));
        long newAmount = AllowanceCalculator.monthly(start, facts).total();
        Recipient after = tx.required(em -> {
            RecipientEntity r = active(em, recipient);
            for (ChildEntity existing : Store.children(em, r.id)) {
                if (existing.untilMonth == null && same(c, new Resolved(Optional.ofNullable(existing.addresseeNumber)
                        .map(AddresseeNumber::of), existing.name, existing.furigana, existing.birthDate, "", false))) {
                    throw new ChildAllowanceException("child.duplicate", c.name());
                }
            }
            checkNotElsewhere(em, c, r.id);
            persistChild(em, r.id, c, start, c.supported() ? start : null, operator.id());
            RevisionKind kind = newAmount > oldAmount ? RevisionKind.INCREASE : RevisionKind.CHANGE;
            String detail = "対象児童の追加（" + why.label()
                    + (AllowanceCalculator.specialRuleApplies(applied, why, event) ? "・15日特例" : "") + "）" + c.name();
            Store.addRevision(em, r.id, kind, start, newAmount, applied, event.orElse(null), detail, operator.id());
            c.person().ifPresent(n -> Store.closeAnswered(em, List.of(TaskKind.BIRTH_REVISION.name()), null, r.id, n.value(),
                    operator.id(), "額改定により完了"));
            return Store.recipient(em, r);
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "jidoteate.addChild", persons(after), false,
                "from " + start + " monthly " + oldAmount + " -> " + newAmount));
        return after;
    }

    @Override
    public Recipient removeChild(Operator operator, UUID recipient, UUID child, LocalDate eventDate, ChildEndReason reason) {
        Guard.staff(authorisation, operator, "jidoteate.revise");
        LocalDate event = checkEventDate(eventDate);
        ChildEndReason why = reason == null ? ChildEndReason.OTHER : reason;
        Recipient before = current(recipient);
        if (!before.active()) {
            throw new ChildAllowanceException("recipient.extinct", before.endMonth().orElseThrow());
        }
        AllowanceChild c = before.child(child).orElseThrow(() -> new ChildAllowanceException("child.unknown"));
        if (c.untilMonth().isPresent()) {
            throw new ChildAllowanceException("child.ended", c.name(), c.untilMonth().get());
        }
        YearMonth until = YearMonth.from(event);
        if (until.isBefore(c.fromMonth().minusMonths(1))) {
            throw new ChildAllowanceException("remove.beforeChild", c.name());
        }
        // 第9条第3項: the lower amount from the month after the fact; the child counts up to the month of the fact
        YearMonth effective = until.plusMonths(1);
        List<ChildFacts> facts = new ArrayList<>();
        for (AllowanceChild other : before.children()) {
            facts.add(other.id().equals(child) ? new ChildFacts(other.id().toString(), other.birthDate(), other.fromMonth(),
                    Optional.of(until), other.supportedFrom()) : other.facts());
        }
        boolean noneLeft = !AllowanceCalculator.anyChildPaid(effective, facts)
                && facts.stream().noneMatch(f -> f.from().isAfter(effective));
        YearMonth end = until.isBefore(before.startMonth().minusMonths(1)) ? before.startMonth().minusMonths(1) : until;
        long oldAmount = before.amount(effective).total();
        long newAmount = noneLeft ? 0 : AllowanceCalculator.monthly(effective.isBefore(AllowanceCalculator.RULES_FROM)
                ? AllowanceCalculator.RULES_FROM : effective, facts).total();
        Recipient after = tx.required(em -> {
            RecipientEntity r = active(em, recipient);
            ChildEntity e = em.find(ChildEntity.class, child.toString());
            if (e == null || !e.recipientId.equals(r.id)) {
                throw new ChildAllowanceException("child.unknown");
            }
            e.untilMonth = Store.month(until);
            e.endReason = why.name();
            e.recordedBy = operator.id();
            e.recordedAt = Instant.now();
            Store.addRevision(em, r.id, newAmount < oldAmount ? RevisionKind.DECREASE : RevisionKind.CHANGE, effective,
                    newAmount, null, event, "対象児童の減（" + why.label() + "）" + c.name(), operator.id());
            if (noneLeft) {
                end(em, r, end, event, ExtinctionReason.NO_CHILD, operator.id());
            }
            return Store.recipient(em, r);
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "jidoteate.removeChild", persons(after), false,
                "until " + until + " monthly " + oldAmount + " -> " + newAmount + (noneLeft ? " extinct" : "")));
        return after;
    }

    @Override
    public Recipient confirmSupport(Operator operator, UUID recipient, UUID child, LocalDate applicationDate) {
        Guard.staff(authorisation, operator, "jidoteate.revise");
        LocalDate applied = checkApplicationDate(applicationDate);
        Recipient before = current(recipient);
        if (!before.active()) {
            throw new ChildAllowanceException("recipient.extinct", before.endMonth().orElseThrow());
        }
        AllowanceChild c = before.child(child).orElseThrow(() -> new ChildAllowanceException("child.unknown"));
        if (c.untilMonth().isPresent()) {
            throw new ChildAllowanceException("child.ended", c.name(), c.untilMonth().get());
        }
        // an increase: from the month after the 請求 (第9条第1項), never before the child was counted
        YearMonth from = YearMonth.from(applied).plusMonths(1);
        if (from.isBefore(c.fromMonth())) {
            from = c.fromMonth();
        }
        YearMonth olderFrom = YearMonth.from(AllowanceCalculator.highSchoolAgeEnd(c.birthDate())).plusMonths(1);
        if (from.isAfter(YearMonth.from(AllowanceCalculator.olderChildEnd(c.birthDate())))) {
            throw new ChildAllowanceException("child.tooOld", c.name());
        }
        YearMonth supportedFrom = from;
        YearMonth effective = from.isBefore(olderFrom) ? olderFrom : from;
        long oldAmount = before.amount(effective).total();
        List<ChildFacts> facts = new ArrayList<>();
        for (AllowanceChild other : before.children()) {
            facts.add(other.id().equals(child) ? new ChildFacts(other.id().toString(), other.birthDate(), other.fromMonth(),
                    other.untilMonth(), Optional.of(supportedFrom)) : other.facts());
        }
        long newAmount = AllowanceCalculator.monthly(effective, facts).total();
        Recipient after = tx.required(em -> {
            RecipientEntity r = active(em, recipient);
            ChildEntity e = em.find(ChildEntity.class, child.toString());
            if (e == null || !e.recipientId.equals(r.id)) {
                throw new ChildAllowanceException("child.unknown");
            }
            e.supportedFrom = Store.month(supportedFrom);
            e.recordedBy = operator.id();
            e.recordedAt = Instant.now();
            Store.addRevision(em, r.id, newAmount > oldAmount ? RevisionKind.INCREASE : RevisionKind.CHANGE, effective,
                    newAmount, applied, null, "監護相当・生計費の負担の確認 " + c.name(), operator.id());
            return Store.recipient(em, r);
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "jidoteate.confirmSupport", persons(after), false,
                "from " + supportedFrom));
        return after;
    }

    private static LocalDate checkEventDate(LocalDate event) {
        if (event == null) {
            throw new ChildAllowanceException("application.eventRequired");
        }
        if (event.isAfter(today().plusDays(DAYS_AHEAD))) {
            throw new ChildAllowanceException("event.future");
        }
        return event;
    }

    // ---- 消滅 ------------------------------------------------------------------------------------------

    @Override
    public Recipient extinguish(Operator operator, UUID recipient, LocalDate eventDate, ExtinctionReason reason) {
        Guard.staff(authorisation, operator, "jidoteate.extinguish");
        LocalDate event = checkEventDate(eventDate);
        ExtinctionReason why = reason == null ? ExtinctionReason.OTHER : reason;
        Recipient after = tx.required(em -> {
            RecipientEntity r = active(em, recipient);
            YearMonth end = YearMonth.from(event);
            YearMonth start = Store.month(r.startMonth);
            if (end.isBefore(start.minusMonths(1))) {
                throw new ChildAllowanceException("extinguish.beforeStart", start);
            }
            end(em, r, end, event, why, operator.id());
            return Store.recipient(em, r);
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "jidoteate.extinguish", persons(after), false,
                "end " + after.endMonth().orElseThrow() + " " + why));
        return after;
    }

    /** 第8条第2項: paid up to the month in which the entitlement ends. */
    private static void end(EntityManager em, RecipientEntity r, YearMonth end, LocalDate event, ExtinctionReason why,
            String by) {
        r.endMonth = Store.month(end);
        r.extinctionReason = why.name();
        r.extinctionDate = event;
        r.recordedBy = by;
        r.recordedAt = Instant.now();
        Store.addRevision(em, r.id, RevisionKind.EXTINCTION, end.plusMonths(1), 0, null, event, "消滅（" + why.label() + "）", by);
    }

    // ---- amounts and payments -------------------------------------------------------------------------------

    @Override
    public MonthlyAmount amount(Operator operator, UUID recipient, YearMonth month) {
        Guard.staff(authorisation, operator, "jidoteate.amount");
        return current(recipient).amount(month);
    }

    @Override
    public List<Payment> schedule(Operator operator, UUID recipient, int fiscalYear) {
        Guard.staff(authorisation, operator, "jidoteate.schedule");
        return schedule(current(recipient), fiscalYear);
    }

    /**
     * The six payments of the fiscal year. After a 消滅 the last months are listed in their regular 支払期月 (第8条第4項
     * ただし書 also allows paying them at once; the payment run decides).
     */
    static List<Payment> schedule(Recipient r, int fiscalYear) {
        List<Payment> out = new ArrayList<>();
        for (YearMonth pay : AllowanceCalculator.payMonths(fiscalYear)) {
            List<MonthlyAmount> months = AllowanceCalculator.monthsPaidIn(pay).stream().map(r::amount).toList();
            out.add(new Payment(pay, months, months.stream().mapToLong(MonthlyAmount::total).sum()));
        }
        return out;
    }

    // ---- tasks -----------------------------------------------------------------------------------------------

    @Override
    public List<AllowanceTask> tasks(Operator operator, boolean includeDone) {
        Guard.staff(authorisation, operator, "jidoteate.tasks");
        return tx.readOnly(em -> em.createQuery("SELECT t FROM JidoteateTask t" + (includeDone ? "" : " WHERE t.done = FALSE")
                + " ORDER BY t.createdAt, t.id", TaskEntity.class).getResultList().stream().map(Store::task).toList());
    }

    @Override
    public void resolveTask(Operator operator, UUID task, String note) {
        Guard.staff(authorisation, operator, "jidoteate.task.resolve");
        tx.requiredRun(em -> {
            TaskEntity t = em.find(TaskEntity.class, task.toString());
            if (t == null) {
                throw new ChildAllowanceException("task.unknown");
            }
            t.done = true;
            t.resolvedBy = operator.id();
            t.resolvedAt = Instant.now();
            String n = note == null ? "" : note.strip();
            t.note = n.isEmpty() ? null : n.substring(0, Math.min(400, n.length()));
        });
    }
}
