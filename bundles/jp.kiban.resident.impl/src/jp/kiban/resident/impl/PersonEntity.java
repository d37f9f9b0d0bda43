package jp.kiban.resident.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Per person: the highest confirmed 履歴番号 (null before the first confirmation) and the pending change. */
@Entity(name = "ResidentPerson")
@Table(name = "resident_person")
public class PersonEntity {
    @Id
    @Column(name = "addressee_number", length = 11)
    String addresseeNumber;
    @Column(name = "current_history")
    Integer currentHistory;
    @Column(name = "pending_change_id")
    String pendingChangeId;

    public PersonEntity() {
        // for JPA
    }

    PersonEntity(String addresseeNumber) {
        this.addresseeNumber = addresseeNumber;
    }
}
