package jp.kiban.addressee.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A range of serial numbers this installation may hand out. */
@Entity
@Table(name = "addressee_number_range")
public class NumberRangeEntity {
    @Id
    private String name;
    @Column(name = "next_serial", nullable = false)
    private long nextSerial;
    @Column(name = "last_serial", nullable = false)
    private long lastSerial;

    public NumberRangeEntity() {
        // for JPA
    }

    String getName() {
        return name;
    }

    long getNextSerial() {
        return nextSerial;
    }

    void setNextSerial(long nextSerial) {
        this.nextSerial = nextSerial;
    }

    long getLastSerial() {
        return lastSerial;
    }
}
