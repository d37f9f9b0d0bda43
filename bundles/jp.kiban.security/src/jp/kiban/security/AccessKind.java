package jp.kiban.security;

/** What an access-log entry records (spec 10.2: 照会, 帳票, 異動, 認証, 印刷, 設定変更, エラー …). */
public enum AccessKind {
    /** 認証: a successful login. */
    LOGIN,
    /** 認証: a failed login (wrong id, password or second factor, locked, disabled). */
    LOGIN_FAILED,
    /** 認証: logout, quit or idle lock. */
    LOGOUT,
    /** 照会: a search (the hits are the persons). */
    SEARCH,
    /** 照会: a view of a person (detail, history, household). */
    VIEW,
    /** 異動: a change registered, confirmed or rejected. */
    CHANGE,
    /** 帳票: a certificate issued. */
    CERTIFICATE,
    /** 印刷: other printed output (lists, labels). */
    PRINT,
    /** データ出力: an export (CSV, batch). */
    EXPORT,
    /** データ取込: an import. */
    IMPORT,
    /** 設定変更: settings, the municipality, installed modules. */
    SETTING,
    /** 利用者管理: users, roles, units, passwords. */
    USER_ADMIN,
    /** 監査: the access log itself was read, verified or exported. */
    AUDIT,
    /** 権限なし: a call refused for lack of permission. */
    REFUSED,
    /** エラー: an operation failed. */
    ERROR
}
