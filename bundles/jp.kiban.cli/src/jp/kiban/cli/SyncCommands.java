package jp.kiban.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import jp.kiban.platform.ConnectionStatus;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.security.AccessKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kiban cli sync disaster on|off|status}: this terminal's 災害モード (the CLI itself never syncs). */
final class SyncCommands {
    private SyncCommands() {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "This terminal's link to the central server (the desk client syncs; the CLI never does).",
            subcommands = { DisasterCommand.class })
    static final class SyncCommand extends GroupCommand {
    }

    enum Action {
        on, off, status
    }

    @Command(name = "disaster", mixinStandardHelpOptions = true,
            description = { "Disaster mode (災害モード): while on, the desk client makes no attempt to sync and works on its local"
                    + " copy, with a banner saying how current that copy is; changes wait and are sent when it is switched off.",
                    "Kept across restarts. Switching needs the administrator or supervisor role; close the desk client first"
                            + " (Derby) or switch it there." })
    static final class DisasterCommand implements Callable<Integer> {
        @ParentCommand
        SyncCommand parent;
        @Mixin
        KibanCli.OutputOptions output;
        @Parameters(index = "0", paramLabel = "ACTION", description = "on, off or status")
        Action action;

        private static String time(Optional<Instant> t) {
            return t.map(i -> TIME.format(i.atZone(ZoneId.systemDefault()))).orElse(null);
        }

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            ConnectionStatus sync = cli.services.get(ConnectionStatus.class);
            if (action == Action.status) {
                cli.operator();
            } else {
                Operator op = cli.require(Permission.SWITCH_DISASTER_MODE);
                boolean was = sync.disasterMode();
                sync.setDisasterMode(op, action == Action.on);
                if (was != (action == Action.on)) {
                    cli.log(AccessKind.SETTING, "sync.disaster", "disaster mode " + action);
                }
            }
            boolean on = sync.disasterMode();
            String configured = sync.centralAddress();
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("disasterMode", on);
                doc.put("since", time(sync.disasterSince()));
                doc.put("dataAsOf", time(sync.dataAsOf()));
                doc.put("centralAddress", configured.isEmpty() ? null : configured);
                cli.printJson(doc);
            } else {
                if (configured.isEmpty()) {
                    cli.out.println("Sync        not configured (sync.url): this terminal works on its own database");
                } else {
                    cli.out.println("Central     " + configured);
                }
                cli.out.println("Disaster    " + (on ? "ON since " + time(sync.disasterSince()) + ": no sync until switched off"
                        : "off"));
                cli.out.println("Data as of  " + Optional.ofNullable(time(sync.dataAsOf())).orElse("(never pulled from the central server)"));
            }
            return KibanCli.OK;
        }
    }
}
