package jp.kiban.healthinsurance.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.csv.Csv;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.Acquisition;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.HouseholdSummary;
import jp.kiban.healthinsurance.ImportResult;
import jp.kiban.healthinsurance.Income;
import jp.kiban.healthinsurance.KokuhoException;
import jp.kiban.healthinsurance.KokuhoHousehold;
import jp.kiban.healthinsurance.KokuhoRateService;
import jp.kiban.healthinsurance.KokuhoTask;
import jp.kiban.healthinsurance.KokuhoTaxCalculator;
import jp.kiban.healthinsurance.LossReason;
import jp.kiban.healthinsurance.Qualification;
import jp.kiban.healthinsurance.TaskKind;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.resident.Household;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/** 国保の資格・世帯・所得・確認事項 and the tax of one household. */
@Component(service = HealthInsurance.class)
public class HealthInsuranceComponent implements HealthInsurance {
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Reference
    private Transactions tx;
    @Reference
    private ResidentRegistry registry;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;
    @Reference
    private KokuhoRateService rates;

    static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    @Override
    public List<HouseholdSummary> households(Operator operator, String text, int fiscalYear, int limit) {
        Guard.staff(authorisation, operator, "kokuho.households");
        LocalDate start = LocalDate.of(fiscalYear, 4, 1);
        LocalDate end = start.plusYears(1);
        LocalDate today = today();
        String needle = text == null ? "" : text.strip();
        return tx.readOnly(em -> {
            List<QualificationEntity> quals = em.createQuery(
                    "SELECT q FROM KokuhoQualification q WHERE q.acquiredOn < :end AND (q.lostOn IS NULL OR q.lostOn > :start)",
                    QualificationEntity.class).setParameter("start", start).setParameter("end", end).getResultList();
            Map<String, List<QualificationEntity>> byPerson = Store.byPerson(quals);
            List<PersonEntity> persons = em.createQuery("SELECT p FROM KokuhoPerson p ORDER BY p.householdNumber",
                    PersonEntity.class).getResultList();
            Map<String, List<PersonEntity>> byHousehold = new LinkedHashMap<>();
            for (PersonEntity p : persons) {
                byHousehold.computeIfAbsent(p.householdNumber, k -> new ArrayList<>()).add(p);
            }
            List<HouseholdSummary> out = new ArrayList<>();
            for (Map.Entry<String, List<PersonEntity>> e : byHousehold.entrySet()) {
                List<PersonEntity> members = e.getValue();
                if (members.stream().noneMatch(p -> byPerson.containsKey(p.addresseeNumber))) {
                    continue;
                }
                if (!needle.isEmpty() && !e.getKey().contains(needle) && members.stream().noneMatch(
                        p -> p.addresseeNumber.contains(needle) || p.name.replace("　", "").contains(needle.replace("　", "").replace(" ", ""))
                                || p.furigana.replace("　", "").contains(needle.replace("　", "").replace(" ", "")))) {
                    continue;
                }
                KokuhoHousehold h = Store.household(e.getKey(), members, byPerson);
                Optional<jp.kiban.healthinsurance.InsuredPerson> head = h.head();
                out.add(new HouseholdSummary(h.number(), head.map(p -> p.name()).orElse(""),
                        head.map(p -> p.furigana()).orElse(""), h.address(), (int) h.insuredOn(today),
                        h.nominalHeadOn(today)));
                if (out.size() >= limit) {
                    break;
                }
            }
            return out;
        });
    }

    @Override
    public Optional<KokuhoHousehold> household(Operator operator, HouseholdNumber number) {
        Guard.staff(authorisation, operator, "kokuho.household");
        return tx.readOnly(em -> Store.household(em, number.value()));
    }

    @Override
    public Optional<HouseholdNumber> householdOf(Operator operator, AddresseeNumber person) {
        Guard.staff(authorisation, operator, "kokuho.household");
        return tx.readOnly(em -> Optional.ofNullable(Store.person(em, person.value()))
                .map(p -> HouseholdNumber.of(p.householdNumber)));
    }

    @Override
    public Qualification acquire(Operator operator, AddresseeNumber person, LocalDate acquiredOn,
            AcquisitionReason reason) {
        Guard.staff(authorisation, operator, "kokuho.acquire");
        Checked c = check(operator, person, acquiredOn, reason, h -> registry.household(operator, h));
        Qualification q = tx.required(em -> write(em, c, Store.qualifications(em, List.of(person.value())), operator));
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "kokuho.acquire", List.of(person.value()), false,
                acquiredOn + " " + reason));
        return q;
    }

    /** An acquisition that passed the checks against the register, with what its write needs. */
    private record Checked(AddresseeNumber person, LocalDate acquiredOn, AcquisitionReason reason, ResidentRecord now,
            Household household) {
    }

    /**
     * The checks of a 資格取得 against the register (the checks against this business's own tables run in the writing
     * transaction, {@link #write}): not in the future, on the register that day, the birth date known, not before
     * birth, younger than 75.
     */
    private Checked check(Operator operator, AddresseeNumber person, LocalDate acquiredOn, AcquisitionReason reason,
            java.util.function.Function<HouseholdNumber, Household> households) {
        if (acquiredOn.isAfter(today())) {
            throw new KokuhoException("acquire.future");
        }
        ResidentRecord onDay = registry.asOf(operator, person, acquiredOn)
                .orElseThrow(() -> registry.current(operator, person).isPresent()
                        ? new KokuhoException("person.notResident", person.value(), acquiredOn)
                        : new KokuhoException("person.unknown", person.value()));
        if (!onDay.status().onRegister()) {
            throw new KokuhoException("person.notResident", person.value(), acquiredOn);
        }
        LocalDate birth = onDay.person().birthDate().exactDate()
                .orElseThrow(() -> new KokuhoException("person.birthDateUnknown", person.value()));
        if (acquiredOn.isBefore(birth)) {
            throw new KokuhoException("acquire.beforeBirth");
        }
        if (!acquiredOn.isBefore(birth.plusYears(75))) {
            throw new KokuhoException("acquire.lateElderly");
        }
        ResidentRecord now = registry.current(operator, person).orElse(onDay);
        return new Checked(person, acquiredOn, reason, now, households.apply(now.householdNumber()));
    }

    /** No open 資格, and none that ends after the new one would begin ({@code existing}: the person's). */
    private static void checkNotInsured(List<QualificationEntity> existing, LocalDate acquiredOn) {
        for (QualificationEntity e : existing) {
            if (e.lostOn == null) {
                throw new KokuhoException("acquire.alreadyInsured", e.acquiredOn);
            }
            if (e.lostOn.isAfter(acquiredOn)) {
                throw new KokuhoException("acquire.overlaps", e.lostOn);
            }
        }
    }

    /** Inside the caller's transaction: the check against the person's 資格 so far ({@code existing}), then the write. */
    private static Qualification write(jakarta.persistence.EntityManager em, Checked c, List<QualificationEntity> existing,
            Operator operator) {
        checkNotInsured(existing, c.acquiredOn());
        Store.copy(em, c.now());
        refreshHeads(em, c.household());
        return Store.qualification(Store.acquire(em, c.person().value(), c.acquiredOn(), c.reason(), operator.id()));
    }

    @Override
    public ImportResult acquireAll(Operator operator, List<Acquisition> acquisitions) {
        Guard.staff(authorisation, operator, "kokuho.acquire");
        List<ImportResult.Problem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // one read of each household per call: the register is the same for every member's check
        Map<String, Household> households = new java.util.HashMap<>();
        for (int i = 0; i < acquisitions.size(); i++) {
            Acquisition a = acquisitions.get(i);
            try {
                if (!seen.add(a.person().value())) {
                    throw new KokuhoException("acquire.duplicate", a.person().value());
                }
                checked.add(check(operator, a.person(), a.acquiredOn(), a.reason(),
                        h -> households.computeIfAbsent(h.value(), k -> registry.household(operator, h))));
                positions.add(i + 1);
            } catch (KokuhoException e) {
                problems.add(new ImportResult.Problem(i + 1, e));
            }
        }
        // the checks against this business's own tables, before anything is written (again in each chunk's transaction)
        for (int from = 0; from < checked.size(); from += ACQUIRE_CHUNK) {
            int to = Math.min(checked.size(), from + ACQUIRE_CHUNK);
            List<Checked> chunk = checked.subList(from, to);
            Map<String, List<QualificationEntity>> existing = tx.readOnly(em -> Store.byPerson(
                    Store.qualifications(em, chunk.stream().map(c -> c.person().value()).toList())));
            for (int i = from; i < to; i++) {
                Checked c = checked.get(i);
                try {
                    checkNotInsured(existing.getOrDefault(c.person().value(), List.of()), c.acquiredOn());
                } catch (KokuhoException e) {
                    problems.add(new ImportResult.Problem(positions.get(i), e));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ImportResult.Problem::line));
            return new ImportResult(0, problems);
        }
        int stored = 0;
        for (int from = 0; from < checked.size(); from += ACQUIRE_CHUNK) {
            List<Checked> chunk = checked.subList(from, Math.min(checked.size(), from + ACQUIRE_CHUNK));
            List<String> persons = chunk.stream().map(c -> c.person().value()).toList();
            int first = from;
            int[] at = { -1 };
            try {
                tx.requiredRun(em -> {
                    Map<String, List<QualificationEntity>> existing = Store.byPerson(Store.qualifications(em, persons));
                    for (int i = 0; i < chunk.size(); i++) {
                        at[0] = first + i;
                        Checked c = chunk.get(i);
                        write(em, c, existing.getOrDefault(c.person().value(), List.of()), operator);
                    }
                    at[0] = -1;
                    accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "kokuho.acquire", persons, false,
                            "bulk " + chunk.size() + " (records " + (first + 1) + "–" + (first + chunk.size()) + " of "
                                    + checked.size() + ")"));
                });
            } catch (KokuhoException e) {
                int failed = at[0] < 0 ? first : at[0];
                throw new KokuhoException("acquireAll.stopped", stored, positions.get(failed),
                        checked.get(failed).person().value(), english(e));
            }
            stored += chunk.size();
        }
        return new ImportResult(stored, List.of());
    }

    /** Keeps the copies' 世帯主 marks as the register has them and copies a head who is not yet known (擬制世帯主). */
    static void refreshHeads(jakarta.persistence.EntityManager em, Household household) {
        if (household.closed()) {
            return;
        }
        household.head().ifPresent(head -> {
            if (head.person().birthDate().exactDate().isPresent()) {
                Store.copy(em, head);
            }
        });
        for (PersonEntity p : Store.persons(em, household.number().value())) {
            boolean isHead = household.head().map(h -> h.addresseeNumber().value().equals(p.addresseeNumber)).orElse(false);
            p.head = isHead;
        }
    }

    @Override
    public Qualification lose(Operator operator, AddresseeNumber person, LocalDate lostOn, LossReason reason) {
        Guard.staff(authorisation, operator, "kokuho.lose");
        if (lostOn.isAfter(today().plusYears(1))) {
            throw new KokuhoException("lose.future");
        }
        Qualification q = tx.required(em -> {
            QualificationEntity open = Store.open(em, person.value())
                    .orElseThrow(() -> new KokuhoException("lose.notInsured"));
            if (!lostOn.isAfter(open.acquiredOn)) {
                throw new KokuhoException("lose.notAfterAcquisition", open.acquiredOn);
            }
            Store.lose(em, open, lostOn, reason, operator.id());
            return Store.qualification(open);
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "kokuho.lose", List.of(person.value()), false,
                lostOn + " " + reason));
        return q;
    }

    @Override
    public int applyLateElderlyTransitions(Operator operator, LocalDate upTo) {
        Guard.staff(authorisation, operator, "kokuho.lateElderly");
        return tx.required(em -> lateElderly(em, upTo, operator.id()));
    }

    /** 後期高齢者医療への移行: the open 資格 of everyone 75 by {@code upTo} ends on the 75th birthday. */
    static int lateElderly(jakarta.persistence.EntityManager em, LocalDate upTo, String by) {
        LocalDate bornBy = upTo.minusYears(75);
        List<Object[]> rows = em.createQuery("SELECT q, p FROM KokuhoQualification q, KokuhoPerson p "
                + "WHERE q.addresseeNumber = p.addresseeNumber AND q.lostOn IS NULL AND p.birthDate <= :b", Object[].class)
                .setParameter("b", bornBy).getResultList();
        for (Object[] row : rows) {
            QualificationEntity q = (QualificationEntity) row[0];
            PersonEntity p = (PersonEntity) row[1];
            Store.lose(em, q, p.birthDate.plusYears(75), LossReason.LATE_ELDERLY, by);
        }
        return rows.size();
    }

    // ---- income -------------------------------------------------------------------------------------

    @Override
    public Optional<Income> income(Operator operator, int fiscalYear, AddresseeNumber person) {
        Guard.staff(authorisation, operator, "kokuho.income");
        return tx.readOnly(em -> Optional.ofNullable(em.find(IncomeEntity.class, IncomeEntity.id(fiscalYear, person.value())))
                .map(e -> new Income(e.fiscalYear, AddresseeNumber.of(e.addresseeNumber), e.totalIncome, e.wageEarner, e.source)));
    }

    @Override
    public Income setIncome(Operator operator, int fiscalYear, AddresseeNumber person, long totalIncome,
            boolean wageEarner) {
        Guard.staff(authorisation, operator, "kokuho.income.set");
        Income income = new Income(fiscalYear, person, totalIncome, wageEarner, "input");
        tx.requiredRun(em -> {
            if (Store.person(em, person.value()) == null) {
                throw new KokuhoException("income.unknownPerson", person.value());
            }
            writeIncome(em, income, operator.id());
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "kokuho.income.set", List.of(person.value()), false,
                "FY" + fiscalYear));
        return income;
    }

    private static void writeIncome(jakarta.persistence.EntityManager em, Income income, String by) {
        String id = IncomeEntity.id(income.fiscalYear(), income.person().value());
        IncomeEntity e = em.find(IncomeEntity.class, id);
        boolean isNew = e == null;
        if (isNew) {
            e = new IncomeEntity();
            e.id = id;
            e.fiscalYear = income.fiscalYear();
            e.addresseeNumber = income.person().value();
        }
        e.totalIncome = income.totalIncome();
        e.wageEarner = income.wageEarner();
        e.source = income.source();
        e.updatedBy = by;
        e.updatedAt = Instant.now();
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public ImportResult importIncomes(Operator operator, int fiscalYear, Reader csv) {
        Guard.staff(authorisation, operator, "kokuho.income.import");
        String text;
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n = csv.read(buf); n >= 0; n = csv.read(buf)) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Csv.Parsed parsed = Csv.parse(text);
        List<ImportResult.Problem> problems = new ArrayList<>();
        for (Csv.Problem p : parsed.problems()) {
            problems.add(new ImportResult.Problem(p.line(), new KokuhoException("income.csvMalformed", p.code())));
        }
        List<Csv.Row> rows = parsed.rows();
        if (rows.isEmpty() || !rows.get(0).fields().get(0).strip().equalsIgnoreCase("addressee_number")) {
            problems.add(new ImportResult.Problem(1, new KokuhoException("income.csvHeader")));
            return new ImportResult(0, problems);
        }
        List<Income> incomes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<Income, Integer> lines = new LinkedHashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (f.size() == 1 && f.get(0).isBlank()) {
                continue;
            }
            try {
                if (f.size() != 3) {
                    throw new KokuhoException("income.csvColumns", f.size());
                }
                AddresseeNumber number;
                try {
                    number = AddresseeNumber.of(f.get(0).strip());
                } catch (jp.kiban.core.DomainException e) {
                    throw new KokuhoException("income.unknownPerson", f.get(0).strip());
                }
                long amount;
                try {
                    amount = Long.parseLong(f.get(1).strip().replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new KokuhoException("income.notANumber", f.get(1).strip());
                }
                String flag = f.get(2).strip();
                if (!flag.equals("1") && !flag.equals("0")) {
                    throw new KokuhoException("income.flag", flag);
                }
                if (!seen.add(number.value())) {
                    throw new KokuhoException("income.duplicate", number.value());
                }
                Income in = new Income(fiscalYear, number, amount, flag.equals("1"), "import");
                incomes.add(in);
                lines.put(in, row.line());
            } catch (KokuhoException e) {
                problems.add(new ImportResult.Problem(row.line(), e));
            }
        }
        if (!problems.isEmpty()) {
            return new ImportResult(0, problems);
        }
        List<ImportResult.Problem> unknown = tx.readOnly(em -> {
            List<ImportResult.Problem> u = new ArrayList<>();
            for (Income in : incomes) {
                if (Store.person(em, in.person().value()) == null) {
                    u.add(new ImportResult.Problem(lines.get(in), new KokuhoException("income.unknownPerson", in.person().value())));
                }
            }
            return u;
        });
        if (!unknown.isEmpty()) {
            return new ImportResult(0, unknown);
        }
        tx.requiredRun(em -> incomes.forEach(in -> writeIncome(em, in, operator.id())));
        accessLog.record(AccessEvent.of(operator, AccessKind.IMPORT, "kokuho.income.import",
                "FY" + fiscalYear + " " + incomes.size() + " rows"));
        return new ImportResult(incomes.size(), List.of());
    }

    // ---- tasks -----------------------------------------------------------------------------------------

    @Override
    public List<KokuhoTask> tasks(Operator operator, boolean includeDone) {
        Guard.staff(authorisation, operator, "kokuho.tasks");
        return tx.readOnly(em -> em.createQuery("SELECT t FROM KokuhoTask t" + (includeDone ? "" : " WHERE t.done = FALSE")
                + " ORDER BY t.createdAt, t.id", TaskEntity.class).getResultList().stream().map(HealthInsuranceComponent::task)
                .toList());
    }

    static KokuhoTask task(TaskEntity t) {
        return new KokuhoTask(UUID.fromString(t.id), t.createdAt, TaskKind.valueOf(t.kind),
                Optional.ofNullable(t.householdNumber).map(HouseholdNumber::of),
                Optional.ofNullable(t.addresseeNumber).map(AddresseeNumber::of), t.changeDate, t.subject, t.done,
                Optional.ofNullable(t.resolvedBy), Optional.ofNullable(t.note));
    }

    @Override
    public void resolveTask(Operator operator, UUID task, String note) {
        Guard.staff(authorisation, operator, "kokuho.task.resolve");
        tx.requiredRun(em -> {
            TaskEntity t = em.find(TaskEntity.class, task.toString());
            if (t == null) {
                throw new KokuhoException("task.unknown");
            }
            t.done = true;
            t.resolvedBy = operator.id();
            t.resolvedAt = Instant.now();
            t.note = note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(400, note.strip().length()));
        });
    }

    // ---- the tax ------------------------------------------------------------------------------------------

    @Override
    public TaxAssessment assess(Operator operator, HouseholdNumber household, int fiscalYear) {
        Guard.staff(authorisation, operator, "kokuho.assess");
        var r = rates.rates(operator, fiscalYear);
        return tx.readOnly(em -> {
            List<PersonEntity> persons = Store.persons(em, household.value());
            if (persons.isEmpty()) {
                throw new KokuhoException("household.unknown", household.value());
            }
            List<String> numbers = persons.stream().map(p -> p.addresseeNumber).toList();
            return KokuhoTaxCalculator.assess(Store.taxHousehold(household.value(), fiscalYear, persons,
                    Store.byPerson(Store.qualifications(em, numbers)), Store.incomes(em, fiscalYear, numbers)), r);
        });
    }

    /** For log lines: the English text of a refusal. */
    static String english(KokuhoException e) {
        return e.getMessage(Locale.ROOT);
    }
}
