package jp.kiban.ui;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Creatable;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;

/**
 * Who works at this desk client. Until login exists (the security issue), the operator comes from
 * the settings {@code operator.id}, {@code operator.name} and {@code operator.roles} (comma separated
 * {@link Role} names); defaults: the OS user, and in demo mode the roles 窓口 + 審査 so that one person
 * can try the whole 仮登録 → 本登録 flow, otherwise 窓口 only.
 */
@Creatable
@Singleton
public class Session {
    private final Operator operator;

    @Inject
    public Session(KibanEnvironment environment) {
        String id = environment.setting("operator.id", System.getProperty("user.name", "counter"));
        String name = environment.setting("operator.name", id);
        String defaultRoles = environment.demoMode() ? "COUNTER,SUPERVISOR" : "COUNTER";
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : environment.setting("operator.roles", defaultRoles).split(",")) {
            if (!r.isBlank()) {
                roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
            }
        }
        operator = new Operator(id, name, terminal(), roles);
    }

    private static String terminal() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "desk";
        }
    }

    public Operator operator() {
        return operator;
    }
}
