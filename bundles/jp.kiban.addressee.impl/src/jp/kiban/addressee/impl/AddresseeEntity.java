package jp.kiban.addressee.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One 宛名番号 and its kind. */
@Entity
@Table(name = "addressee")
public class AddresseeEntity {
    @Id
    @Column(name = "addressee_number", length = 11)
    private String number;
    @Column(nullable = false, length = 20)
    private String kind;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public AddresseeEntity() {
        // for JPA
    }

    AddresseeEntity(String number, String kind, Instant now) {
        this.number = number;
        this.kind = kind;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String getNumber() {
        return number;
    }

    String getKind() {
        return kind;
    }

    void setKind(String kind, Instant now) {
        this.kind = kind;
        this.updatedAt = now;
    }
}
