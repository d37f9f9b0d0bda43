package jp.kiban.addressee.impl;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kiban.addressee.TownEntry;
import jp.kiban.core.address.PostalCode;

/** One 町字 of the 住所辞書. */
@Entity(name = "AddresseeTown")
@Table(name = "addressee_town")
public class TownEntity {
    @Id
    @Column(name = "town_code", length = 12)
    private String code;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(nullable = false, length = 100)
    private String kana;
    @Column(name = "postal_code", length = 7)
    private String postalCode;
    @Column(length = 100)
    private String municipality;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    public TownEntity() {
        // for JPA
    }

    TownEntity(String code) {
        this.code = code;
    }

    void set(TownEntry e, String operator, Instant now) {
        name = e.name();
        kana = e.kana();
        postalCode = e.postalCode().map(PostalCode::value).orElse(null);
        municipality = e.municipality().orElse(null);
        updatedAt = now;
        updatedBy = operator;
    }

    TownEntry toEntry() {
        return new TownEntry(code, name, kana, Optional.ofNullable(postalCode).map(PostalCode::of),
                Optional.ofNullable(municipality));
    }
}
