package jp.kiban.residenttax.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.residenttax.IncomeDeclaration;
import jp.kiban.residenttax.SingleStatus;
import jp.kiban.residenttax.Spouse;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.residenttax.TaxpayerKind;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.Sex;

/** Reading and writing this business's tables inside a transaction the caller opened. */
final class Store {
    private Store() {
    }

    static TaxpayerEntity taxpayer(EntityManager em, int taxYear, String person) {
        return em.find(TaxpayerEntity.class, TaxpayerEntity.id(taxYear, person));
    }

    static List<TaxpayerEntity> taxpayers(EntityManager em, int taxYear) {
        return em.createQuery("SELECT t FROM JuminzeiTaxpayer t WHERE t.taxYear = :y ORDER BY t.furigana, t.addresseeNumber",
                TaxpayerEntity.class).setParameter("y", taxYear).getResultList();
    }

    static Taxpayer taxpayer(TaxpayerEntity e) {
        return new Taxpayer(e.taxYear, AddresseeNumber.of(e.addresseeNumber), TaxpayerKind.valueOf(e.kind), e.name,
                e.furigana, Optional.ofNullable(e.birthDate), Optional.ofNullable(e.female), e.postalCode, e.address,
                Optional.ofNullable(e.householdNumber), e.livesInTown);
    }

    /**
     * Writes (or refreshes) a registered taxpayer from the snapshot valid on 1 January and the current one (for
     * where the notice goes).
     */
    static TaxpayerEntity copy(EntityManager em, int taxYear, ResidentRecord onAssessmentDate, ResidentRecord current) {
        String number = onAssessmentDate.addresseeNumber().value();
        TaxpayerEntity e = taxpayer(em, taxYear, number);
        boolean isNew = e == null;
        if (isNew) {
            e = new TaxpayerEntity();
            e.id = TaxpayerEntity.id(taxYear, number);
            e.taxYear = taxYear;
            e.addresseeNumber = number;
        }
        e.kind = TaxpayerKind.REGISTERED.name();
        e.name = clip(onAssessmentDate.person().displayName().fullName(), 200);
        e.furigana = clip(onAssessmentDate.person().furigana().value(), 200);
        e.birthDate = onAssessmentDate.person().birthDate().exactDate().orElse(null);
        e.female = onAssessmentDate.person().sex() == Sex.FEMALE;
        e.householdNumber = onAssessmentDate.householdNumber().value();
        boolean lives = current.status().onRegister();
        e.livesInTown = lives;
        if (lives || current.moveOutDestination().isEmpty()) {
            e.postalCode = current.postalCode().map(p -> p.format()).orElse("");
            e.address = clip(current.address().format(), 400);
        } else {
            e.postalCode = "";
            e.address = clip(current.moveOutDestination().orElseThrow(), 400);
        }
        e.updatedAt = Instant.now();
        if (isNew) {
            em.persist(e);
        }
        return e;
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ---- incomes ----------------------------------------------------------------------------------

    static IncomeEntity incomeEntity(EntityManager em, int taxYear, String person) {
        return em.find(IncomeEntity.class, TaxpayerEntity.id(taxYear, person));
    }

    static Optional<IncomeDeclaration> income(EntityManager em, int taxYear, String person) {
        return Optional.ofNullable(incomeEntity(em, taxYear, person)).map(Store::income);
    }

    static IncomeDeclaration income(IncomeEntity e) {
        return new IncomeDeclaration(e.taxYear, AddresseeNumber.of(e.addresseeNumber), e.salaryRevenue, e.otherIncome,
                e.socialInsurance, Spouse.valueOf(e.spouse), e.dependentsUnder16, e.dependentsGeneral,
                e.dependentsSpecific, e.dependentsElderly, e.dependentsElderlyCohabiting, e.disabled,
                SingleStatus.valueOf(e.singleStatus), e.publicAssistance, e.source);
    }

    static Map<String, IncomeDeclaration> incomes(EntityManager em, int taxYear) {
        Map<String, IncomeDeclaration> out = new HashMap<>();
        for (IncomeEntity e : em.createQuery("SELECT i FROM JuminzeiIncome i WHERE i.taxYear = :y", IncomeEntity.class)
                .setParameter("y", taxYear).getResultList()) {
            out.put(e.addresseeNumber, income(e));
        }
        return out;
    }

    static void writeIncome(EntityManager em, IncomeDeclaration in, String by) {
        String id = TaxpayerEntity.id(in.taxYear(), in.person().value());
        IncomeEntity e = em.find(IncomeEntity.class, id);
        boolean isNew = e == null;
        if (isNew) {
            e = new IncomeEntity();
            e.id = id;
            e.taxYear = in.taxYear();
            e.addresseeNumber = in.person().value();
        }
        e.salaryRevenue = in.salaryRevenue();
        e.otherIncome = in.otherIncome();
        e.socialInsurance = in.socialInsurance();
        e.spouse = in.spouse().name();
        e.dependentsUnder16 = in.dependentsUnder16();
        e.dependentsGeneral = in.dependentsGeneral();
        e.dependentsSpecific = in.dependentsSpecific();
        e.dependentsElderly = in.dependentsElderly();
        e.dependentsElderlyCohabiting = in.dependentsElderlyCohabiting();
        e.disabled = in.disabled();
        e.singleStatus = in.single().name();
        e.publicAssistance = in.publicAssistance();
        e.source = in.source();
        e.updatedBy = by;
        e.updatedAt = Instant.now();
        if (isNew) {
            em.persist(e);
        }
    }

    // ---- settings ---------------------------------------------------------------------------------

    static Optional<String> setting(EntityManager em, String key) {
        return Optional.ofNullable(em.find(SettingEntity.class, key)).map(s -> s.value);
    }

    static void setSetting(EntityManager em, String key, String value, String by) {
        SettingEntity s = em.find(SettingEntity.class, key);
        boolean isNew = s == null;
        if (isNew) {
            s = new SettingEntity();
            s.key = key;
        }
        s.value = value;
        s.updatedBy = by;
        s.updatedAt = Instant.now();
        if (isNew) {
            em.persist(s);
        }
    }

    static LocalDate assessmentDate(int taxYear) {
        return LocalDate.of(taxYear, 1, 1);
    }
}
