package jp.kiban.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that only groups others ({@code db}, {@code resident} …): alone it shows its usage and exits 2. */
abstract class GroupCommand implements Callable<Integer> {
    @ParentCommand
    KibanCli.Root root;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.cli.err);
        root.cli.err.println();
        root.cli.err.println("error: a " + spec.name() + " command is required ("
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()) + ")");
        return KibanCli.USAGE;
    }
}
