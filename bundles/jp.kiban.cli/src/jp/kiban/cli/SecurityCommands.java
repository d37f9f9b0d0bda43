package jp.kiban.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import jp.kiban.cli.KibanCli.OutputOptions;
import jp.kiban.cli.KibanCli.Root;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.security.AccessEntry;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AuditFilter;
import jp.kiban.security.AuditFinding;
import jp.kiban.security.AuditQueries;
import jp.kiban.security.NewUser;
import jp.kiban.security.OrganisationUnit;
import jp.kiban.security.SecondFactor;
import jp.kiban.security.UserAccount;
import jp.kiban.security.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;


/**
 * {@code kiban cli user …}, {@code unit …} and {@code audit …}: users and roles for administrators,
 * the access log for auditors. Passwords never come from the command line (they would stay in the
 * shell history): {@code KIBAN_NEW_PASSWORD} or a prompt.
 */
final class SecurityCommands {
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private SecurityCommands() {
    }

    static char[] newPassword(KibanCli cli, String whose) {
        String v = cli.env.get("KIBAN_NEW_PASSWORD");
        if (v != null) {
            return v.toCharArray();
        }
        char[] a = cli.prompt.read("New password for " + whose + ": ");
        if (a == null) {
            throw new IllegalStateException("No new password: set KIBAN_NEW_PASSWORD or run in a terminal");
        }
        char[] b = cli.prompt.read("Repeat the new password: ");
        if (b == null || !Arrays.equals(a, b)) {
            throw new IllegalStateException("The two passwords differ; nothing was changed");
        }
        return a;
    }

    static Map<String, Object> userJson(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("unit", u.unit());
        m.put("roles", u.roles().stream().map(Role::name).sorted().toList());
        m.put("businesses", new TreeSet<>(u.businesses()));
        m.put("enabled", u.enabled());
        m.put("locked", u.locked());
        m.put("failedLogins", u.failedLogins());
        m.put("secondFactor", u.secondFactor().orElse(null));
        m.put("mustChangePassword", u.mustChangePassword());
        m.put("lastLoginAt", u.lastLoginAt().map(Instant::toString).orElse(null));
        return m;
    }

    static void printUser(KibanCli cli, UserAccount u) {
        cli.out.printf("%-16s %-20s %-10s %-28s %-12s %s%n", u.id(), u.name(), u.unit().isEmpty() ? "-" : u.unit(),
                String.join(",", u.roles().stream().map(Role::name).sorted().toList())
                        + (u.businesses().isEmpty() ? "" : " [" + String.join(",", new TreeSet<>(u.businesses())) + "]"),
                !u.enabled() ? "disabled" : u.locked() ? "LOCKED" : "active",
                (u.secondFactor().map(f -> "2FA:" + f + " ").orElse("")) + (u.mustChangePassword() ? "initial password" : ""));
    }

    static Set<Role> roles(CommandLine cl, List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names == null ? List.<String>of() : names) {
            for (String part : n.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    roles.add(Role.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, "--role " + part.strip() + ": not a role (COUNTER, BUSINESS,"
                            + " SUPERVISOR, ADMINISTRATOR, AUDITOR)");
                }
            }
        }
        return roles;
    }

    static Set<String> split(List<String> values) {
        Set<String> out = new TreeSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return out;
    }

    // ---- user ----------------------------------------------------------------------------------

    @Command(name = "user", mixinStandardHelpOptions = true,
            description = "Users, their roles and passwords (administrators); 'user passwd' for one's own password.",
            subcommands = { UserAddCommand.class, UserListCommand.class, UserSetCommand.class, UserUnlockCommand.class,
                    UserEnableCommand.class, UserDisableCommand.class, UserResetPasswordCommand.class,
                    UserPasswdCommand.class, UserTotpCommand.class })
    static final class UserCommand extends GroupCommand {
    }

    abstract static class UserSub implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Mixin
        OutputOptions output;

        KibanCli cli() {
            parent.root.environment();
            return parent.root.cli;
        }

        Integer done(UserAccount u, String text) {
            if (output.json) {
                parent.root.cli.printJson(Map.of("user", userJson(u)));
            } else {
                parent.root.cli.out.println(text);
                printUser(parent.root.cli, u);
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = { "Add a user. The password comes from KIBAN_NEW_PASSWORD or a prompt; the user must change it at"
                    + " the first login.",
                    "On a new installation (no user yet) 'user add --admin' creates the first administrator without a login;"
                            + " that password is theirs (no change needed)." })
    static final class UserAddCommand extends UserSub {
        @Parameters(paramLabel = "ID", description = "Login id: a-z 0-9 . _ - (at most 32).")
        String id;
        @Option(names = "--name", required = true, description = "Display name, e.g. 田中 一郎.")
        String name;
        @Option(names = "--role", paramLabel = "ROLE", description = "COUNTER, BUSINESS, SUPERVISOR, ADMINISTRATOR, AUDITOR"
                + " (repeat or comma-separate).")
        List<String> roles;
        @Option(names = "--business", paramLabel = "ID", description = "Business module of a BUSINESS user, e.g. kokuho.")
        List<String> businesses;
        @Option(names = "--unit", paramLabel = "CODE", description = "Organisation unit (課/係) code.")
        String unit;
        @Option(names = "--admin", description = "Give the ADMINISTRATOR role (and create the first administrator on a new"
                + " installation).")
        boolean admin;

        @Override
        public Integer call() {
            KibanCli cli = cli();
            Users users = cli.services.get(Users.class);
            Set<Role> r = roles(parent.spec.commandLine(), roles);
            if (admin) {
                r.add(Role.ADMINISTRATOR);
            }
            if (admin && !users.anyUser()) {
                UserAccount u = users.addFirstAdministrator(new NewUser(id, name, unit, r, split(businesses),
                        newPassword(cli, id)), cli.terminal());
                return done(u, "First administrator created; from now on every command needs --user " + u.id() + ":");
            }
            Operator op = cli.operator();
            UserAccount u = users.add(op, new NewUser(id, name, unit, r, split(businesses), newPassword(cli, id)));
            return done(u, "User added (the initial password must be changed at the first login):");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class UserListCommand extends UserSub {
        @Override
        public Integer call() {
            KibanCli cli = cli();
            List<UserAccount> list = cli.services.get(Users.class).list(cli.operator());
            if (output.json) {
                cli.printJson(Map.of("users", list.stream().map(SecurityCommands::userJson).toList()));
            } else {
                cli.out.printf("%-16s %-20s %-10s %-28s %-12s %s%n", "ID", "NAME", "UNIT", "ROLES", "STATE", "NOTES");
                list.forEach(u -> printUser(cli, u));
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Replace a user's name, unit, roles and businesses (what is not given stays).")
    static final class UserSetCommand extends UserSub {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--name")
        String name;
        @Option(names = "--role", paramLabel = "ROLE", description = "The new roles (replace the old ones).")
        List<String> roles;
        @Option(names = "--business", paramLabel = "ID", description = "The new businesses (replace the old ones).")
        List<String> businesses;
        @Option(names = "--unit", paramLabel = "CODE", description = "The new unit; '' for none.")
        String unit;

        @Override
        public Integer call() {
            KibanCli cli = cli();
            Operator op = cli.operator();
            Users users = cli.services.get(Users.class);
            UserAccount u = users.find(op, id).orElseThrow(() -> new IllegalStateException("No user " + id));
            UserAccount updated = users.update(op, u.id(), name == null ? u.name() : name, unit == null ? u.unit() : unit,
                    roles == null ? u.roles() : roles(parent.spec.commandLine(), roles),
                    businesses == null ? u.businesses() : split(businesses));
            return done(updated, "User updated:");
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Lift a lockout after failed logins.")
    static final class UserUnlockCommand extends UserSub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            KibanCli cli = cli();
            return done(cli.services.get(Users.class).unlock(cli.operator(), id), "User unlocked:");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled user log in again.")
    static final class UserEnableCommand extends UserSub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            KibanCli cli = cli();
            return done(cli.services.get(Users.class).setEnabled(cli.operator(), id, true), "User enabled:");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop a user from logging in (the user stays on record; the log names them).")
    static final class UserDisableCommand extends UserSub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            KibanCli cli = cli();
            return done(cli.services.get(Users.class).setEnabled(cli.operator(), id, false), "User disabled:");
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new initial password (KIBAN_NEW_PASSWORD or a prompt); the user must change it.")
    static final class UserResetPasswordCommand extends UserSub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            KibanCli cli = cli();
            Operator op = cli.operator();
            return done(cli.services.get(Users.class).resetPassword(op, id, newPassword(cli, id)), "Password reset:");
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change your own password (--user ID; current from KIBAN_PASSWORD, new from KIBAN_NEW_PASSWORD,"
                    + " or prompts).")
    static final class UserPasswdCommand extends UserSub {
        @Override
        public Integer call() {
            KibanCli cli = cli();
            if (cli.bootstrap()) {
                throw new IllegalStateException("No users yet: create the first administrator with 'user add --admin'");
            }
            Operator op = cli.authenticate(true).operator();
            char[] current = cli.secret("KIBAN_PASSWORD", "Current password: ");
            cli.services.get(Users.class).changePassword(op.id(), current, newPassword(cli, op.id()), cli.terminal());
            if (output.json) {
                cli.printJson(Map.of("changed", op.id()));
            } else {
                cli.out.println("Password of " + op.id() + " changed.");
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "totp", mixinStandardHelpOptions = true,
            description = "Enrol a TOTP second factor (authenticator app) for a user: prints the secret and the otpauth://"
                    + " URI once. From then on the user logs in with a 6-digit code.")
    static final class UserTotpCommand extends UserSub {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--remove", description = "Remove the user's second factor instead.")
        boolean remove;

        @Override
        public Integer call() {
            KibanCli cli = cli();
            Operator op = cli.operator();
            Users users = cli.services.get(Users.class);
            if (remove) {
                return done(users.removeSecondFactor(op, id), "Second factor removed:");
            }
            SecondFactor.Enrolment e = users.enrolSecondFactor(op, id, "totp");
            if (output.json) {
                cli.printJson(Map.of("user", id, "kind", e.kind(), "secret", e.shown(), "uri", e.uri()));
            } else {
                cli.out.println("TOTP enrolled for " + id + ". Enter this in the authenticator app (shown once):");
                cli.out.println("Secret  " + e.shown());
                cli.out.println("URI     " + e.uri());
            }
            return KibanCli.OK;
        }
    }

    // ---- unit ----------------------------------------------------------------------------------

    @Command(name = "unit", mixinStandardHelpOptions = true,
            description = "Organisation units (課/係): their roles and businesses apply to their members.",
            subcommands = { UnitSetCommand.class, UnitListCommand.class })
    static final class UnitCommand extends GroupCommand {
    }

    static Map<String, Object> unitJson(OrganisationUnit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("name", u.name());
        m.put("roles", u.roles().stream().map(Role::name).sorted().toList());
        m.put("businesses", new TreeSet<>(u.businesses()));
        return m;
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Add or replace a unit.")
    static final class UnitSetCommand implements Callable<Integer> {
        @ParentCommand
        UnitCommand parent;
        @Mixin
        OutputOptions output;
        @Parameters(paramLabel = "CODE", description = "e.g. juumin, hoken")
        String code;
        @Option(names = "--name", required = true, description = "e.g. 住民課")
        String name;
        @Option(names = "--role", paramLabel = "ROLE")
        List<String> roles;
        @Option(names = "--business", paramLabel = "ID")
        List<String> businesses;

        @Override
        public Integer call() {
            parent.root.environment();
            KibanCli cli = parent.root.cli;
            OrganisationUnit u = cli.services.get(Users.class).saveUnit(cli.operator(),
                    new OrganisationUnit(code, name, roles(parent.spec.commandLine(), roles), split(businesses)));
            if (output.json) {
                cli.printJson(Map.of("unit", unitJson(u)));
            } else {
                cli.out.println("Unit saved: " + u.code() + " " + u.name() + " " + unitJson(u).get("roles")
                        + (u.businesses().isEmpty() ? "" : " " + u.businesses()));
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the units.")
    static final class UnitListCommand implements Callable<Integer> {
        @ParentCommand
        UnitCommand parent;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            parent.root.environment();
            KibanCli cli = parent.root.cli;
            List<OrganisationUnit> units = cli.services.get(Users.class).units(cli.operator());
            if (output.json) {
                cli.printJson(Map.of("units", units.stream().map(SecurityCommands::unitJson).toList()));
            } else {
                units.forEach(u -> cli.out.printf("%-12s %-20s %s %s%n", u.code(), u.name(), unitJson(u).get("roles"),
                        u.businesses().isEmpty() ? "" : u.businesses()));
            }
            return KibanCli.OK;
        }
    }

    // ---- audit ---------------------------------------------------------------------------------

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "The access log (auditors): list, verify the hash chain, analyse, export CSV.",
            subcommands = { AuditListCommand.class, AuditVerifyCommand.class, AuditAnalyseCommand.class,
                    AuditExportCommand.class })
    static final class AuditCommand extends GroupCommand {
    }

    /** The filter options shared by list, analyse and export. */
    static final class FilterOptions {
        @Option(names = "--person", paramLabel = "NUMBER", description = "宛名番号 of a person concerned.")
        String person;
        @Option(names = "--operator", paramLabel = "ID", description = "Login id of the operator.")
        String operator;
        @Option(names = "--from", paramLabel = "DATE", description = "First day (Japan), e.g. 2026-06-01, or an ISO instant.")
        String from;
        @Option(names = "--to", paramLabel = "DATE", description = "Last day (Japan, inclusive), or an ISO instant (exclusive).")
        String to;
        @Option(names = "--kind", paramLabel = "KIND", description = "LOGIN, LOGIN_FAILED, SEARCH, VIEW, CHANGE, CERTIFICATE,"
                + " EXPORT, SETTING, USER_ADMIN, AUDIT, REFUSED, ERROR … (repeat or comma-separate).")
        List<String> kinds;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N entries (default"
                + " ${DEFAULT-VALUE}, newest first).")
        int limit;

        AuditFilter filter(CommandLine cl, int defaultLimit) {
            Set<AccessKind> k = EnumSet.noneOf(AccessKind.class);
            for (String s : split(kinds)) {
                try {
                    k.add(AccessKind.valueOf(s.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, "--kind " + s + ": unknown kind " + Arrays.toString(AccessKind.values()));
                }
            }
            if (limit < 1 || limit > AuditFilter.MAX_LIMIT) {
                throw new CommandLine.ParameterException(cl, "--limit must be between 1 and " + AuditFilter.MAX_LIMIT);
            }
            return new AuditFilter(Optional.ofNullable(person).map(String::strip), Optional.ofNullable(operator).map(String::strip),
                    Optional.ofNullable(from).map(f -> instant(cl, "--from", f, false)),
                    Optional.ofNullable(to).map(t -> instant(cl, "--to", t, true)), k,
                    defaultLimit > 0 && limit == 1000 ? defaultLimit : limit);
        }

        static Instant instant(CommandLine cl, String option, String value, boolean endOfDay) {
            try {
                LocalDate d = LocalDate.parse(value.strip());
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(JAPAN).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(value.strip());
                } catch (DateTimeParseException e2) {
                    throw new CommandLine.ParameterException(cl, option + " " + value + ": not a date (2026-06-01) or an"
                            + " ISO instant (2026-06-01T00:00:00Z)");
                }
            }
        }
    }

    static Map<String, Object> entryJson(AccessEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.sequence());
        m.put("id", e.id().toString());
        m.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.at().atZone(JAPAN)));
        m.put("operator", e.operatorId());
        m.put("operatorName", e.operatorName());
        m.put("terminal", e.terminal());
        m.put("kind", e.kind().name());
        m.put("operation", e.action());
        m.put("persons", e.persons());
        m.put("individualNumberShown", e.individualNumberShown());
        m.put("detail", e.detail());
        m.put("hash", e.hash());
        return m;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List access-log entries, newest first.")
    static final class AuditListCommand implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;
        @Mixin
        OutputOptions output;
        @Mixin
        FilterOptions filter;

        @Override
        public Integer call() {
            parent.root.environment();
            KibanCli cli = parent.root.cli;
            Operator op = cli.operator();
            List<AccessEntry> list = cli.services.get(AuditQueries.class).list(op, filter.filter(parent.spec.commandLine(), 0));
            if (output.json) {
                cli.printJson(Map.of("entries", list.stream().map(SecurityCommands::entryJson).toList()));
            } else {
                DateTimeFormatter t = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
                cli.out.printf("%7s %-19s %-12s %-14s %-12s %-24s %-3s %s%n", "SEQ", "TIME (JST)", "OPERATOR", "TERMINAL", "KIND",
                        "OPERATION", "NO.", "PERSONS / DETAIL");
                for (AccessEntry e : list) {
                    cli.out.printf("%7d %-19s %-12s %-14s %-12s %-24s %-3s %s%n", e.sequence(), t.format(e.at().atZone(JAPAN)),
                            e.operatorId(), e.terminal(), e.kind(), e.action(), e.individualNumberShown() ? "yes" : "",
                            (e.persons().isEmpty() ? "" : String.join(" ", e.persons().subList(0, Math.min(5, e.persons().size())))
                                    + (e.persons().size() > 5 ? " (+" + (e.persons().size() - 5) + ")" : "") + " ")
                                    + e.detail());
                }
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain of the whole access log; names the first broken entry (exit code 1).")
    static final class AuditVerifyCommand implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            parent.root.environment();
            KibanCli cli = parent.root.cli;
            AuditQueries.Verification v = cli.services.get(AuditQueries.class).verify(cli.operator());
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("intact", v.intact());
                doc.put("entries", v.entries());
                doc.put("firstBroken", v.firstBroken().orElse(null));
                doc.put("problem", v.problem());
                cli.printJson(doc);
            } else if (v.intact()) {
                cli.out.println("Access log intact: " + v.entries() + " entries, hash chain verified.");
            } else {
                cli.out.println("Access log BROKEN at entry " + v.firstBroken().map(String::valueOf).orElse("?") + ": "
                        + v.problem());
            }
            return v.intact() ? KibanCli.OK : KibanCli.FAILED;
        }
    }

    @Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
            description = "Look for use at night (settings audit.night.from/to, default 22–7) or on holidays (weekends,"
                    + " public holidays, 12/29–1/3), repeated failed logins (audit.failedLogins, default 3 a day) and one"
                    + " operator viewing many people (audit.manyPersons, default more than 50 a day).")
    static final class AuditAnalyseCommand implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;
        @Mixin
        OutputOptions output;
        @Mixin
        FilterOptions filter;

        @Override
        public Integer call() {
            parent.root.environment();
            KibanCli cli = parent.root.cli;
            List<AuditFinding> findings = cli.services.get(AuditQueries.class).analyse(cli.operator(),
                    filter.filter(parent.spec.commandLine(), AuditFilter.MAX_LIMIT));
            if (output.json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (AuditFinding f : findings) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", f.type().name());
                    m.put("operator", f.operator());
                    m.put("day", f.day().toString());
                    m.put("count", f.count());
                    m.put("entries", f.entries());
                    m.put("detail", f.detail());
                    list.add(m);
                }
                cli.printJson(Map.of("findings", list));
            } else if (findings.isEmpty()) {
                cli.out.println("Nothing found.");
            } else {
                for (AuditFinding f : findings) {
                    cli.out.printf("%-10s %-22s %-12s %s%n", f.day(), f.type(), f.operator(), f.detail());
                }
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the entries (oldest first) as CSV (UTF-8 with BOM, for spreadsheets); '-' for standard output.")
    static final class AuditExportCommand implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;
        @Mixin
        OutputOptions output;
        @Mixin
        FilterOptions filter;
        @Parameters(paramLabel = "FILE")
        String file;

        @Override
        public Integer call() throws IOException {
            parent.root.environment();
            KibanCli cli = parent.root.cli;
            Operator op = cli.operator();
            AuditFilter f = filter.filter(parent.spec.commandLine(), AuditFilter.MAX_LIMIT);
            AuditQueries audit = cli.services.get(AuditQueries.class);
            int n;
            if (file.equals("-")) {
                Writer w = new OutputStreamWriter(new java.io.FilterOutputStream(cli.out) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                }, StandardCharsets.UTF_8);
                n = audit.exportCsv(op, f, w);
                w.flush();
                return KibanCli.OK;
            }
            Path target = Path.of(file).toAbsolutePath();
            Path temp = Files.createTempFile(target.getParent(), ".kiban-audit", ".csv");
            try (OutputStream o = Files.newOutputStream(temp); Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                n = audit.exportCsv(op, f, w);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (output.json) {
                cli.printJson(Map.of("file", target.toString(), "entries", n));
            } else {
                cli.out.println("Exported " + n + " entries to " + target);
            }
            return KibanCli.OK;
        }
    }

}
