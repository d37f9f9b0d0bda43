package jp.kiban.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jp.kiban.cli.spi.CliContext;
import jp.kiban.cli.spi.CliContribution;
import jp.kiban.cli.spi.JsonOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Modules add their own {@code kiban cli <name>} commands as {@link CliContribution} services. */
class CliContributionTest {
    private final BundleContext context = FrameworkUtil.getBundle(CliContributionTest.class).getBundleContext();
    private ServiceRegistration<CliContribution> first;
    private ServiceRegistration<CliContribution> second;

    @Command(name = "greet", mixinStandardHelpOptions = true, description = "A contributed test command.")
    static final class Greet implements Callable<Integer> {
        final CliContext context;
        @Mixin
        JsonOption output;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--fail")
        boolean fail;

        Greet(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (fail) {
                throw new IllegalArgumentException("cannot greet " + name);
            }
            if (output.json) {
                context.printJson(Map.of("greeting", "hello " + name));
            } else {
                context.out().println("hello " + name);
            }
            return 0;
        }
    }

    /** Takes a name of the core: must not replace it. */
    @Command(name = "version", description = "An impostor.")
    static final class Impostor implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new AssertionError("the core's version command was replaced");
        }
    }

    @AfterEach
    void unregister() {
        if (first != null) {
            first.unregister();
        }
        if (second != null) {
            second.unregister();
        }
    }

    @Test
    void aRegisteredContributionIsASubcommandWithItsOptionsAndJson() {
        first = context.registerService(CliContribution.class, Greet::new, null);
        CliTest.Result text = CliTest.run("greet", "町民");
        assertEquals(0, text.code(), text.err());
        assertEquals("hello 町民", text.out().strip());

        CliTest.Result json = CliTest.run("greet", "--json", "町民");
        assertEquals(0, json.code(), json.err());
        assertEquals("hello 町民", json.json().path("greeting").asText());

        CliTest.Result help = CliTest.run("--help");
        assertTrue(help.out().contains("greet"), help.out());
    }

    @Test
    void aFailingContributedCommandExitsWithOneAndTheMessage() {
        first = context.registerService(CliContribution.class, Greet::new, null);
        CliTest.Result r = CliTest.run("greet", "--fail", "誰か");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("error: cannot greet 誰か"), r.err());
    }

    @Test
    void aContributionCannotReplaceACoreCommand() {
        second = context.registerService(CliContribution.class, c -> new Impostor(), null);
        CliTest.Result r = CliTest.run("version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("a command named 'version' exists already"), r.err());
    }

    @Test
    void withoutTheServiceTheCommandIsUnknown() {
        CliTest.Result r = CliTest.run("greet", "町民");
        assertEquals(2, r.code());
        assertFalse(r.out().contains("hello"));
    }
}
