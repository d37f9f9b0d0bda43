package jp.kiban.cli.spi;

/**
 * A module's own subcommand of {@code kiban cli}, registered as an OSGi service (a DS component) by the module's
 * bundle. The command line adds every registered contribution as a top-level subcommand, so a business installed
 * by the administrator brings its commands with it (e.g. {@code kiban cli kokuho batch --year 2026}) and the core
 * CLI never names a business.
 *
 * <p>The returned object is a picocli command: a class annotated with {@code @picocli.CommandLine.Command} whose
 * {@code name} is the subcommand (use the business id), with its own subcommands and options. Messages are in
 * English; failures are thrown as exceptions (the CLI prints {@code error: <message>}, writes the access log and
 * exits with 1). Use {@link JsonOption} as a {@code @Mixin} for {@code --json}.
 *
 * <p>A contribution whose name is already taken (by a core command or another module) is skipped with a warning.
 */
public interface CliContribution {

    /**
     * A new command object for this run of the command line.
     *
     * @param context the running command line: login, services, output
     */
    Object command(CliContext context);
}
