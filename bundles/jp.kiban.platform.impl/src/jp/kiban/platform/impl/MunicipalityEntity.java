package jp.kiban.platform.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of kiban_municipality; the domain type is {@link jp.kiban.platform.Municipality}. */
@Entity
@Table(name = "kiban_municipality")
public class MunicipalityEntity {
    static final int SINGLE_ROW = 1;

    @Id
    private int id = SINGLE_ROW;
    @Column(nullable = false, length = 6)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "mayor_title", nullable = false)
    private String mayorTitle;
    @Column(name = "mayor_name", nullable = false)
    private String mayorName;
    @Column(nullable = false)
    private boolean demo;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public MunicipalityEntity() {
        // for JPA
    }

    String getCode() {
        return code;
    }

    void setCode(String code) {
        this.code = code;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getMayorTitle() {
        return mayorTitle;
    }

    void setMayorTitle(String mayorTitle) {
        this.mayorTitle = mayorTitle;
    }

    String getMayorName() {
        return mayorName;
    }

    void setMayorName(String mayorName) {
        this.mayorName = mayorName;
    }

    boolean isDemo() {
        return demo;
    }

    void setDemo(boolean demo) {
        this.demo = demo;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
