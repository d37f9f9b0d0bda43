package jp.kiban.healthinsurance.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** kokuho_income: 所得 per person and fiscal year; id = {@code <fiscal year>:<宛名番号>}. */
@Entity(name = "KokuhoIncome")
@Table(name = "kokuho_income")
public class IncomeEntity {
    @Id
    String id;
    @Column(name = "fiscal_year", nullable = false)
    int fiscalYear;
    @Column(name = "addressee_number", nullable = false)
    String addresseeNumber;
    @Column(name = "total_income", nullable = false)
    long totalIncome;
    @Column(name = "wage_earner", nullable = false)
    boolean wageEarner;
    @Column(nullable = false)
    String source;
    @Column(name = "updated_by", nullable = false)
    String updatedBy;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public IncomeEntity() {
        // for JPA
    }

    static String id(int fiscalYear, String person) {
        return fiscalYear + ":" + person;
    }
}
