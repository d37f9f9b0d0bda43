package jp.kiban.childallowance.impl;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import jp.kiban.childallowance.AllowanceCalculator;
import jp.kiban.childallowance.AllowanceChild;
import jp.kiban.childallowance.AllowanceNotices;
import jp.kiban.childallowance.AllowanceTask;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildAllowanceException;
import jp.kiban.childallowance.ChildLine;
import jp.kiban.childallowance.MonthlyAmount;
import jp.kiban.childallowance.Payment;
import jp.kiban.childallowance.Recipient;
import jp.kiban.childallowance.RecipientSummary;
import jp.kiban.childallowance.Revision;
import jp.kiban.cli.spi.BusinessCommand;
import jp.kiban.cli.spi.CliContext;
import jp.kiban.cli.spi.CliContribution;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban cli jidoteate list|show|schedule|notice|tasks}: recipients, one recipient with the amount of a month,
 * the payments of a fiscal year, the latest notice as PDF, the open 確認事項. Months are {@code yyyy-MM}; JSON dates
 * are ISO text (the CLI's mapper has no java.time module).
 */
@Component(service = CliContribution.class)
public class JidoteateCliComponent implements CliContribution {

    @Override
    public Object command(CliContext context) {
        return new Jidoteate(context);
    }

    @Command(name = ChildAllowance.BUSINESS, mixinStandardHelpOptions = true,
            description = "Child allowance (児童手当): recipients, amounts, the payment schedule, notices, tasks.")
    public static final class Jidoteate extends BusinessCommand {
        Jidoteate(CliContext context) {
            super(context);
        }

        private static YearMonth month(String text) {
            if (text == null) {
                return YearMonth.from(ChildAllowanceComponent.today());
            }
            try {
                return YearMonth.parse(text.strip());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("Not a month (yyyy-MM): " + text);
            }
        }

        private Recipient recipient(Operator op, String person) {
            return context.service(ChildAllowance.class).recipientOf(op, AddresseeNumber.of(person.strip()))
                    .orElseThrow(() -> new ChildAllowanceException("recipient.unknown"));
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "Recipients with the amount of a month.")
        int list(@Option(names = "--text", description = "Part of a name, furigana or 宛名番号") String text,
                @Option(names = "--all", description = "Include recipients whose entitlement ended") boolean all,
                @Option(names = "--month", description = "yyyy-MM (default: this month)") String month,
                @Option(names = "--json", description = "Print one JSON document on stdout instead of text.") boolean json) {
            Operator op = operator();
            YearMonth m = month(month);
            List<RecipientSummary> list = context.service(ChildAllowance.class).recipients(op, text, all, m, Integer.MAX_VALUE);
            if (json) {
                List<Map<String, Object>> doc = new ArrayList<>();
                for (RecipientSummary s : list) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", s.id().toString());
                    e.put("person", s.person().value());
                    e.put("name", s.name());
                    e.put("month", m.toString());
                    e.put("paidChildren", s.paidChildren());
                    e.put("monthlyAmount", s.monthlyAmount());
                    e.put("startMonth", s.startMonth().toString());
                    e.put("endMonth", s.endMonth().map(YearMonth::toString).orElse(null));
                    doc.add(e);
                }
                context.printJson(doc);
                return 0;
            }
            for (RecipientSummary s : list) {
                context.out().printf("%s  %-20s %2d children  %,8d yen  from %s%s%n", s.person().value(), s.name(),
                        s.paidChildren(), s.monthlyAmount(), s.startMonth(), s.endMonth().map(e -> " to " + e).orElse(""));
            }
            context.out().printf("%d recipients, %s%n", list.size(), m);
            return 0;
        }

        @Command(name = "show", mixinStandardHelpOptions = true,
                description = "One recipient: children, the amount of a month with each child's band and order, the history.")
        int show(@Option(names = "--person", required = true, description = "宛名番号 of the recipient") String person,
                @Option(names = "--month", description = "yyyy-MM (default: this month)") String month,
                @Option(names = "--json", description = "Print one JSON document on stdout instead of text.") boolean json) {
            Operator op = operator();
            Recipient r = recipient(op, person);
            YearMonth m = month(month);
            MonthlyAmount a = r.amount(m);
            if (json) {
                context.printJson(document(r, a));
                return 0;
            }
            var out = context.out();
            out.printf("%s %s (%s), from %s%s%n", r.person().value(), r.name(), r.address(), r.startMonth(),
                    r.endMonth().map(e -> " to " + e + " (" + r.extinctionReason().orElseThrow() + ")").orElse(""));
            for (AllowanceChild c : r.children()) {
                ChildLine l = a.line(c.id().toString()).orElseThrow();
                out.printf("  %-20s %s  %-22s order %d  %,7d yen%s%n", c.name(), c.birthDate(), l.band(), l.order(),
                        l.amount(), c.untilMonth().map(u -> "  (until " + u + ")").orElse(""));
            }
            out.printf("Monthly amount %s: %,d yen%n", m, a.total());
            for (Revision v : r.revisions()) {
                out.printf("  %s %s %,d yen  %s%n", v.effectiveMonth(), v.kind(), v.monthlyAmount(), v.detail());
            }
            return 0;
        }

        static Map<String, Object> document(Recipient r, MonthlyAmount a) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", r.id().toString());
            doc.put("person", r.person().value());
            doc.put("name", r.name());
            doc.put("startMonth", r.startMonth().toString());
            doc.put("endMonth", r.endMonth().map(YearMonth::toString).orElse(null));
            doc.put("month", a.month().toString());
            doc.put("monthlyAmount", a.total());
            List<Map<String, Object>> children = new ArrayList<>();
            for (AllowanceChild c : r.children()) {
                ChildLine l = a.line(c.id().toString()).orElseThrow();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("person", c.person().map(AddresseeNumber::value).orElse(null));
                m.put("name", c.name());
                m.put("birthDate", c.birthDate().toString());
                m.put("band", l.band().name());
                m.put("order", l.order());
                m.put("amount", l.amount());
                children.add(m);
            }
            doc.put("children", children);
            doc.put("revisions", r.revisions().stream().map(v -> Map.of("kind", v.kind().name(), "effectiveMonth",
                    v.effectiveMonth().toString(), "monthlyAmount", v.monthlyAmount(), "detail", v.detail())).toList());
            return doc;
        }

        @Command(name = "schedule", mixinStandardHelpOptions = true,
                description = "The six payments of a fiscal year (April, June, August, October, December, February).")
        int schedule(@Option(names = "--person", required = true, description = "宛名番号 of the recipient") String person,
                @Option(names = "--year", description = "Fiscal year (default: the current one)") Integer year,
                @Option(names = "--json", description = "Print one JSON document on stdout instead of text.") boolean json) {
            Operator op = operator();
            Recipient r = recipient(op, person);
            int fy = year != null ? year : AllowanceCalculator.fiscalYearOf(YearMonth.from(ChildAllowanceComponent.today()));
            List<Payment> payments = context.service(ChildAllowance.class).schedule(op, r.id(), fy);
            if (json) {
                context.printJson(payments.stream().map(p -> Map.of("payMonth", p.payMonth().toString(), "months",
                        p.months().stream().map(x -> x.month().toString()).toList(), "amount", p.amount())).toList());
                return 0;
            }
            for (Payment p : payments) {
                context.out().printf("%s  %s + %s  %,8d yen%n", p.payMonth(), p.months().get(0).month(), p.months().get(1).month(),
                        p.amount());
            }
            context.out().printf("Fiscal year %d: %,d yen%n", fy, payments.stream().mapToLong(Payment::amount).sum());
            return 0;
        }

        @Command(name = "notice", mixinStandardHelpOptions = true,
                description = "The notice of the recipient's latest step (認定通知書, 額改定通知書, 消滅通知書) as PDF.")
        int notice(@Option(names = "--person", required = true, description = "宛名番号 of the recipient") String person,
                @Option(names = "--date", description = "Date of the notice (default: today)") LocalDate date,
                @Option(names = "--out", required = true, description = "The PDF file to write") Path out) {
            Operator op = operator();
            Recipient r = recipient(op, person);
            byte[] pdf = context.service(AllowanceNotices.class).notice(op, r.id(),
                    date != null ? date : ChildAllowanceComponent.today());
            writePdf(out, pdf);
            return 0;
        }

        @Command(name = "tasks", mixinStandardHelpOptions = true, description = "Open tasks (確認事項) from resident events.")
        int tasks(@Option(names = "--json", description = "Print one JSON document on stdout instead of text.") boolean json) {
            Operator op = operator();
            List<AllowanceTask> tasks = context.service(ChildAllowance.class).tasks(op, false);
            if (json) {
                context.printJson(tasks.stream().map(t -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", t.id().toString());
                    m.put("kind", t.kind().name());
                    m.put("changeDate", t.changeDate().toString());
                    m.put("deadline", t.deadline().map(LocalDate::toString).orElse(null));
                    m.put("subject", t.subject());
                    return m;
                }).toList());
                return 0;
            }
            for (AllowanceTask t : tasks) {
                context.out().printf("%s  %-20s %s%s  %s%n", t.changeDate(), t.kind(), t.subject(),
                        t.deadline().map(d -> " (15日特例 " + d + ")").orElse(""), t.id());
            }
            context.out().printf("%d open tasks%n", tasks.size());
            return 0;
        }
    }
}
