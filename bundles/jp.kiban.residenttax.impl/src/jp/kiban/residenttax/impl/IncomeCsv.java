package jp.kiban.residenttax.impl;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;
import jp.kiban.core.csv.Csv;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.residenttax.ImportResult;
import jp.kiban.residenttax.IncomeDeclaration;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxException;
import jp.kiban.residenttax.SingleStatus;
import jp.kiban.residenttax.Spouse;

/**
 * The income CSV ({@link ResidentTax#CSV_HEADER}), one 給与支払報告書-like row per taxpayer. Every row is checked
 * and every problem reported with its line; the caller stores nothing when there is any.
 */
final class IncomeCsv {
    static final String[] FIELDS = { "addresseeNumber", "salaryRevenue", "otherIncome", "socialInsurance", "spouse",
            "dependentsUnder16", "dependentsGeneral", "dependentsSpecific", "dependentsElderly",
            "dependentsElderlyCohabiting", "disabled", "single", "publicAssistance" };

    private IncomeCsv() {
    }

    static void parse(String text, int taxYear, List<IncomeDeclaration> out, Map<String, Integer> lines,
            List<ImportResult.Problem> problems) {
        Csv.Parsed parsed = Csv.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        for (Csv.Problem p : parsed.problems()) {
            problems.add(new ImportResult.Problem(p.line(), new ResidentTaxException("income.csvMalformed", p.code())));
        }
        List<Csv.Row> rows = parsed.rows();
        if (rows.isEmpty() || !rows.get(0).fields().get(0).strip().equalsIgnoreCase("addressee_number")) {
            problems.add(new ImportResult.Problem(1, new ResidentTaxException("income.csvHeader", ResidentTax.CSV_HEADER)));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (f.size() == 1 && f.get(0).isBlank()) {
                continue;
            }
            try {
                if (f.size() != FIELDS.length) {
                    throw new ResidentTaxException("income.csvColumns", FIELDS.length, f.size());
                }
                AddresseeNumber number;
                try {
                    number = AddresseeNumber.of(f.get(0).strip());
                } catch (DomainException e) {
                    throw new ResidentTaxException("income.badNumber", f.get(0).strip());
                }
                IncomeDeclaration in = new IncomeDeclaration(taxYear, number, amount(f, 1), amount(f, 2), amount(f, 3),
                        Spouse.values()[code(f, 4, "0/1/2", 2)], count(f, 5), count(f, 6), count(f, 7), count(f, 8),
                        count(f, 9), code(f, 10, "0/1", 1) == 1, SingleStatus.values()[code(f, 11, "0/1/2", 2)],
                        code(f, 12, "0/1", 1) == 1, "import");
                if (!seen.add(number.value())) {
                    throw new ResidentTaxException("income.duplicate", number.value());
                }
                out.add(in);
                lines.put(number.value(), row.line());
            } catch (ResidentTaxException e) {
                problems.add(new ImportResult.Problem(row.line(), e));
            }
        }
    }

    private static long amount(List<String> f, int i) {
        String s = f.get(i).strip().replace(",", "");
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ResidentTaxException("income.notANumber", new Label(FIELDS[i]), f.get(i).strip());
        }
    }

    private static int count(List<String> f, int i) {
        String s = f.get(i).strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ResidentTaxException("income.notACount", new Label(FIELDS[i]), s);
        }
    }

    private static int code(List<String> f, int i, String allowed, int max) {
        String s = f.get(i).strip();
        if (s.isEmpty()) {
            return 0;
        }
        if (s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '0' + max) {
            return s.charAt(0) - '0';
        }
        throw new ResidentTaxException("income.code", new Label(FIELDS[i]), s, allowed);
    }
}
