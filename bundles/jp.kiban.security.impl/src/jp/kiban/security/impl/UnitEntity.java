package jp.kiban.security.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of security_unit: an organisation unit (課/係). */
@Entity(name = "SecurityUnit")
@Table(name = "security_unit")
public class UnitEntity {
    @Id
    String code;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String roles;
    @Column(nullable = false)
    String businesses;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public UnitEntity() {
        // for JPA
    }
}
