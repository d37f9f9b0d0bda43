package jp.kiban.healthinsurance.impl;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import jp.kiban.cli.spi.BusinessCommand;
import jp.kiban.cli.spi.CliContext;
import jp.kiban.cli.spi.CliContribution;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.HouseholdSummary;
import jp.kiban.healthinsurance.KokuhoBatch;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.PartAssessment;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.platform.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiban cli kokuho assess|batch|notice}: the 国保税 of a household, the yearly batch, 納税通知書 as PDF. */
@Component(service = CliContribution.class)
public class KokuhoCliComponent implements CliContribution {

    @Override
    public Object command(CliContext context) {
        return new Kokuho(context);
    }

    @Command(name = HealthInsurance.BUSINESS, mixinStandardHelpOptions = true,
            description = "National health insurance (国民健康保険): the tax of a household, the yearly batch, tax notices.")
    public static final class Kokuho extends BusinessCommand {
        Kokuho(CliContext context) {
            super(context);
        }

        private static int year(Integer year) {
            return year != null ? year : KokuhoNotices.fiscalYearOf(HealthInsuranceComponent.today());
        }

        @Command(name = "assess", mixinStandardHelpOptions = true,
                description = "The national health insurance tax of one household for a fiscal year (not stored).")
        int assess(@Option(names = "--household", required = true, description = "世帯番号") String household,
                @Option(names = "--year", description = "Fiscal year (default: the current one)") Integer year,
                @Option(names = "--json", description = "Print one JSON document on stdout instead of text.") boolean json) {
            Operator op = operator();
            TaxAssessment a = context.service(HealthInsurance.class).assess(op, HouseholdNumber.of(household), year(year));
            if (json) {
                context.printJson(document(a));
                return 0;
            }
            var out = context.out();
            out.printf("Household %s, fiscal year %d%n", a.household().value(), a.fiscalYear());
            out.printf("%-10s %12s %12s %12s %12s %12s %12s%n", "part", "income", "per capita", "per household",
                    "reduction", "cap", "amount");
            for (PartAssessment p : a.parts()) {
                out.printf("%-10s %12d %12d %12d %12d %12d %12d%s%n", p.part().name().toLowerCase(), p.incomeLevy(),
                        p.perCapitaLevy(), p.perHouseholdLevy(), p.reduction(), p.cap(), p.amount(),
                        p.capped() ? " (capped)" : "");
            }
            out.printf("Reduction %d/10, total %d, annual tax %d%n", a.reductionTenths(), a.total(), a.annualTax());
            a.installments().forEach(i -> out.printf("  installment %d due %s: %d%n", i.number(), i.dueDate(), i.amount()));
            return 0;
        }

        /** The assessment as JSON: dates as ISO text (the CLI's mapper has no java.time module). */
        static Map<String, Object> document(TaxAssessment a) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("household", a.household().value());
            doc.put("fiscalYear", a.fiscalYear());
            List<Map<String, Object>> parts = new ArrayList<>();
            for (PartAssessment p : a.parts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("part", p.part().name());
                m.put("persons", p.persons());
                m.put("incomeLevy", p.incomeLevy());
                m.put("perCapitaLevy", p.perCapitaLevy());
                m.put("perHouseholdLevy", p.perHouseholdLevy());
                m.put("reduction", p.reduction());
                m.put("beforeCap", p.beforeCap());
                m.put("cap", p.cap());
                m.put("capped", p.capped());
                m.put("amount", p.amount());
                parts.add(m);
            }
            doc.put("parts", parts);
            doc.put("reductionTenths", a.reductionTenths());
            doc.put("reductionIncome", a.reductionIncome());
            doc.put("householdFactor", a.householdFactor());
            doc.put("total", a.total());
            doc.put("annualTax", a.annualTax());
            doc.put("installments", a.installments().stream().map(i -> Map.of("number", i.number(), "dueDate",
                    i.dueDate().toString(), "amount", i.amount())).toList());
            return doc;
        }

        @Command(name = "batch", mixinStandardHelpOptions = true,
                description = "当初賦課: computes and stores the tax of every household for a fiscal year.")
        int batch(@Option(names = "--year", description = "Fiscal year (default: the current one)") Integer year,
                @Option(names = "--json", description = "Print one JSON document on stdout instead of text.") boolean json) {
            Operator op = operator();
            int y = year(year);
            KokuhoBatch.Result r = context.service(KokuhoBatch.class).run(op, y,
                    (done, total) -> context.err().printf("\r%d / %d households", done, total), () -> false);
            context.err().println();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("fiscalYear", r.fiscalYear());
                doc.put("households", r.total());
                doc.put("computed", r.computed());
                doc.put("totalTax", r.totalTax());
                doc.put("reduced", r.reduced());
                doc.put("capped", r.capped());
                doc.put("householdsPerSecond", Math.round(r.householdsPerSecond()));
                context.printJson(doc);
            } else {
                context.out().printf("Fiscal year %d: %d of %d households, total tax %d yen, %d reduced, %d capped "
                        + "(%.0f households/s)%n", r.fiscalYear(), r.computed(), r.total(), r.totalTax(), r.reduced(),
                        r.capped(), r.householdsPerSecond());
            }
            return 0;
        }

        @Command(name = "notice", mixinStandardHelpOptions = true,
                description = "納税通知書 as one PDF: the given households, or every household of the year with --all.")
        int notice(@Option(names = "--household", description = "世帯番号 (repeatable)") List<String> households,
                @Option(names = "--all", description = "Every household insured in the fiscal year") boolean all,
                @Option(names = "--year", description = "Fiscal year (default: the current one)") Integer year,
                @Option(names = "--date", description = "Date of the notice (default: today)") LocalDate date,
                @Option(names = "--out", required = true, description = "The PDF file to write") Path out) {
            Operator op = operator();
            int y = year(year);
            List<HouseholdNumber> which = new ArrayList<>();
            if (all) {
                for (HouseholdSummary s : context.service(HealthInsurance.class).households(op, "", y, Integer.MAX_VALUE)) {
                    which.add(s.number());
                }
            } else if (households != null) {
                households.forEach(h -> which.add(HouseholdNumber.of(h)));
            }
            if (which.isEmpty()) {
                throw new IllegalArgumentException("Name households with --household or use --all");
            }
            byte[] pdf = context.service(KokuhoNotices.class).taxNotices(op, which, y,
                    date != null ? date : HealthInsuranceComponent.today());
            writePdf(out, pdf);
            return 0;
        }

    }
}
