package jp.kiban.security;

import java.util.Set;

import jp.kiban.platform.Role;

/**
 * An organisation unit (課 or 係), e.g. {@code juumin} 住民課 with the role 窓口, or {@code hoken} 保険年金課
 * with the business {@code kokuho}. Its members get its roles and businesses on top of their own.
 */
public record OrganisationUnit(String code, String name, Set<Role> roles, Set<String> businesses) {
    public OrganisationUnit {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        businesses = businesses == null ? Set.of() : Set.copyOf(businesses);
    }
}
