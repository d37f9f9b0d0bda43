package jp.kiban.healthinsurance.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** kokuho_rate: one setting of one fiscal year; id = {@code <fiscal year>:<key>}. */
@Entity(name = "KokuhoRate")
@Table(name = "kokuho_rate")
public class RateEntity {
    @Id
    String id;
    @Column(name = "fiscal_year", nullable = false)
    int fiscalYear;
    @Column(name = "setting_key", nullable = false)
    String key;
    @Column(name = "setting_value", nullable = false)
    String value;
    @Column(name = "updated_by", nullable = false)
    String updatedBy;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public RateEntity() {
        // for JPA
    }
}
