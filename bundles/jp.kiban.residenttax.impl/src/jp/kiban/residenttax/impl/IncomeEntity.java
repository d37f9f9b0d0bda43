package jp.kiban.residenttax.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** juminzei_income: 所得・控除 per person and tax year; id = {@code <tax year>:<宛名番号>}. */
@Entity(name = "JuminzeiIncome")
@Table(name = "juminzei_income")
public class IncomeEntity {
    @Id
    String id;
    @Column(name = "tax_year", nullable = false)
    int taxYear;
    @Column(name = "addressee_number", nullable = false)
    String addresseeNumber;
    @Column(name = "salary_revenue", nullable = false)
    long salaryRevenue;
    @Column(name = "other_income", nullable = false)
    long otherIncome;
    @Column(name = "social_insurance", nullable = false)
    long socialInsurance;
    @Column(nullable = false)
    String spouse;
    @Column(name = "dependents_under16", nullable = false)
    int dependentsUnder16;
    @Column(name = "dependents_general", nullable = false)
    int dependentsGeneral;
    @Column(name = "dependents_specific", nullable = false)
    int dependentsSpecific;
    @Column(name = "dependents_elderly", nullable = false)
    int dependentsElderly;
    @Column(name = "dependents_elderly_cohabiting", nullable = false)
    int dependentsElderlyCohabiting;
    @Column(nullable = false)
    boolean disabled;
    @Column(name = "single_status", nullable = false)
    String singleStatus;
    @Column(name = "public_assistance", nullable = false)
    boolean publicAssistance;
    @Column(nullable = false)
    String source;
    @Column(name = "updated_by", nullable = false)
    String updatedBy;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public IncomeEntity() {
        // for JPA
    }
}
