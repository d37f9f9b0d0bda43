package jp.kiban.residenttax.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;
import jp.kiban.residenttax.ImportResult;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxBatch;
import jp.kiban.residenttax.ResidentTaxNotices;
import jp.kiban.residenttax.TaxComputation;
import jp.kiban.residenttax.Taxpayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban cli juminzei extract|grade|nonresident|assess|import|batch|notice}: the taxpayers of 1 January, the
 * town's 級地, 住登外 taxpayers, the tax of one taxpayer, the income CSV, the yearly batch, 納税通知書 as PDF.
 */
@Component(service = CliContribution.class)
public class JuminzeiCliComponent implements CliContribution {

    @Override
    public Object command(CliContext context) {
        return new Juminzei(context);
    }

    @Command(name = ResidentTax.BUSINESS, mixinStandardHelpOptions = true,
            description = "Individual resident tax (個人住民税): taxpayers, incomes, the tax, the yearly batch, tax notices.")
    public static final class Juminzei extends BusinessCommand {
        Juminzei(CliContext context) {
            super(context);
        }

        private static int year(Integer year) {
            return year != null ? year : ResidentTax.taxYearOf(ResidentTaxComponent.today());
        }

        @Command(name = "extract", mixinStandardHelpOptions = true,
                description = "Copies the residents on the register on 1 January into the taxpayers of the tax year.")
        int extract(@Option(names = "--year", description = "Tax year (default: the current one)") Integer year) {
            Operator op = operator();
            int y = year(year);
            int n = context.service(ResidentTax.class).extractTaxpayers(op, y);
            context.out().printf("Tax year %d: %d residents on the register on %s%n", y, n, ResidentTax.assessmentDate(y));
            return 0;
        }

        @Command(name = "grade", mixinStandardHelpOptions = true,
                description = "The town's grade (級地, 1-3) for the per-capita levy exemption limit; --set changes it (administrators).")
        int grade(@Option(names = "--set", description = "The new grade, 1, 2 or 3") Integer set) {
            Operator op = operator();
            ResidentTax tax = context.service(ResidentTax.class);
            if (set != null) {
                tax.setGrade(op, set);
            }
            context.out().printf("Grade (級地): %d%n", tax.grade(op));
            return 0;
        }

        @Command(name = "nonresident", mixinStandardHelpOptions = true,
                description = "Registers a taxpayer who is not on the resident register (住登外): a new addressee number.")
        int nonResident(@Option(names = "--family", required = true, description = "氏") String family,
                @Option(names = "--given", required = true, description = "名") String given,
                @Option(names = "--furigana", required = true, description = "フリガナ (e.g. ヤマダ　タロウ)") String furigana,
                @Option(names = "--birth", description = "Birth date (yyyy-mm-dd); unknown if left out") LocalDate birth,
                @Option(names = "--abroad", description = "The address, when it is abroad") String abroad,
                @Option(names = "--premises", description = "家屋敷課税 (per-capita levy only) instead of living in the town")
                boolean premises,
                @Option(names = "--year", description = "Tax year (default: the current one)") Integer year) {
            Operator op = operator();
            jp.kiban.addressee.NonResidentData data = jp.kiban.addressee.NonResidentData.of(
                    jp.kiban.core.name.KanjiName.of(family, given), jp.kiban.core.name.Furigana.of(furigana),
                    birth == null ? jp.kiban.core.date.RecordedDate.unknown() : jp.kiban.core.date.RecordedDate.exact(birth));
            data = abroad == null || abroad.isBlank() ? data.withoutAddress() : data.withAddressAbroad(abroad);
            Taxpayer t = context.service(ResidentTax.class).registerNonResident(op, year(year), data,
                    premises ? jp.kiban.residenttax.TaxpayerKind.PREMISES : jp.kiban.residenttax.TaxpayerKind.UNREGISTERED);
            context.out().printf("Registered %s (%s) as %s for tax year %d%n", t.person().value(), t.name(), t.kind(),
                    t.taxYear());
            return 0;
        }

        @Command(name = "assess", mixinStandardHelpOptions = true,
                description = "The individual resident tax of one taxpayer for a tax year (not stored).")
        int assess(@Option(names = "--person", required = true, description = "宛名番号") String person,
                @Option(names = "--year", description = "Tax year (default: the current one)") Integer year,
                @Option(names = "--json", description = "Print one JSON document on stdout instead of text.") boolean json) {
            Operator op = operator();
            TaxComputation c = context.service(ResidentTax.class).assess(op, year(year), AddresseeNumber.of(person));
            if (json) {
                context.printJson(document(c));
                return 0;
            }
            var out = context.out();
            out.printf("Taxpayer %s, tax year %d (%s)%s%n", c.person().value(), c.taxYear(), c.kind(),
                    c.declared() ? "" : ", no income declared");
            out.printf("Total income %d, deductions %d, taxable %d, exemption %s%n", c.totalIncome(), c.totalDeductions(),
                    c.taxableIncome(), c.exemption());
            out.printf("%-12s %12s %12s%n", "", "municipal", "prefectural");
            out.printf("%-12s %12d %12d%n", "income levy", c.municipalIncomeLevy(), c.prefecturalIncomeLevy());
            out.printf("%-12s %12d %12d%n", "adjustment", c.municipalAdjustment(), c.prefecturalAdjustment());
            out.printf("%-12s %12d %12d%n", "per capita", c.municipalPerCapita(), c.prefecturalPerCapita());
            out.printf("Forest environment tax %d, annual tax %d%n", c.forestTax(), c.annualTax());
            c.installments().forEach(i -> out.printf("  installment %d due %s: %d%n", i.number(), i.dueDate(), i.amount()));
            return 0;
        }

        /** The computation as JSON: dates as ISO text (the CLI's mapper has no java.time module). */
        static Map<String, Object> document(TaxComputation c) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("person", c.person().value());
            doc.put("taxYear", c.taxYear());
            doc.put("kind", c.kind().name());
            doc.put("declared", c.declared());
            doc.put("salaryIncome", c.salaryIncome());
            doc.put("totalIncome", c.totalIncome());
            doc.put("deductions", c.deductions().stream().map(d -> Map.of("name", d.name(), "amount", d.amount())).toList());
            doc.put("totalDeductions", c.totalDeductions());
            doc.put("taxableIncome", c.taxableIncome());
            doc.put("exemption", c.exemption().name());
            doc.put("municipalIncomeLevy", c.municipalIncomeLevy());
            doc.put("prefecturalIncomeLevy", c.prefecturalIncomeLevy());
            doc.put("municipalAdjustment", c.municipalAdjustment());
            doc.put("prefecturalAdjustment", c.prefecturalAdjustment());
            doc.put("municipalPerCapita", c.municipalPerCapita());
            doc.put("prefecturalPerCapita", c.prefecturalPerCapita());
            doc.put("forestTax", c.forestTax());
            doc.put("annualTax", c.annualTax());
            doc.put("installments", c.installments().stream().map(i -> Map.of("number", i.number(), "dueDate",
                    i.dueDate().toString(), "amount", i.amount())).toList());
            return doc;
        }

        @Command(name = "import", mixinStandardHelpOptions = true,
                description = "Imports incomes from a CSV file (UTF-8, header " + ResidentTax.CSV_HEADER
                        + "); all rows or none.")
        int importIncomes(@Option(names = "--file", required = true, description = "The CSV file") Path file,
                @Option(names = "--year", description = "Tax year (default: the current one)") Integer year) {
            Operator op = operator();
            ImportResult r;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                r = context.service(ResidentTax.class).importIncomes(op, year(year), reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!r.ok()) {
                r.problems().forEach(p -> context.err().printf("line %d: %s%n", p.line(), p.error().getMessage()));
                throw new IllegalArgumentException(r.problems().size() + " problem(s) in " + file + "; nothing imported");
            }
            context.out().printf("Imported %d incomes%n", r.stored());
            return 0;
        }

        @Command(name = "batch", mixinStandardHelpOptions = true,
                description = "当初課税: extracts the taxpayers and computes and stores the tax of every one for a tax year.")
        int batch(@Option(names = "--year", description = "Tax year (default: the current one)") Integer year,
                @Option(names = "--json", description = "Print one JSON document on stdout instead of text.") boolean json) {
            Operator op = operator();
            ResidentTaxBatch.Result r = context.service(ResidentTaxBatch.class).run(op, year(year),
                    (done, total) -> context.err().printf("\r%d / %d taxpayers", done, total), () -> false);
            context.err().println();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("taxYear", r.taxYear());
                doc.put("taxpayers", r.total());
                doc.put("computed", r.computed());
                doc.put("totalTax", r.totalTax());
                doc.put("incomeLevy", r.incomeLevy());
                doc.put("perCapita", r.perCapita());
                doc.put("forestTax", r.forestTax());
                doc.put("exempt", r.exempt());
                doc.put("perCapitaOnly", r.perCapitaOnly());
                doc.put("taxpayersPerSecond", Math.round(r.taxpayersPerSecond()));
                context.printJson(doc);
            } else {
                context.out().printf("Tax year %d: %d of %d taxpayers, total %d yen (income levy %d, per capita %d, "
                        + "forest %d), %d exempt, %d per capita only (%.0f taxpayers/s)%n", r.taxYear(), r.computed(),
                        r.total(), r.totalTax(), r.incomeLevy(), r.perCapita(), r.forestTax(), r.exempt(),
                        r.perCapitaOnly(), r.taxpayersPerSecond());
            }
            return 0;
        }

        @Command(name = "notice", mixinStandardHelpOptions = true,
                description = "納税通知書 as one PDF: the given taxpayers, or every taxpayer of the year with --all.")
        int notice(@Option(names = "--person", description = "宛名番号 (repeatable)") List<String> persons,
                @Option(names = "--all", description = "Every taxpayer of the tax year") boolean all,
                @Option(names = "--year", description = "Tax year (default: the current one)") Integer year,
                @Option(names = "--date", description = "Date of the notice (default: today)") LocalDate date,
                @Option(names = "--out", required = true, description = "The PDF file to write") Path out) {
            Operator op = operator();
            int y = year(year);
            List<AddresseeNumber> which = new ArrayList<>();
            if (all) {
                for (Taxpayer t : context.service(ResidentTax.class).taxpayers(op, y, "", Integer.MAX_VALUE)) {
                    which.add(t.person());
                }
            } else if (persons != null) {
                persons.forEach(p -> which.add(AddresseeNumber.of(p)));
            }
            if (which.isEmpty()) {
                throw new IllegalArgumentException("Name taxpayers with --person or use --all");
            }
            byte[] pdf = context.service(ResidentTaxNotices.class).taxNotices(op, y, which,
                    date != null ? date : ResidentTaxComponent.today());
            writePdf(out, pdf);
            return 0;
        }
    }
}
