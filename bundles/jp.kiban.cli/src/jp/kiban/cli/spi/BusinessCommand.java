package jp.kiban.cli.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.kiban.platform.Operator;
import picocli.CommandLine;

/**
 * The top-level command of a business's {@link CliContribution} ({@code kiban cli kokuho …}): without a subcommand
 * it prints its usage. Subclasses carry the {@code @Command} annotation and the subcommands.
 */
public abstract class BusinessCommand implements Runnable {
    protected final CliContext context;
    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    protected BusinessCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /** Who runs the command; the business's services check what they may do (staff, supervisors, administrators). */
    protected Operator operator() {
        return context.operator();
    }

    /** Writes a PDF the command made and says where. */
    protected void writePdf(Path out, byte[] pdf) {
        try {
            Files.write(out, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.out().printf("Wrote %s (%d bytes)%n", out, pdf.length);
    }
}
