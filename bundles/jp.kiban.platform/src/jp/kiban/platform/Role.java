package jp.kiban.platform;

/**
 * What a user of the office may do. The security issue enforces them (login, access log); the
 * resident base already asks through {@link Operator#may(Permission)} so the hook is in place.
 */
public enum Role {
    /** 窓口: searches, takes notifications (provisional), issues certificates. */
    COUNTER,
    /** 業務担当: works in a business module, reads the resident base. */
    BUSINESS,
    /** 審査・決裁: confirms or rejects provisional changes. */
    SUPERVISOR,
    /** システム管理者: settings, modules, users, imports. */
    ADMINISTRATOR
}
