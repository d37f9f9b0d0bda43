package jp.kiban.healthinsurance.impl;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** kokuho_person: this business's copy of a resident it needs (insured persons and 国保世帯's heads). */
@Entity(name = "KokuhoPerson")
@Table(name = "kokuho_person")
public class PersonEntity {
    @Id
    @Column(name = "addressee_number")
    String addresseeNumber;
    @Column(name = "household_number", nullable = false)
    String householdNumber;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String furigana;
    @Column(name = "birth_date", nullable = false)
    LocalDate birthDate;
    @Column(nullable = false)
    String relationship;
    @Column(name = "is_head", nullable = false)
    boolean head;
    @Column(nullable = false)
    boolean resident;
    @Column(nullable = false)
    String address;
    @Column(name = "late_elderly_since")
    LocalDate lateElderlySince;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public PersonEntity() {
        // for JPA
    }
}
