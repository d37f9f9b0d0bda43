package jp.kiban.platform;

import java.util.Objects;
import java.util.Set;

/**
 * Who does something: recorded on every change and in the access log. In the desk client and the CLI
 * it comes from the login (jp.kiban.security's {@code Authentication}); roles and businesses are the
 * user's own plus those of the user's organisation unit.
 *
 * @param id         the login id, e.g. {@code tanaka}
 * @param name       the display name, e.g. 田中 一郎
 * @param terminal   the terminal id, e.g. {@code counter-01}
 * @param roles      what the operator may do
 * @param businesses the business modules a {@link Role#BUSINESS} operator works in, e.g. {@code kokuho}
 */
public record Operator(String id, String name, String terminal, Set<Role> roles, Set<String> businesses) {
    public Operator {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("operator id is required");
        }
        name = name == null ? id : name;
        terminal = terminal == null ? "" : terminal;
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        businesses = businesses == null ? Set.of() : Set.copyOf(businesses);
    }

    /** An operator without business modules. */
    public Operator(String id, String name, String terminal, Set<Role> roles) {
        this(id, name, terminal, roles, Set.of());
    }

    public boolean may(Permission permission) {
        return roles.stream().anyMatch(permission::grantedTo);
    }

    /**
     * True if this operator is business staff of the given business module (its id, e.g. {@code kokuho}
     * for 国民健康保険). Business services check this on every call, not only their UI.
     */
    public boolean mayWorkIn(String business) {
        return may(Permission.WORK_IN_BUSINESS) && businesses.contains(business);
    }

    /** The operator of batch jobs and system-initiated work. */
    public static Operator system() {
        return new Operator("system", "システム", "", Set.of(Role.ADMINISTRATOR, Role.SUPERVISOR));
    }
}
