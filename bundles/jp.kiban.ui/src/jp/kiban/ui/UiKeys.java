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

    private UiKeys() {
    }
}
