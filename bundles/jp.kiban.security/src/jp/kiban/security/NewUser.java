package jp.kiban.security;

import java.util.Set;

import jp.kiban.platform.Role;

/**
 * What an administrator enters for a new user. The password is the initial one; the user must
 * change it at the first login.
 */
public record NewUser(String id, String name, String unit, Set<Role> roles, Set<String> businesses, char[] password) {
    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        businesses = businesses == null ? Set.of() : Set.copyOf(businesses);
        unit = unit == null ? "" : unit;
    }
}
