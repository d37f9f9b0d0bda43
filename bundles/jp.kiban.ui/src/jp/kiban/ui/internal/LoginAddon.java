package jp.kiban.ui.internal;

import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;

import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.security.Authentication;
import jp.kiban.security.Users;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * Login before the main window shows, and the idle lock. When the workbench is up, the main window
 * is hidden and the login window opens; after a good login (and a changed initial password) the main
 * window shows with the operator in the {@link Session}. After {@code session.idleLockMinutes} (default
 * 10; 0 = never) without keyboard or mouse input, or on ファイル → 画面をロック, the main window hides
 * again behind the lock screen: the same user's password opens it; another user may log in instead
 * (a shared counter terminal), and then every open business screen is closed first.
 */
public class LoginAddon {
    private static final System.Logger LOG = System.getLogger(LoginAddon.class.getName());
    private static final int CHECK_MS = 15_000;

    @Inject
    IEclipseContext context;
    @Inject
    Session session;
    @Inject
    KibanEnvironment environment;
    @Inject
    MApplication application;

    private volatile long lastInput = System.nanoTime();
    private Listener activity;
    private boolean locked;
    private Runnable idleCheck;

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) org.osgi.service.event.Event e) {
        Display display = Display.getCurrent();
        if (display == null) {
            return;
        }
        context.set(LoginAddon.class, this);
        setMainVisible(false);
        showLogin(null, null);
        activity = ev -> lastInput = System.nanoTime();
        for (int type : new int[] { SWT.KeyDown, SWT.MouseDown, SWT.MouseMove, SWT.MouseWheel }) {
            display.addFilter(type, activity);
        }
        idleCheck = () -> {
            if (display.isDisposed()) {
                return;
            }
            int minutes = idleMinutes();
            if (minutes > 0 && !locked && session.current().isPresent()
                    && System.nanoTime() - lastInput > minutes * 60_000_000_000L) {
                lock(Messages.get("lock.idle", minutes));
            }
            display.timerExec(CHECK_MS, idleCheck);
        };
        display.timerExec(CHECK_MS, idleCheck);
    }

    private int idleMinutes() {
        try {
            return Math.max(0, Integer.parseInt(environment.setting("session.idleLockMinutes", "10").strip()));
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    @PreDestroy
    void dispose() {
        Display d = Display.getCurrent();
        if (d != null && activity != null) {
            for (int type : new int[] { SWT.KeyDown, SWT.MouseDown, SWT.MouseMove, SWT.MouseWheel }) {
                d.removeFilter(type, activity);
            }
        }
    }

    /** Locks the screen now (menu, idle timer). */
    public void lock(String why) {
        Operator op = session.current().orElse(null);
        if (op == null || locked) {
            return;
        }
        locked = true;
        Authentication auth = context.get(Authentication.class);
        if (auth != null) {
            try {
                auth.logout(op, "screen locked: " + why);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not log the lock: " + e.getMessage());
            }
        }
        setMainVisible(false);
        showLogin(op, why);
    }

    private void showLogin(Operator lockedFor, String notice) {
        Display display = Display.getCurrent();
        Authentication auth = null;
        Users users = null;
        String town = "";
        List<Users.DemoAccount> demo = List.of();
        String problem = notice;
        try {
            MunicipalityService m = context.get(MunicipalityService.class);
            town = m == null ? "" : m.current().map(Municipality::name).orElse("");
            auth = context.get(Authentication.class);
            users = context.get(Users.class);
            if (users != null && lockedFor == null) {
                demo = users.demoAccounts();
                if (!users.anyUser()) {
                    problem = Messages.get("login.noUsers");
                    auth = null;
                }
            }
        } catch (RuntimeException e) {
            // the database cannot be opened: the main window says why (in Japanese); nobody can log in
            LOG.log(System.Logger.Level.ERROR, "Login not possible: " + e.getMessage(), e);
            setMainVisible(true);
            return;
        }
        Users u = users;
        Authentication a = auth;
        if (lockedFor == null && a != null && demoLogin(a, demo)) {
            return;
        }
        new LoginShell(display, auth, demo, town, lockedFor, problem, session.terminal(), new LoginShell.Outcome() {
            @Override
            public void loggedIn(Authentication.Login login) {
                if (lockedFor != null && !login.operator().id().equals(lockedFor.id())) {
                    closeBusinessParts(); // another user at this desk: nothing of the previous one stays open
                }
                if (login.mustChangePassword()) {
                    new PasswordShell(display, null, u, login.operator(), session.terminal(), true,
                            () -> enter(login.operator()), () -> {
                                a.logout(login.operator(), "initial password not changed");
                                quit();
                            }).open();
                } else {
                    enter(login.operator());
                }
            }

            @Override
            public void quit() {
                LoginAddon.this.quit();
            }
        }).open();
    }

    /**
     * Setting {@code desk.demoLogin} (e.g. {@code kanri}): logs that demo account in without the login window, for
     * {@code kiban bench}'s launch-to-work figure. Only a demo account of the demo town in demo mode qualifies (their
     * passwords are shown on the login window anyway); a real installation has none, so the setting does nothing there.
     */
    private boolean demoLogin(Authentication auth, List<Users.DemoAccount> demo) {
        String id = environment.setting("desk.demoLogin", "").strip();
        if (id.isEmpty()) {
            return false;
        }
        for (Users.DemoAccount d : demo) {
            if (!d.id().equals(id)) {
                continue;
            }
            try {
                Authentication.Login login = auth.login(d.id(), d.password().toCharArray(), null, session.terminal());
                if (login.mustChangePassword()) {
                    return false;
                }
                LOG.log(System.Logger.Level.INFO, "Demo account {0} logged in without the login window (desk.demoLogin)", id);
                enter(login.operator());
                return true;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "desk.demoLogin=" + id + " could not log in: " + e.getMessage());
                return false;
            }
        }
        LOG.log(System.Logger.Level.WARNING, "desk.demoLogin=" + id + " is not a demo account of the demo town: ignored");
        return false;
    }

    private void closeBusinessParts() {
        for (MWindow w : application.getChildren()) {
            EModelService models = w.getContext().get(EModelService.class);
            EPartService parts = w.getContext().get(EPartService.class);
            for (MPart p : models.findElements(w, null, MPart.class, null)) {
                if (p.getParent() != null && UiKeys.MAIN_STACK_ID.equals(p.getParent().getElementId())
                        && !"jp.kiban.ui.part.home".equals(p.getElementId())) {
                    parts.hidePart(p, true);
                }
            }
        }
    }

    private void enter(Operator op) {
        locked = false;
        lastInput = System.nanoTime();
        session.loggedIn(op);
        LOG.log(System.Logger.Level.INFO, "Logged in at this desk: {0} {1}", op.id(), op.roles());
        setMainVisible(true);
    }

    private void quit() {
        session.current().ifPresent(op -> {
            Authentication auth = context.get(Authentication.class);
            if (auth != null && !locked) {
                auth.logout(op, "quit");
            }
        });
        IWorkbench wb = context.get(IWorkbench.class);
        if (wb != null) {
            wb.close();
        }
    }

    private void setMainVisible(boolean visible) {
        for (MWindow w : application.getChildren()) {
            if (w.getWidget() instanceof Shell s && !s.isDisposed()) {
                s.setVisible(visible);
                if (visible) {
                    s.setActive();
                }
            }
        }
    }

}
