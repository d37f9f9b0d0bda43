package jp.kiban.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jp.kiban.platform.Role;

/**
 * A user as the administrator sees it (never the password hash or the second factor's secret).
 *
 * @param roles       the user's own roles (the unit's come on top at login)
 * @param businesses  the user's own business modules, e.g. {@code kokuho}
 * @param unit        the organisation unit (課/係) code, empty if none
 * @param secondFactor the kind of second factor enrolled (e.g. {@code totp}), empty if none
 */
public record UserAccount(String id, String name, String unit, Set<Role> roles, Set<String> businesses,
        boolean enabled, boolean locked, int failedLogins, Optional<String> secondFactor,
        boolean mustChangePassword, Instant passwordChangedAt, Optional<Instant> lastLoginAt) {
    public UserAccount {
        roles = Set.copyOf(roles);
        businesses = Set.copyOf(businesses);
    }
}
