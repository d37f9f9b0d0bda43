package jp.kiban.resident.impl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of resident_snapshot (see V001__resident_register.sql); converted by {@link Draft}. */
@Entity(name = "ResidentSnapshot")
@Table(name = "resident_snapshot")
@IdClass(SnapshotId.class)
public class SnapshotEntity {
    @Id
    @Column(name = "addressee_number")
    String addresseeNumber;
    @Id
    @Column(name = "history_number")
    int historyNumber;
    @Column(name = "change_id")
    String changeId;
    @Column(name = "confirmed")
    boolean confirmed;
    @Column(name = "valid_from")
    LocalDate validFrom;
    @Column(name = "status")
    String status;
    @Column(name = "resident_type")
    String residentType;
    @Column(name = "family_name")
    String familyName;
    @Column(name = "given_name")
    String givenName;
    @Column(name = "furigana")
    String furigana;
    @Column(name = "former_surname")
    String formerSurname;
    @Column(name = "former_surname_furigana")
    String formerSurnameFurigana;
    @Column(name = "common_family_name")
    String commonFamilyName;
    @Column(name = "common_given_name")
    String commonGivenName;
    @Column(name = "common_name_furigana")
    String commonNameFurigana;
    @Column(name = "alphabet_name")
    String alphabetName;
    @Column(name = "birth_date")
    String birthDate;
    @Column(name = "birth_sort")
    int birthSort;
    @Column(name = "sex")
    String sex;
    @Column(name = "domicile")
    String domicile;
    @Column(name = "domicile_head")
    String domicileHead;
    @Column(name = "nationality")
    String nationality;
    @Column(name = "foreign_category")
    String foreignCategory;
    @Column(name = "residence_status")
    String residenceStatus;
    @Column(name = "period_of_stay")
    String periodOfStay;
    @Column(name = "stay_expires_on")
    LocalDate stayExpiresOn;
    @Column(name = "card_number")
    String cardNumber;
    @Column(name = "individual_number")
    String individualNumber;
    @Column(name = "resident_record_code")
    String residentRecordCode;
    @Column(name = "household_number")
    String householdNumber;
    @Column(name = "relationship")
    String relationship;
    @Column(name = "head_family_name")
    String headFamilyName;
    @Column(name = "head_given_name")
    String headGivenName;
    @Column(name = "prefecture")
    String prefecture;
    @Column(name = "municipality")
    String municipality;
    @Column(name = "lg_code")
    String lgCode;
    @Column(name = "town")
    String town;
    @Column(name = "lot_number")
    String lotNumber;
    @Column(name = "building")
    String building;
    @Column(name = "postal_code")
    String postalCode;
    @Column(name = "address_since")
    LocalDate addressSince;
    @Column(name = "became_resident_on")
    LocalDate becameResidentOn;
    @Column(name = "previous_address")
    String previousAddress;
    @Column(name = "address_notified_on")
    LocalDate addressNotifiedOn;
    @Column(name = "cert_lg_code")
    String certLgCode;
    @Column(name = "cert_planned_date")
    LocalDate certPlannedDate;
    @Column(name = "cert_destination")
    String certDestination;
    @Column(name = "planned_move_out")
    LocalDate plannedMoveOut;
    @Column(name = "move_out_destination")
    String moveOutDestination;
    @Column(name = "removed_on")
    LocalDate removedOn;
    @Column(name = "furigana_key")
    String furiganaKey;
    @Column(name = "name_key")
    String nameKey;
    @Column(name = "address_key")
    String addressKey;

    public SnapshotEntity() {
        // for JPA
    }

    /**
     * Every column of the row by its column name (dates as ISO text): the payload of the outbox entry
     * that ships this snapshot to the central store. The search keys are derived data and left out.
     */
    Map<String, Object> columns() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Field f : SnapshotEntity.class.getDeclaredFields()) {
            Column c = f.getAnnotation(Column.class);
            if (c == null || c.name().endsWith("_key") || Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                Object v = f.get(this);
                m.put(c.name(), v instanceof LocalDate d ? d.toString() : v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    /**
     * The row back from {@link #columns()} (a snapshot pulled from the central store): unknown columns are
     * ignored, missing ones stay empty; the search keys are derived again by the caller.
     *
     * @throws IllegalArgumentException when a value has the wrong type
     */
    static SnapshotEntity fromColumns(Map<String, ?> columns) {
        SnapshotEntity e = new SnapshotEntity();
        for (Field f : SnapshotEntity.class.getDeclaredFields()) {
            Column c = f.getAnnotation(Column.class);
            if (c == null || c.name().endsWith("_key") || Modifier.isStatic(f.getModifiers()) || !columns.containsKey(c.name())) {
                continue;
            }
            Object v = columns.get(c.name());
            try {
                if (v == null) {
                    if (!f.getType().isPrimitive()) {
                        f.set(e, null);
                    }
                } else if (f.getType() == LocalDate.class) {
                    f.set(e, LocalDate.parse(v.toString()));
                } else if (f.getType() == int.class) {
                    f.setInt(e, ((Number) v).intValue());
                } else if (f.getType() == boolean.class) {
                    f.setBoolean(e, (Boolean) v);
                } else {
                    f.set(e, v.toString());
                }
            } catch (IllegalAccessException | ClassCastException | java.time.format.DateTimeParseException bad) {
                throw new IllegalArgumentException("snapshot column " + c.name() + ": " + v, bad);
            }
        }
        return e;
    }
}
