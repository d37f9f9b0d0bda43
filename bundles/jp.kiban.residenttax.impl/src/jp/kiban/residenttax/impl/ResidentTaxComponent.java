package jp.kiban.residenttax.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jp.kiban.addressee.Gender;
import jp.kiban.addressee.NonResident;
import jp.kiban.addressee.NonResidentData;
import jp.kiban.addressee.NonResidents;
import jp.kiban.core.DomainException.Label;
import jp.kiban.core.csv.Csv;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.residenttax.ImportResult;
import jp.kiban.residenttax.IncomeDeclaration;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxCalculator;
import jp.kiban.residenttax.ResidentTaxException;
import jp.kiban.residenttax.SingleStatus;
import jp.kiban.residenttax.Spouse;
import jp.kiban.residenttax.TaxComputation;
import jp.kiban.residenttax.TaxRules;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.residenttax.TaxpayerKind;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/** 個人住民税の課税対象者・所得・税額 of one taxpayer. */
@Component(service = ResidentTax.class)
public class ResidentTaxComponent implements ResidentTax {
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String GRADE = "grade";
    static final int DEFAULT_GRADE = 3;

    @Reference
    private Transactions tx;
    @Reference
    private ResidentRegistry registry;
    @Reference
    private NonResidents nonResidents;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    // ---- taxpayers ----------------------------------------------------------------------------------

    @Override
    public int extractTaxpayers(Operator operator, int taxYear) {
        Guard.staff(authorisation, operator, "juminzei.extract");
        TaxRules.of(taxYear, DEFAULT_GRADE); // refuses an unsupported year
        int n = extract(tx, registry, operator, taxYear);
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "juminzei.extract", "FY" + taxYear + " " + n));
        return n;
    }

    /** Reads the register as of 1 January and writes the registered taxpayers of the year (one transaction). */
    static int extract(Transactions tx, ResidentRegistry registry, Operator operator, int taxYear) {
        List<Register.OnAssessmentDate> residents = Register.residents(registry, operator, taxYear);
        tx.requiredRun(em -> {
            Set<String> seen = new HashSet<>();
            for (Register.OnAssessmentDate r : residents) {
                Store.copy(em, taxYear, r.then(), r.now());
                seen.add(r.then().addresseeNumber().value());
            }
            for (TaxpayerEntity e : Store.taxpayers(em, taxYear)) {
                if (e.kind.equals(TaxpayerKind.REGISTERED.name()) && !seen.contains(e.addresseeNumber)
                        && Store.incomeEntity(em, taxYear, e.addresseeNumber) == null) {
                    em.remove(e);
                }
            }
        });
        return residents.size();
    }

    @Override
    public List<Taxpayer> taxpayers(Operator operator, int taxYear, String text, int limit) {
        Guard.staff(authorisation, operator, "juminzei.taxpayers");
        String needle = normalise(text == null ? "" : text);
        return tx.readOnly(em -> {
            List<Taxpayer> out = new ArrayList<>();
            for (TaxpayerEntity e : Store.taxpayers(em, taxYear)) {
                if (!needle.isEmpty() && !e.addresseeNumber.contains(needle) && !normalise(e.name).contains(needle)
                        && !normalise(e.furigana).contains(needle)) {
                    continue;
                }
                out.add(Store.taxpayer(e));
                if (out.size() >= limit) {
                    break;
                }
            }
            return out;
        });
    }

    /** For the search: NFKC, no spaces, hiragana as katakana (フリガナ are stored in katakana). */
    static String normalise(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replace("　", "").replace(" ", "");
        StringBuilder out = new StringBuilder(n.length());
        for (char c : n.toCharArray()) {
            out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c);
        }
        return out.toString();
    }

    @Override
    public int taxpayerCount(Operator operator, int taxYear) {
        Guard.staff(authorisation, operator, "juminzei.taxpayers");
        return tx.readOnly(em -> em.createQuery("SELECT COUNT(t) FROM JuminzeiTaxpayer t WHERE t.taxYear = :y", Long.class)
                .setParameter("y", taxYear).getSingleResult().intValue());
    }

    @Override
    public Optional<Taxpayer> taxpayer(Operator operator, int taxYear, AddresseeNumber person) {
        Guard.staff(authorisation, operator, "juminzei.taxpayer");
        return tx.readOnly(em -> Optional.ofNullable(Store.taxpayer(em, taxYear, person.value())).map(Store::taxpayer));
    }

    @Override
    public Taxpayer registerNonResident(Operator operator, int taxYear, NonResidentData data, TaxpayerKind kind) {
        Guard.staff(authorisation, operator, "juminzei.nonResident");
        TaxRules.of(taxYear, DEFAULT_GRADE);
        if (kind == null || kind == TaxpayerKind.REGISTERED) {
            throw new ResidentTaxException("taxpayer.kind");
        }
        Taxpayer t = tx.required(em -> {
            NonResident nr = nonResidents.register(operator, data);
            TaxpayerEntity e = new TaxpayerEntity();
            e.id = TaxpayerEntity.id(taxYear, nr.number().value());
            e.taxYear = taxYear;
            e.addresseeNumber = nr.number().value();
            e.kind = kind.name();
            e.name = Store.clip(data.displayName(), 200);
            e.furigana = Store.clip(data.furigana().value(), 200);
            e.birthDate = data.birthDate().exactDate().orElse(null);
            e.female = data.gender().map(g -> g == Gender.FEMALE).orElse(null);
            e.postalCode = data.postalCode().map(p -> p.format()).orElse("");
            e.address = Store.clip(data.address().map(a -> a.format()).orElse(""), 400);
            e.householdNumber = null;
            e.livesInTown = kind == TaxpayerKind.UNREGISTERED;
            e.updatedAt = Instant.now();
            em.persist(e);
            return Store.taxpayer(e);
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "juminzei.nonResident",
                List.of(t.person().value()), false, "FY" + taxYear + " " + kind));
        return t;
    }

    // ---- incomes ------------------------------------------------------------------------------------

    @Override
    public Optional<IncomeDeclaration> income(Operator operator, int taxYear, AddresseeNumber person) {
        Guard.staff(authorisation, operator, "juminzei.income");
        return tx.readOnly(em -> Store.income(em, taxYear, person.value()));
    }

    @Override
    public IncomeDeclaration setIncome(Operator operator, IncomeDeclaration income) {
        Guard.staff(authorisation, operator, "juminzei.income.set");
        IncomeDeclaration in = income.withSource("input");
        tx.requiredRun(em -> {
            if (Store.taxpayer(em, in.taxYear(), in.person().value()) == null) {
                throw new ResidentTaxException("taxpayer.unknown", in.person().value(), in.taxYear());
            }
            Store.writeIncome(em, in, operator.id());
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "juminzei.income.set", List.of(in.person().value()),
                false, "FY" + in.taxYear()));
        return in;
    }

    @Override
    public ImportResult importIncomes(Operator operator, int taxYear, Reader csv) {
        Guard.staff(authorisation, operator, "juminzei.income.import");
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
        List<ImportResult.Problem> problems = new ArrayList<>();
        List<IncomeDeclaration> incomes = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        IncomeCsv.parse(text, taxYear, incomes, lines, problems);
        if (!problems.isEmpty()) {
            return new ImportResult(0, problems);
        }
        if (incomes.isEmpty()) {
            return new ImportResult(0, List.of(new ImportResult.Problem(1, new ResidentTaxException("income.empty"))));
        }
        try {
            tx.requiredRun(em -> {
                List<ImportResult.Problem> unknown = new ArrayList<>();
                for (IncomeDeclaration in : incomes) {
                    if (Store.taxpayer(em, taxYear, in.person().value()) == null) {
                        unknown.add(new ImportResult.Problem(lines.get(in.person().value()),
                                new ResidentTaxException("income.unknownPerson", in.person().value(), taxYear)));
                    }
                }
                if (!unknown.isEmpty()) {
                    throw new Refused(unknown); // rolls back: nothing is stored
                }
                incomes.forEach(in -> Store.writeIncome(em, in, operator.id()));
            });
        } catch (Refused r) {
            return new ImportResult(0, r.problems);
        }
        accessLog.record(AccessEvent.of(operator, AccessKind.IMPORT, "juminzei.income.import",
                "FY" + taxYear + " " + incomes.size() + " rows"));
        return new ImportResult(incomes.size(), List.of());
    }

    /** Problems found inside the import's transaction: thrown to roll it back. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<ImportResult.Problem> problems;

        Refused(List<ImportResult.Problem> problems) {
            super("income import refused", null, false, false);
            this.problems = problems;
        }
    }

    // ---- the tax ------------------------------------------------------------------------------------

    @Override
    public TaxComputation assess(Operator operator, int taxYear, AddresseeNumber person) {
        Guard.staff(authorisation, operator, "juminzei.assess");
        return tx.readOnly(em -> {
            TaxpayerEntity t = Store.taxpayer(em, taxYear, person.value());
            if (t == null) {
                throw new ResidentTaxException("taxpayer.unknown", person.value(), taxYear);
            }
            return ResidentTaxCalculator.compute(Store.taxpayer(t), Store.income(em, taxYear, person.value()),
                    rules(em, taxYear));
        });
    }

    static TaxRules rules(EntityManager em, int taxYear) {
        return TaxRules.of(taxYear, grade(em));
    }

    static int grade(EntityManager em) {
        return Store.setting(em, GRADE).map(Integer::parseInt).orElse(DEFAULT_GRADE);
    }

    @Override
    public TaxRules rules(Operator operator, int taxYear) {
        Guard.staff(authorisation, operator, "juminzei.rules");
        return tx.readOnly(em -> rules(em, taxYear));
    }

    @Override
    public int grade(Operator operator) {
        Guard.staff(authorisation, operator, "juminzei.rules");
        return tx.readOnly(ResidentTaxComponent::grade);
    }

    @Override
    public void setGrade(Operator operator, int grade) {
        authorisation.require(operator, Permission.ADMINISTER, "juminzei.grade");
        if (grade < 1 || grade > 3) {
            throw new ResidentTaxException("grade.range");
        }
        tx.requiredRun(em -> Store.setSetting(em, GRADE, Integer.toString(grade), operator.id()));
        accessLog.record(AccessEvent.of(operator, AccessKind.SETTING, "juminzei.grade", "grade " + grade));
    }

    /** The CSV columns' codes: 配偶者 and 寡婦・ひとり親. */
    static Spouse spouse(int code) {
        return Spouse.values()[code];
    }

    static SingleStatus single(int code) {
        return SingleStatus.values()[code];
    }

    static Label label(String field) {
        return new Label(field);
    }
}
