package jp.kiban.platform;

import java.util.Objects;
import java.util.Set;

/**
 * Who does something: recorded on every change and (with the security issue) in the access log.
 *
 * @param id       the login id, e.g. {@code tanaka}
 * @param name     the display name, e.g. 田中 一郎
 * @param terminal the terminal id, e.g. {@code counter-01}
 * @param roles    what the operator may do
 */
public record Operator(String id, String name, String terminal, Set<Role> roles) {
    public Operator {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("operator id is required");
        }
        name = name == null ? id : name;
        terminal = terminal == null ? "" : terminal;
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    }

    public boolean may(Permission permission) {
        return roles.stream().anyMatch(permission::grantedTo);
    }

    /** The operator of batch jobs and system-initiated work. */
    public static Operator system() {
        return new Operator("system", "システム", "", Set.of(Role.ADMINISTRATOR, Role.SUPERVISOR));
    }
}
