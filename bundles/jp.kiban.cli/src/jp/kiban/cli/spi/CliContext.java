package jp.kiban.cli.spi;

import java.io.PrintStream;

import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.security.AccessKind;

/** What a contributed command gets from the running {@code kiban cli}. */
public interface CliContext {

    /**
     * Who runs the command: logs in with {@code --user} and {@code KIBAN_PASSWORD} (or a prompt) the first time it
     * is called; {@link Operator#system()} while no user exists. Throws with an English message when login fails.
     */
    Operator operator();

    /** {@link #operator()}, refused (access-logged) unless it has the permission. The services check again. */
    Operator require(Permission permission);

    /**
     * {@link #operator()}, refused (access-logged, {@code SecurityRefusal}) unless it may work in the business, by
     * the same rule as the business's services ({@code Authorisation.requireBusiness}).
     */
    Operator requireBusiness(String business);

    /** A service from the OSGi registry, waiting a bounded time for it to start; throws if it never comes. */
    <T> T service(Class<T> type);

    /** Standard output (UTF-8). */
    PrintStream out();

    /** Standard error (UTF-8): warnings and progress. */
    PrintStream err();

    /** Prints one JSON document (Jackson: records, maps, lists) on standard output. */
    void printJson(Object document);

    /** Writes one entry to the access log when someone is logged in; never fails the command. */
    void audit(AccessKind kind, String action, String detail);
}
