package jp.kiban.platform;

/**
 * What a user of the office may do. A user's roles are their own plus those of their organisation
 * unit (課/係); {@link Permission} maps roles to what is allowed, and every service call checks it.
 */
public enum Role {
    /** 窓口: searches, takes notifications (provisional), issues certificates. */
    COUNTER,
    /**
     * 業務担当: works in the business modules named in {@link Operator#businesses()} (e.g. {@code kokuho}),
     * reads the resident base.
     */
    BUSINESS,
    /** 審査・決裁: confirms or rejects provisional changes, sees 支援措置 reasons, resolves sync conflicts. */
    SUPERVISOR,
    /** システム管理者: users, installs, settings, imports. */
    ADMINISTRATOR,
    /** 監査: reads and verifies the access log; sees no resident data. */
    AUDITOR
}
