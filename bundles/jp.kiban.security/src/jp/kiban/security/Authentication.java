package jp.kiban.security;

import jp.kiban.platform.Operator;

/**
 * Login. Failed attempts are counted per user; after {@code security.lockout.attempts} (default 5)
 * the account is locked until an administrator unlocks it. Every attempt, good or bad, is written to
 * the access log. An unknown id and a wrong password get the same message.
 */
public interface Authentication {

    /**
     * Checks the credentials and returns the operator with the roles and businesses of the user and
     * of the user's unit.
     *
     * @param secondFactor the code or device response if the user has a second factor; null or empty
     *                     to learn whether one is needed ({@code login.secondFactorRequired})
     * @throws SecurityRefusal {@code login.failed}, {@code login.locked}, {@code login.disabled},
     *                           {@code login.secondFactorRequired}, {@code login.secondFactorWrong}, or
     *                           an input refusal
     */
    Login login(String id, char[] password, String secondFactor, String terminal);

    /** Records the end of a session (logout, quit, idle lock) in the access log. */
    void logout(Operator operator, String why);

    /**
     * @param operator           who logged in
     * @param mustChangePassword the password is an initial one (set by an administrator) and must be changed now
     */
    record Login(Operator operator, boolean mustChangePassword) {
    }
}
