package jp.kiban.security.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of security_user; the API type is {@link jp.kiban.security.UserAccount} (without the secrets). */
@Entity(name = "SecurityUser")
@Table(name = "security_user")
public class UserEntity {
    @Id
    String id;
    @Column(nullable = false)
    String name;
    @Column(name = "unit_code", nullable = false)
    String unitCode;
    /** Comma-separated {@link jp.kiban.platform.Role} names. */
    @Column(nullable = false)
    String roles;
    /** Comma-separated business ids. */
    @Column(nullable = false)
    String businesses;
    @Column(name = "password_hash", nullable = false)
    String passwordHash;
    @Column(name = "must_change_password", nullable = false)
    boolean mustChangePassword;
    @Column(name = "password_changed_at", nullable = false)
    Instant passwordChangedAt;
    @Column(nullable = false)
    boolean enabled;
    @Column(nullable = false)
    boolean locked;
    @Column(name = "failed_logins", nullable = false)
    int failedLogins;
    @Column(name = "second_factor_kind")
    String secondFactorKind;
    @Column(name = "second_factor_data")
    String secondFactorData;
    @Column(name = "second_factor_last", nullable = false)
    long secondFactorLast = -1;
    @Column(name = "last_login_at")
    Instant lastLoginAt;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public UserEntity() {
        // for JPA
    }
}
