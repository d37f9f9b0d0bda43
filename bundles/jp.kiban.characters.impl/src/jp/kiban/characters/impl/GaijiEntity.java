package jp.kiban.characters.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kiban.characters.GaijiMapping;

/** One row of the 外字 table. */
@Entity(name = "CharactersGaiji")
@Table(name = "characters_gaiji")
public class GaijiEntity {
    @Id
    @Column(name = "legacy_code_point")
    private int legacyCodePoint;
    @Column(name = "legacy_code", nullable = false, length = 16)
    private String legacyCode;
    @Column(nullable = false, length = 16)
    private String target;
    @Column(length = 200)
    private String note;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    public GaijiEntity() {
        // for JPA
    }

    GaijiEntity(int legacyCodePoint) {
        this.legacyCodePoint = legacyCodePoint;
    }

    boolean sameAs(GaijiMapping m) {
        return legacyCode.equals(m.legacyCode()) && target.equals(m.character())
                && (note == null ? "" : note).equals(m.note());
    }

    void set(GaijiMapping m, String operator, Instant now) {
        legacyCode = m.legacyCode();
        target = m.character();
        note = m.note().isEmpty() ? null : m.note();
        updatedAt = now;
        updatedBy = operator;
    }

    GaijiMapping toMapping() {
        return new GaijiMapping(legacyCodePoint, legacyCode, target, note == null ? "" : note);
    }
}
