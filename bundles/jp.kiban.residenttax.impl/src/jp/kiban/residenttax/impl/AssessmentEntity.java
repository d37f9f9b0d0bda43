package jp.kiban.residenttax.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** juminzei_assessment: the batch's result per taxpayer and tax year; id = {@code <tax year>:<宛名番号>}. */
@Entity(name = "JuminzeiAssessment")
@Table(name = "juminzei_assessment")
public class AssessmentEntity {
    @Id
    String id;
    @Column(name = "tax_year", nullable = false)
    int taxYear;
    @Column(name = "addressee_number", nullable = false)
    String addresseeNumber;
    @Column(name = "municipal_tax", nullable = false)
    long municipalTax;
    @Column(name = "prefectural_tax", nullable = false)
    long prefecturalTax;
    @Column(name = "forest_tax", nullable = false)
    long forestTax;
    @Column(name = "annual_tax", nullable = false)
    long annualTax;
    @Column(nullable = false)
    String exemption;
    @Column(name = "computed_at", nullable = false)
    Instant computedAt;

    public AssessmentEntity() {
        // for JPA
    }
}
