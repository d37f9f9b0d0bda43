package jp.kiban.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * Things that are allowed per role. Business modules check {@link Operator#mayWorkIn(String)} on top of
 * {@link #WORK_IN_BUSINESS}: a 国保 user cannot open 児童手当.
 */
public enum Permission {
    /** Search and view residents. */
    VIEW_RESIDENTS(EnumSet.of(Role.COUNTER, Role.BUSINESS, Role.SUPERVISOR, Role.ADMINISTRATOR)),
    /** Use and see the 個人番号 (マイナンバー利用事務 only). */
    USE_INDIVIDUAL_NUMBER(EnumSet.of(Role.COUNTER, Role.SUPERVISOR)),
    /** Register a change (異動) as provisional (仮登録). */
    REGISTER_CHANGE(EnumSet.of(Role.COUNTER, Role.SUPERVISOR)),
    /** Confirm or reject a provisional change (本登録). */
    CONFIRM_CHANGE(EnumSet.of(Role.SUPERVISOR)),
    /** See the reasons of a 支援措置 (DV etc.); others see only that certificates are blocked. */
    VIEW_SUPPORT_MEASURE_REASONS(EnumSet.of(Role.SUPERVISOR)),
    /** Resolve synchronisation conflicts in the review queue. */
    RESOLVE_SYNC_CONFLICTS(EnumSet.of(Role.SUPERVISOR)),
    /** Switch 災害モード on or off at a terminal (stop syncing, work on the local replica). */
    SWITCH_DISASTER_MODE(EnumSet.of(Role.SUPERVISOR, Role.ADMINISTRATOR)),
    /** Work in a business module; which ones is {@link Operator#businesses()}. */
    WORK_IN_BUSINESS(EnumSet.of(Role.BUSINESS)),
    /** Import, export, settings. */
    ADMINISTER(EnumSet.of(Role.ADMINISTRATOR)),
    /** Add users, set their roles, unlock them, reset passwords. */
    MANAGE_USERS(EnumSet.of(Role.ADMINISTRATOR)),
    /** Read, verify, analyse and export the access log. */
    READ_ACCESS_LOG(EnumSet.of(Role.AUDITOR));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
