package jp.kiban.residenttax.impl;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.demo.DemoTown;
import jp.kiban.demo.DemoTownContribution;
import jp.kiban.platform.Operator;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.residenttax.ImportResult;
import jp.kiban.residenttax.ResidentTax;

/**
 * The demo town's 個人住民税: the taxpayers of the current tax year (the residents of 1 January) and, for every adult
 * among them, the income of the year before through the same CSV import a town would use: most heads earn a salary
 * (1.5–8 million yen, social insurance about 15 %), some are pensioners or self-employed (other income), spouses
 * mostly earn little (and are then 控除対象配偶者), children count as dependants by age. Deterministic for the seed;
 * nothing is added when any income of the year exists.
 */
@Component(service = DemoTownContribution.class)
public class JuminzeiDemoComponent implements DemoTownContribution {
    private static final System.Logger LOG = System.getLogger(JuminzeiDemoComponent.class.getName());

    @Reference
    private ResidentTax tax;
    @Reference
    private ResidentRegistry registry;

    @Override
    public String id() {
        return ResidentTax.BUSINESS;
    }

    @Override
    public int populate(long seed, DemoTown.Progress progress) {
        Operator op = Operator.system();
        int year = ResidentTax.taxYearOf(ResidentTaxComponent.today());
        if (tax.taxpayerCount(op, year) == 0) {
            tax.extractTaxpayers(op, year);
        }
        List<jp.kiban.residenttax.Taxpayer> taxpayers = tax.taxpayers(op, year, "", Integer.MAX_VALUE);
        if (taxpayers.isEmpty() || taxpayers.stream().limit(50).anyMatch(t -> tax.income(op, year, t.person()).isPresent())) {
            return 0;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        taxpayers.forEach(t -> known.add(t.person().value()));
        LocalDate endOfIncomeYear = LocalDate.of(year - 1, 12, 31);
        Map<String, List<ResidentRecord>> households = new LinkedHashMap<>();
        registry.exportCurrent(op, true, r -> {
            if (known.contains(r.addresseeNumber().value()) && r.person().birthDate().exactDate().isPresent()) {
                households.computeIfAbsent(r.householdNumber().value(), k -> new ArrayList<>()).add(r);
            }
        });
        StringBuilder csv = new StringBuilder(ResidentTax.CSV_HEADER).append('\n');
        int rows = 0;
        int done = 0;
        for (Map.Entry<String, List<ResidentRecord>> e : households.entrySet()) {
            progress.worked(++done, households.size());
            SplittableRandom random = new SplittableRandom(seed ^ e.getKey().hashCode() * 0x9E3779B97F4A7C15L);
            int under16 = 0;
            int general = 0;
            int specific = 0;
            for (ResidentRecord r : e.getValue()) {
                int age = age(r, endOfIncomeYear);
                if (r.relationship() != Relationship.HEAD && age < 16) {
                    under16++;
                } else if (r.relationship() != Relationship.HEAD && age <= 18) {
                    general++;
                } else if (r.relationship() != Relationship.HEAD && age <= 22) {
                    specific++;
                }
            }
            boolean spouseLowIncome = random.nextInt(10) < 6;
            ResidentRecord spouse = e.getValue().stream().filter(r -> isSpouse(r.relationship())).findFirst().orElse(null);
            for (ResidentRecord r : e.getValue()) {
                int age = age(r, endOfIncomeYear);
                if (age < 16 || (r.relationship() != Relationship.HEAD && age <= 22)) {
                    continue; // dependants: no income
                }
                long salary = 0;
                long other = 0;
                int spouseCode = 0;
                int u16 = 0;
                int gen = 0;
                int spec = 0;
                if (r.isHead()) {
                    int kind = random.nextInt(10);
                    if (age >= 65 || kind == 0) {
                        other = random.nextLong(0, 3_000_000) / 1000 * 1000; // pension, farming
                    } else {
                        salary = random.nextLong(1_500_000, 8_000_000) / 1000 * 1000;
                    }
                    if (spouse != null && spouseLowIncome) {
                        spouseCode = age(spouse, endOfIncomeYear) >= 70 ? 2 : 1;
                    }
                    u16 = under16;
                    gen = general;
                    spec = specific;
                } else if (isSpouse(r.relationship())) {
                    if (!spouseLowIncome) {
                        salary = random.nextLong(1_000_000, 4_000_000) / 1000 * 1000;
                    } else if (random.nextBoolean()) {
                        salary = random.nextLong(0, 1_030_000) / 1000 * 1000;
                    }
                } else if (random.nextInt(3) == 0) {
                    salary = random.nextLong(500_000, 3_000_000) / 1000 * 1000;
                }
                long social = salary * 15 / 100 / 1000 * 1000;
                boolean assistance = r.isHead() && salary == 0 && random.nextInt(20) == 0;
                csv.append(r.addresseeNumber().value()).append(',').append(salary).append(',').append(other).append(',')
                        .append(social).append(',').append(spouseCode).append(',').append(u16).append(",").append(gen)
                        .append(',').append(spec).append(",0,0,0,0,").append(assistance ? 1 : 0).append('\n');
                rows++;
            }
        }
        if (rows == 0) {
            return 0;
        }
        ImportResult result = tax.importIncomes(op, year, new StringReader(csv.toString()));
        if (!result.ok()) {
            LOG.log(System.Logger.Level.WARNING, "demo 住民税: incomes not imported: " + result.problems().get(0).error().getMessage());
            return 0;
        }
        LOG.log(System.Logger.Level.INFO, "demo 住民税: " + result.stored() + " incomes for tax year " + year);
        return result.stored();
    }

    private static boolean isSpouse(Relationship r) {
        return r == Relationship.WIFE || r == Relationship.HUSBAND || r == Relationship.COMMON_LAW_WIFE
                || r == Relationship.COMMON_LAW_HUSBAND;
    }

    private static int age(ResidentRecord r, LocalDate on) {
        LocalDate birth = r.person().birthDate().exactDate().orElseThrow();
        return java.time.Period.between(birth, on).getYears();
    }
}
