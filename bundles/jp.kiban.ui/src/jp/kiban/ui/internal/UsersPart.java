package jp.kiban.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.platform.Permission;
import jp.kiban.platform.Role;
import jp.kiban.security.NewUser;
import jp.kiban.security.SecondFactor;
import jp.kiban.security.UserAccount;
import jp.kiban.security.Users;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * User administration for administrators: add users with an initial password, set roles, unit and
 * businesses, unlock after failed logins, disable, reset a password, enrol a TOTP second factor.
 * Every action goes through {@link Users}, which checks {@code MANAGE_USERS} again and logs it.
 * What was typed stays in the form when something is refused.
 */
public class UsersPart {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    @Inject
    Session session;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    Users users;

    private Table table;
    private Text id;
    private Text name;
    private Text unit;
    private Text businesses;
    private Text password;
    private final Map<Role, Button> roles = new EnumMap<>(Role.class);
    private Label message;
    private Text secret;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setData(UiKeys.KEY, UiKeys.USERS_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tg = new GridData(SWT.FILL, SWT.FILL, true, true);
        tg.heightHint = 220;
        table.setLayoutData(tg);
        for (String c : List.of("users.col.id", "users.col.name", "users.col.unit", "users.col.roles", "users.col.businesses",
                "users.col.state", "users.col.secondFactor", "users.col.lastLogin")) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(Messages.get(c));
            col.setWidth(c.endsWith("roles") ? 160 : 110);
        }

        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(4, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        id = field(form, "users.id", UiKeys.USERS_ID, 0);
        name = field(form, "users.name", UiKeys.USERS_NAME, 0);
        unit = field(form, "users.unit", UiKeys.USERS_UNIT, 0);
        businesses = field(form, "users.businesses", UiKeys.USERS_BUSINESSES, 0);
        new Label(form, SWT.NONE).setText(Messages.get("users.roles"));
        Composite r = new Composite(form, SWT.NONE);
        r.setLayout(new GridLayout(Role.values().length, false));
        r.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        for (Role role : Role.values()) {
            Button b = new Button(r, SWT.CHECK);
            b.setData(UiKeys.KEY, UiKeys.USERS_ROLE_PREFIX + role.name());
            b.setText(Messages.get("role." + role.name()));
            roles.put(role, b);
        }
        password = field(form, "users.password", UiKeys.USERS_PASSWORD, SWT.PASSWORD);
        Label hint = new Label(form, SWT.WRAP);
        hint.setText(Messages.get("users.password.hint"));
        hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(7, false));
        Button add = button(buttons, "users.add", UiKeys.USERS_ADD);
        Button update = button(buttons, "users.update", UiKeys.USERS_UPDATE);
        Button unlock = button(buttons, "users.unlock", UiKeys.USERS_UNLOCK);
        Button disable = button(buttons, "users.disable", UiKeys.USERS_DISABLE);
        Button enable = button(buttons, "users.enable", UiKeys.USERS_ENABLE);
        Button reset = button(buttons, "users.reset", UiKeys.USERS_RESET);
        Button totp = button(buttons, "users.totp", UiKeys.USERS_TOTP);
        message = new Label(parent, SWT.WRAP);
        message.setData(UiKeys.KEY, UiKeys.USERS_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        secret = new Text(parent, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        secret.setData(UiKeys.KEY, UiKeys.USERS_SECRET);
        secret.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        boolean allowed = users != null && session.current().map(o -> o.may(Permission.MANAGE_USERS)).orElse(false);
        if (!allowed) {
            message.setText(Messages.get("users.notAllowed"));
            for (Button b : List.of(add, update, unlock, disable, enable, reset, totp)) {
                b.setEnabled(false);
            }
            return;
        }
        table.addListener(SWT.Selection, e -> fill());
        add.addListener(SWT.Selection, e -> act(() -> {
            UserAccount u = users.add(session.operator(), new NewUser(id.getText(), name.getText(), unit.getText(),
                    selectedRoles(), split(businesses.getText()), password.getTextChars()));
            password.setText("");
            return Messages.get("users.added", u.id());
        }));
        update.addListener(SWT.Selection, e -> act(() -> Messages.get("users.updated", users.update(session.operator(),
                id.getText().strip(), name.getText(), unit.getText(), selectedRoles(), split(businesses.getText())).id())));
        unlock.addListener(SWT.Selection, e -> act(() -> Messages.get("users.unlocked",
                users.unlock(session.operator(), id.getText().strip()).id())));
        disable.addListener(SWT.Selection, e -> act(() -> Messages.get("users.disabled",
                users.setEnabled(session.operator(), id.getText().strip(), false).id())));
        enable.addListener(SWT.Selection, e -> act(() -> Messages.get("users.enabled",
                users.setEnabled(session.operator(), id.getText().strip(), true).id())));
        reset.addListener(SWT.Selection, e -> act(() -> {
            UserAccount u = users.resetPassword(session.operator(), id.getText().strip(), password.getTextChars());
            password.setText("");
            return Messages.get("users.reset.done", u.id());
        }));
        totp.addListener(SWT.Selection, e -> act(() -> {
            SecondFactor.Enrolment en = users.enrolSecondFactor(session.operator(), id.getText().strip(), "totp");
            secret.setText(Messages.get("users.totp.secret", en.shown(), en.uri()));
            return Messages.get("users.totp.done", id.getText().strip());
        }));
        refresh();
    }

    private static Text field(Composite c, String label, String key, int style) {
        new Label(c, SWT.NONE).setText(Messages.get(label));
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE | style);
        t.setData(UiKeys.KEY, key);
        t.setTextLimit(200);
        GridData g = new GridData(SWT.FILL, SWT.CENTER, true, false);
        g.widthHint = 180;
        t.setLayoutData(g);
        return t;
    }

    private static Button button(Composite c, String label, String key) {
        Button b = new Button(c, SWT.PUSH);
        b.setData(UiKeys.KEY, key);
        b.setText(Messages.get(label));
        return b;
    }

    private Set<Role> selectedRoles() {
        Set<Role> s = EnumSet.noneOf(Role.class);
        roles.forEach((role, b) -> {
            if (b.getSelection()) {
                s.add(role);
            }
        });
        return s;
    }

    private static Set<String> split(String csv) {
        Set<String> s = new LinkedHashSet<>();
        for (String p : csv.split("[,、\\s]+")) {
            if (!p.isBlank()) {
                s.add(p.strip());
            }
        }
        return s;
    }

    private interface Action {
        String run();
    }

    private void act(Action a) {
        try {
            String done = a.run();
            message.setForeground(null);
            message.setText(done);
            refresh();
        } catch (DomainException e) {
            message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            message.setText(e.getMessage(Locale.JAPANESE));
        } catch (RuntimeException e) {
            System.getLogger(UsersPart.class.getName()).log(System.Logger.Level.ERROR, "User administration failed", e);
            message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            message.setText(Messages.get("audit.error", String.valueOf(e.getMessage())));
        }
        message.getParent().layout(true, true);
    }

    private void refresh() {
        table.removeAll();
        for (UserAccount u : users.list(session.operator())) {
            TableItem i = new TableItem(table, SWT.NONE);
            i.setData(u);
            i.setText(new String[] { u.id(), u.name(), u.unit(),
                    String.join("・", u.roles().stream().sorted().map(r -> Messages.get("role." + r.name())).toList()),
                    String.join(",", new TreeSet<>(u.businesses())),
                    Messages.get(!u.enabled() ? "users.state.disabled" : u.locked() ? "users.state.locked"
                            : u.mustChangePassword() ? "users.state.initial" : "users.state.active"),
                    u.secondFactor().orElse(""), u.lastLoginAt().map(TIME::format).orElse("") });
        }
    }

    private void fill() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 0 || !(sel[0].getData() instanceof UserAccount u)) {
            return;
        }
        id.setText(u.id());
        name.setText(u.name());
        unit.setText(u.unit());
        businesses.setText(String.join(",", new TreeSet<>(u.businesses())));
        roles.forEach((role, b) -> b.setSelection(u.roles().contains(role)));
        password.setText("");
        secret.setText("");
    }
}
