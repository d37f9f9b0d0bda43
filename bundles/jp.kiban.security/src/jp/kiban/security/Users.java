package jp.kiban.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;

/**
 * User administration. Every call names the operator and needs {@code MANAGE_USERS}
 * (administrator), except {@link #addFirstAdministrator} (allowed only while no user exists) and
 * {@link #changePassword} (the user's own, with the old password). Every change is written to the
 * access log. Bad input is refused with a {@link SecurityRefusal} and changes nothing.
 */
public interface Users {

    /** True once any user exists; until then the CLI runs as the data-folder owner (bootstrap). */
    boolean anyUser();

    /** The first administrator of a new installation; refused once any user exists. */
    UserAccount addFirstAdministrator(NewUser user, String terminal);

    UserAccount add(Operator admin, NewUser user);

    List<UserAccount> list(Operator admin);

    Optional<UserAccount> find(Operator admin, String id);

    /** Replaces the name, unit, roles and businesses of a user. */
    UserAccount update(Operator admin, String id, String name, String unit, Set<Role> roles, Set<String> businesses);

    /** Lifts a lockout after failed logins and resets the counter. */
    UserAccount unlock(Operator admin, String id);

    /** Disabled users cannot log in; they stay on record (the log names them). */
    UserAccount setEnabled(Operator admin, String id, boolean enabled);

    /** Sets a new initial password; the user must change it at the next login. */
    UserAccount resetPassword(Operator admin, String id, char[] newPassword);

    /** The user changes their own password; the old one must be right. */
    void changePassword(String id, char[] oldPassword, char[] newPassword, String terminal);

    /**
     * Enrols a second factor of the given kind (e.g. {@code totp}) for the user: the administrator
     * for anyone, or the user for themselves. Replaces an earlier one.
     */
    SecondFactor.Enrolment enrolSecondFactor(Operator operator, String userId, String kind);

    /** Removes the user's second factor (administrator). */
    UserAccount removeSecondFactor(Operator admin, String userId);

    /** The second-factor kinds installed (e.g. {@code totp}). */
    List<String> secondFactorKinds();

    List<OrganisationUnit> units(Operator admin);

    /** Adds or replaces an organisation unit. */
    OrganisationUnit saveUnit(Operator admin, OrganisationUnit unit);

    /**
     * The demo accounts with their passwords, for the login dialog: only in demo mode on the demo
     * town, else empty.
     */
    List<DemoAccount> demoAccounts();

    record DemoAccount(String id, String password, String description) {
    }
}
