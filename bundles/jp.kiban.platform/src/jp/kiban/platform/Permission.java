package jp.kiban.platform;

import java.util.EnumSet;
import java.util.Set;

/** Things that are allowed per role; the mapping is the default until the security issue makes it configurable. */
public enum Permission {
    /** Search and view residents. */
    VIEW_RESIDENTS(EnumSet.allOf(Role.class)),
    /** Use and see the 個人番号 (マイナンバー利用事務 only). */
    USE_INDIVIDUAL_NUMBER(EnumSet.of(Role.COUNTER, Role.SUPERVISOR)),
    /** Register a change (異動) as provisional (仮登録). */
    REGISTER_CHANGE(EnumSet.of(Role.COUNTER, Role.SUPERVISOR)),
    /** Confirm or reject a provisional change (本登録). */
    CONFIRM_CHANGE(EnumSet.of(Role.SUPERVISOR)),
    /** Import, export, settings. */
    ADMINISTER(EnumSet.of(Role.ADMINISTRATOR));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
