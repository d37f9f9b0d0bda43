package jp.kiban.ui;

/**
 * Names shared by the shell, business bundles and UI tests. Widgets carry a stable key under
 * {@link #KEY} ({@code widget.setData(UiKeys.KEY, "...")}) so tests find them without relying on
 * labels or positions.
 */
public final class UiKeys {
    /** The SWT data key holding a widget's stable id. */
    public static final String KEY = "kiban.id";

    /** Tag of a PartDescriptor to be listed in the navigation; its category is the group label. */
    public static final String NAVIGATION_TAG = "kiban.navigation";
    /** The part stack where business parts open. */
    public static final String MAIN_STACK_ID = "jp.kiban.ui.partstack.main";
    /** Menu that business bundles add their entries to (model fragment parentElementId). */
    public static final String BUSINESS_MENU_ID = "jp.kiban.ui.menu.business";

    public static final String NAVIGATION_TREE = "navigation.tree";
    public static final String STATUS_MUNICIPALITY = "status.municipality";
    public static final String STATUS_DATABASE = "status.database";
    public static final String STATUS_CONNECTION = "status.connection";
    public static final String HOME_TITLE = "home.title";
    public static final String HOME_MESSAGE = "home.message";
    public static final String SYSTEM_TABLE = "system.table";
    public static final String CONFORMANCE_SUMMARY = "conformance.summary";
    public static final String CONFORMANCE_REFUSED = "conformance.refused";
    public static final String CONFORMANCE_TABLE = "conformance.table";
    public static final String STATUS_OPERATOR = "status.operator";
    public static final String FEATURES_MESSAGE = "features.message";
    public static final String FEATURES_INSTALLED = "features.installed";
    public static final String FEATURES_REPOSITORY = "features.repository";
    public static final String FEATURES_LOAD = "features.load";
    public static final String FEATURES_AVAILABLE = "features.available";
    public static final String FEATURES_INSTALL = "features.install";
    public static final String FEATURES_UNINSTALL = "features.uninstall";
    public static final String FEATURES_CANCEL = "features.cancel";
    public static final String FEATURES_PROGRESS = "features.progress";
    /** The 災害モード banner at the top of the main window (shown only while 災害モード is on). */
    public static final String DISASTER_BANNER = "disaster.banner";
    public static final String DISASTER_BANNER_DETAIL = "disaster.banner.detail";

    public static final String BACKUP_FOLDER = "backup.folder";
    public static final String BACKUP_RUN = "backup.run";
    public static final String BACKUP_PROGRESS = "backup.progress";
    public static final String BACKUP_MESSAGE = "backup.message";
    public static final String RESTORE_FOLDER = "restore.folder";
    public static final String RESTORE_CHECK = "restore.check";
    public static final String RESTORE_RUN = "restore.run";
    public static final String RESTORE_MESSAGE = "restore.message";
    public static final String RESTORE_QUIT = "restore.quit";

    public static final String LOGIN_SHELL = "login.shell";
    public static final String LOGIN_NOTICE = "login.notice";
    public static final String LOGIN_ID = "login.id";
    public static final String LOGIN_PASSWORD = "login.password";
    public static final String LOGIN_CODE = "login.code";
    public static final String LOGIN_MESSAGE = "login.message";
    public static final String LOGIN_OK = "login.ok";
    public static final String LOGIN_QUIT = "login.quit";
    public static final String LOGIN_DEMO = "login.demo";

    public static final String AUDIT_PERSON = "audit.person";
    public static final String AUDIT_OPERATOR = "audit.operator";
    public static final String AUDIT_FROM = "audit.from";
    public static final String AUDIT_TO = "audit.to";
    public static final String AUDIT_KIND = "audit.kind";
    public static final String AUDIT_SEARCH = "audit.search";
    public static final String AUDIT_VERIFY = "audit.verify";
    public static final String AUDIT_ANALYSE = "audit.analyse";
    public static final String AUDIT_EXPORT = "audit.export";
    public static final String AUDIT_MESSAGE = "audit.message";
    public static final String AUDIT_ENTRIES = "audit.entries";
    public static final String AUDIT_FINDINGS = "audit.findings";

    public static final String USERS_TABLE = "users.table";
    public static final String USERS_ID = "users.id";
    public static final String USERS_NAME = "users.name";
    public static final String USERS_UNIT = "users.unit";
    public static final String USERS_BUSINESSES = "users.businesses";
    /** Followed by the {@code Role} name, e.g. {@code users.role.COUNTER}. */
    public static final String USERS_ROLE_PREFIX = "users.role.";
    public static final String USERS_PASSWORD = "users.password";
    public static final String USERS_ADD = "users.add";
    public static final String USERS_UPDATE = "users.update";
    public static final String USERS_UNLOCK = "users.unlock";
    public static final String USERS_DISABLE = "users.disable";
    public static final String USERS_ENABLE = "users.enable";
    public static final String USERS_RESET = "users.reset";
    public static final String USERS_TOTP = "users.totp";
    public static final String USERS_MESSAGE = "users.message";
    public static final String USERS_SECRET = "users.secret";

    public static final String PASSWORD_SHELL = "password.shell";
    public static final String PASSWORD_CURRENT = "password.current";
    public static final String PASSWORD_NEW = "password.new";
    public static final String PASSWORD_REPEAT = "password.repeat";
    public static final String PASSWORD_MESSAGE = "password.message";
    public static final String PASSWORD_OK = "password.ok";
    public static final String PASSWORD_CANCEL = "password.cancel";

    private UiKeys() {
    }
}
