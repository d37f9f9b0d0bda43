package jp.kiban.residenttax.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** juminzei_taxpayer: a taxpayer of one tax year; id = {@code <tax year>:<宛名番号>}. */
@Entity(name = "JuminzeiTaxpayer")
@Table(name = "juminzei_taxpayer")
public class TaxpayerEntity {
    @Id
    String id;
    @Column(name = "tax_year", nullable = false)
    int taxYear;
    @Column(name = "addressee_number", nullable = false)
    String addresseeNumber;
    @Column(nullable = false)
    String kind;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String furigana;
    @Column(name = "birth_date")
    LocalDate birthDate;
    @Column
    Boolean female;
    @Column(name = "postal_code", nullable = false)
    String postalCode;
    @Column(nullable = false)
    String address;
    @Column(name = "household_number")
    String householdNumber;
    @Column(name = "lives_in_town", nullable = false)
    boolean livesInTown;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public TaxpayerEntity() {
        // for JPA
    }

    static String id(int taxYear, String person) {
        return taxYear + ":" + person;
    }
}
