package jp.kiban.resident.impl;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a snapshot: 宛名番号 + 履歴番号. */
public class SnapshotId implements Serializable {
    private static final long serialVersionUID = 1L;

    String addresseeNumber;
    int historyNumber;

    public SnapshotId() {
        // for JPA
    }

    SnapshotId(String addresseeNumber, int historyNumber) {
        this.addresseeNumber = addresseeNumber;
        this.historyNumber = historyNumber;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotId s && s.historyNumber == historyNumber && Objects.equals(s.addresseeNumber, addresseeNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addresseeNumber, historyNumber);
    }
}
