package jp.kiban.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import jp.kiban.cli.KibanCli.OutputOptions;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.resident.SupportMeasure;
import jp.kiban.resident.SupportMeasures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kiban cli resident support set|clear|show}: 支援措置 on a person. */
final class SupportCommands {
    private SupportCommands() {
    }

    @Command(name = "support", mixinStandardHelpOptions = true,
            description = { "支援措置 (support measures for DV victims and the like): while one is in force, no"
                    + " certificate about the person is issued (nor a household copy that lists the person).",
                    "Set and cleared as the system operator (a supervisor); the reason is kept, never logged." },
            subcommands = { SetCommand.class, ClearCommand.class, ShowCommand.class })
    static final class SupportCommand implements Callable<Integer> {
        @ParentCommand
        ResidentCommands.ResidentCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(parent.root.cli.err);
            parent.root.cli.err.println();
            parent.root.cli.err.println("error: a support command is required (set, clear, show)");
            return KibanCli.USAGE;
        }

        KibanCli cli() {
            parent.root.environment();
            return parent.root.cli;
        }

        AddresseeNumber number(String text) {
            try {
                return AddresseeNumber.of(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--person " + text + ": " + e.getMessage());
            }
        }

        LocalDate date(String text, String option) {
            try {
                return text == null ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        option + " " + text + ": not a date (YYYY-MM-DD)");
            }
        }

        static Map<String, Object> json(AddresseeNumber person, Optional<SupportMeasure> measure) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("person", person.value());
            m.put("supportMeasure", measure.isPresent());
            measure.ifPresent(s -> {
                m.put("from", s.from().toString());
                m.put("until", s.until().map(Object::toString).orElse(null));
                m.put("inForce", s.inForceOn(LocalDate.now()));
                m.put("reason", s.reason().orElse(null));
                m.put("setBy", s.setBy());
                m.put("setAt", s.setAt().toString());
            });
            return m;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set (or replace) the support measure of a person (on the register or removed).")
    static final class SetCommand implements Callable<Integer> {
        @ParentCommand
        SupportCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--person", required = true, paramLabel = "NUMBER", description = "The person's 宛名番号.")
        String person;
        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why (申出の内容); shown only to supervisors.")
        String reason;
        @Option(names = "--from", paramLabel = "DATE", description = "開始年月日 (YYYY-MM-DD); default today.")
        String from;
        @Option(names = "--until", paramLabel = "DATE",
                description = "終了年月日 (YYYY-MM-DD), inclusive; default until cleared.")
        String until;

        @Override
        public Integer call() {
            AddresseeNumber number = parent.number(person);
            LocalDate start = Optional.ofNullable(parent.date(from, "--from")).orElse(LocalDate.now());
            LocalDate end = parent.date(until, "--until");
            KibanCli cli = parent.cli();
            SupportMeasure m = cli.services.get(SupportMeasures.class).set(cli.operator(), number, reason, start,
                    end);
            if (output.json) {
                cli.printJson(SupportCommand.json(number, Optional.of(m)));
            } else {
                cli.out.println("Support measure set for " + number.value() + " from " + m.from()
                        + m.until().map(u -> " until " + u).orElse(" until cleared"));
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "End the support measure of a person now (kept on record with who cleared it and why).")
    static final class ClearCommand implements Callable<Integer> {
        @ParentCommand
        SupportCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--person", required = true, paramLabel = "NUMBER", description = "The person's 宛名番号.")
        String person;
        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why it is cleared.")
        String note;

        @Override
        public Integer call() {
            AddresseeNumber number = parent.number(person);
            KibanCli cli = parent.cli();
            cli.services.get(SupportMeasures.class).clear(cli.operator(), number, note);
            if (output.json) {
                cli.printJson(SupportCommand.json(number, Optional.empty()));
            } else {
                cli.out.println("Support measure cleared for " + number.value());
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the support measure of a person, if any (with its reason: the CLI runs as a supervisor).")
    static final class ShowCommand implements Callable<Integer> {
        @ParentCommand
        SupportCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--person", required = true, paramLabel = "NUMBER", description = "The person's 宛名番号.")
        String person;

        @Override
        public Integer call() {
            AddresseeNumber number = parent.number(person);
            KibanCli cli = parent.cli();
            Optional<SupportMeasure> m = cli.services.get(SupportMeasures.class).current(cli.operator(), number);
            if (output.json) {
                cli.printJson(SupportCommand.json(number, m));
            } else if (m.isEmpty()) {
                cli.out.println("No support measure for " + number.value());
            } else {
                SupportMeasure s = m.get();
                cli.out.println("Support measure for " + number.value() + ": from " + s.from()
                        + s.until().map(u -> " until " + u).orElse(" until cleared")
                        + (s.inForceOn(LocalDate.now()) ? " (in force)" : " (not yet in force)"));
                cli.out.println("  reason: " + s.reason().orElse("(withheld)"));
                cli.out.println("  set by: " + s.setBy() + " at " + s.setAt());
            }
            return KibanCli.OK;
        }
    }
}
