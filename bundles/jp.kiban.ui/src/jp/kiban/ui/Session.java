package jp.kiban.ui;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.e4.core.di.annotations.Creatable;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Operator;

/**
 * Who works at this desk client: set by the login dialog (jp.kiban.security's {@code Authentication})
 * before the main window shows, and again after the screen was locked. Business UIs pass
 * {@link #operator()} on every service call; the services check the permissions.
 */
@Creatable
@Singleton
public class Session {
    private final String terminal;
    private volatile Operator operator;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Inject
    public Session(KibanEnvironment environment) {
        terminal = environment.setting("terminal.id", hostName());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "desk";
        }
    }

    /** The terminal id recorded in the access log: setting {@code terminal.id}, else the host name. */
    public String terminal() {
        return terminal;
    }

    /** The logged-in operator; throws if nobody is logged in (no business screen is reachable then). */
    public Operator operator() {
        Operator o = operator;
        if (o == null) {
            throw new IllegalStateException("Nobody is logged in at this desk");
        }
        return o;
    }

    public Optional<Operator> current() {
        return Optional.ofNullable(operator);
    }

    /** Called by the login dialog. */
    public void loggedIn(Operator o) {
        operator = o;
        listeners.forEach(Runnable::run);
    }

    /** Runs (on the caller's thread) after each login. */
    public void onLogin(Runnable listener) {
        listeners.add(listener);
    }
}
