package jp.kiban.healthinsurance.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.InsuredPeriod;
import jp.kiban.healthinsurance.InsuredPerson;
import jp.kiban.healthinsurance.KokuhoException;
import jp.kiban.healthinsurance.KokuhoHousehold;
import jp.kiban.healthinsurance.LossReason;
import jp.kiban.healthinsurance.Qualification;
import jp.kiban.healthinsurance.TaxHousehold;
import jp.kiban.healthinsurance.TaxMember;
import jp.kiban.resident.ResidentRecord;

/** Reading and writing this business's tables inside a transaction the caller opened. */
final class Store {
    private Store() {
    }

    // ---- persons (our copy of the resident items) ------------------------------------------------

    static PersonEntity person(EntityManager em, String number) {
        return em.find(PersonEntity.class, number);
    }

    static List<PersonEntity> persons(EntityManager em, String household) {
        return em.createQuery("SELECT p FROM KokuhoPerson p WHERE p.householdNumber = :h ORDER BY p.addresseeNumber",
                PersonEntity.class).setParameter("h", household).getResultList();
    }

    /** Writes (or refreshes) the copy of a person from a resident snapshot; the birth date must be exact. */
    static PersonEntity copy(EntityManager em, ResidentRecord r) {
        LocalDate birth = r.person().birthDate().exactDate()
                .orElseThrow(() -> new KokuhoException("person.birthDateUnknown", r.addresseeNumber().value()));
        PersonEntity p = person(em, r.addresseeNumber().value());
        boolean isNew = p == null;
        if (isNew) {
            p = new PersonEntity();
            p.addresseeNumber = r.addresseeNumber().value();
        }
        if (!isNew && !p.householdNumber.equals(r.householdNumber().value())) {
            p.lateElderlySince = null; // 特定同一世帯所属者 only while staying in the same household
        }
        p.householdNumber = r.householdNumber().value();
        p.name = r.person().displayName().fullName();
        p.furigana = r.person().furigana().value();
        p.birthDate = birth;
        p.relationship = r.relationship().label();
        p.head = r.isHead();
        p.resident = r.status().onRegister();
        p.address = r.address().format();
        p.updatedAt = Instant.now();
        if (isNew) {
            em.persist(p);
        }
        return p;
    }

    // ---- qualifications --------------------------------------------------------------------------

    static List<QualificationEntity> qualifications(EntityManager em, Collection<String> persons) {
        if (persons.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT q FROM KokuhoQualification q WHERE q.addresseeNumber IN :n ORDER BY q.acquiredOn",
                QualificationEntity.class).setParameter("n", List.copyOf(persons)).getResultList();
    }

    static Optional<QualificationEntity> open(EntityManager em, String person) {
        return qualifications(em, List.of(person)).stream().filter(q -> q.lostOn == null).findFirst();
    }

    static QualificationEntity acquire(EntityManager em, String person, LocalDate on, AcquisitionReason reason, String by) {
        QualificationEntity q = new QualificationEntity();
        q.id = UUID.randomUUID().toString();
        q.addresseeNumber = person;
        q.acquiredOn = on;
        q.acquisitionReason = reason.name();
        q.recordedBy = by;
        q.recordedAt = Instant.now();
        em.persist(q);
        return q;
    }

    static void lose(EntityManager em, QualificationEntity q, LocalDate on, LossReason reason, String by) {
        q.lostOn = on;
        q.lossReason = reason.name();
        q.recordedBy = by;
        q.recordedAt = Instant.now();
        if (reason == LossReason.LATE_ELDERLY) {
            PersonEntity p = person(em, q.addresseeNumber);
            if (p != null) {
                p.lateElderlySince = on;
            }
        }
    }

    static boolean covers(QualificationEntity q, LocalDate day) {
        return !day.isBefore(q.acquiredOn) && (q.lostOn == null || day.isBefore(q.lostOn));
    }

    static Qualification qualification(QualificationEntity q) {
        return new Qualification(UUID.fromString(q.id), q.acquiredOn, AcquisitionReason.valueOf(q.acquisitionReason),
                Optional.ofNullable(q.lostOn), Optional.ofNullable(q.lossReason).map(LossReason::valueOf), q.recordedBy,
                q.recordedAt);
    }

    // ---- households -------------------------------------------------------------------------------

    static Optional<KokuhoHousehold> household(EntityManager em, String number) {
        List<PersonEntity> persons = persons(em, number);
        if (persons.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<QualificationEntity>> quals = byPerson(
                qualifications(em, persons.stream().map(p -> p.addresseeNumber).toList()));
        return Optional.of(household(number, persons, quals));
    }

    static KokuhoHousehold household(String number, List<PersonEntity> persons, Map<String, List<QualificationEntity>> quals) {
        List<InsuredPerson> members = new ArrayList<>();
        String address = "";
        for (PersonEntity p : persons) {
            members.add(new InsuredPerson(AddresseeNumber.of(p.addresseeNumber), p.name, p.furigana, p.birthDate,
                    p.relationship, p.head, p.resident,
                    quals.getOrDefault(p.addresseeNumber, List.of()).stream().map(Store::qualification).toList(),
                    Optional.ofNullable(p.lateElderlySince)));
            if (p.head || address.isEmpty()) {
                address = p.address;
            }
        }
        members.sort(Comparator.comparing((InsuredPerson m) -> !m.head()).thenComparing(InsuredPerson::birthDate));
        return new KokuhoHousehold(HouseholdNumber.of(number), address, members);
    }

    static Map<String, List<QualificationEntity>> byPerson(List<QualificationEntity> quals) {
        Map<String, List<QualificationEntity>> m = new HashMap<>();
        for (QualificationEntity q : quals) {
            m.computeIfAbsent(q.addresseeNumber, k -> new ArrayList<>()).add(q);
        }
        return m;
    }

    /**
     * The calculation's view of a household. The 世帯主 is the copy marked as head; if the copy has none
     * (the head changed and the task is not handled yet) the oldest insured member stands in.
     */
    static TaxHousehold taxHousehold(String number, int fiscalYear, List<PersonEntity> persons,
            Map<String, List<QualificationEntity>> quals, Map<String, IncomeEntity> incomes) {
        boolean hasHead = persons.stream().anyMatch(p -> p.head);
        String standIn = hasHead ? null
                : persons.stream().filter(p -> quals.containsKey(p.addresseeNumber))
                        .min(Comparator.comparing((PersonEntity p) -> p.birthDate)).map(p -> p.addresseeNumber)
                        .orElse(persons.get(0).addresseeNumber);
        List<TaxMember> members = new ArrayList<>();
        for (PersonEntity p : persons) {
            IncomeEntity in = incomes.get(p.addresseeNumber);
            List<InsuredPeriod> periods = quals.getOrDefault(p.addresseeNumber, List.of()).stream()
                    .map(q -> new InsuredPeriod(q.acquiredOn, Optional.ofNullable(q.lostOn))).toList();
            members.add(new TaxMember(AddresseeNumber.of(p.addresseeNumber), p.birthDate,
                    hasHead ? p.head : p.addresseeNumber.equals(standIn), periods, in == null ? 0 : in.totalIncome,
                    in != null && in.wageEarner, Optional.ofNullable(p.lateElderlySince)));
        }
        return new TaxHousehold(HouseholdNumber.of(number), fiscalYear, members);
    }

    static Map<String, IncomeEntity> incomes(EntityManager em, int fiscalYear, Collection<String> persons) {
        Map<String, IncomeEntity> m = new HashMap<>();
        for (String n : persons) {
            IncomeEntity e = em.find(IncomeEntity.class, IncomeEntity.id(fiscalYear, n));
            if (e != null) {
                m.put(n, e);
            }
        }
        return m;
    }
}
