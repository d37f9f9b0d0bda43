package jp.kiban.residenttax.impl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** juminzei_setting: the town's settings of this business (級地). */
@Entity(name = "JuminzeiSetting")
@Table(name = "juminzei_setting")
public class SettingEntity {
    @Id
    @Column(name = "setting_key")
    String key;
    @Column(name = "setting_value", nullable = false)
    String value;
    @Column(name = "updated_by", nullable = false)
    String updatedBy;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public SettingEntity() {
        // for JPA
    }
}
