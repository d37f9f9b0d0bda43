package jp.kiban.healthinsurance.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** kokuho_assessment: the batch's result per household and fiscal year; id = {@code <fy>:<世帯番号>}. */
@Entity(name = "KokuhoAssessment")
@Table(name = "kokuho_assessment")
public class AssessmentEntity {
    @Id
    String id;
    @Column(name = "fiscal_year", nullable = false)
    int fiscalYear;
    @Column(name = "household_number", nullable = false)
    String householdNumber;
    @Column(name = "annual_tax", nullable = false)
    long annualTax;
    @Column(nullable = false)
    long medical;
    @Column(nullable = false)
    long support;
    @Column(nullable = false)
    long care;
    @Column(name = "reduction_tenths", nullable = false)
    int reductionTenths;
    @Column(name = "computed_at", nullable = false)
    Instant computedAt;

    public AssessmentEntity() {
        // for JPA
    }
}
