package jp.kiban.persistence.tests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of the test module (db/migration/testmod), living in this test bundle. */
@Entity
@Table(name = "t_order")
public class TestOrder {
    @Id
    private int id;
    @Column(nullable = false)
    private String note;
    @Column(name = "created_at")
    private Instant createdAt;

    public TestOrder() {
    }

    public TestOrder(int id, String note) {
        this.id = id;
        this.note = note;
        this.createdAt = Instant.parse("2024-04-01T00:00:00Z");
    }

    public int getId() {
        return id;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
