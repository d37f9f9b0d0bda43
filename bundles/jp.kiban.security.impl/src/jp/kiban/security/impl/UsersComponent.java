package jp.kiban.security.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jakarta.persistence.EntityManager;
import jp.kiban.core.DomainException.Label;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.platform.Role;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authentication;
import jp.kiban.security.NewUser;
import jp.kiban.security.OrganisationUnit;
import jp.kiban.security.SecondFactor;
import jp.kiban.security.SecurityRefusal;
import jp.kiban.security.UserAccount;
import jp.kiban.security.Users;

/**
 * Users, organisation units and login in security_user / security_unit. Settings:
 * {@code security.lockout.attempts} (default 5), {@code security.password.minLength} (default 10),
 * {@code security.pbkdf2.iterations} (default 600000). In demo mode on the demo town it creates the
 * demo accounts on first start (shown on the login dialog, and only there).
 */
@Component(service = { Users.class, Authentication.class })
public class UsersComponent implements Users, Authentication {
    private static final Logger LOG = Logger.getLogger(UsersComponent.class.getName());

    /** The demo town's accounts: id, password, description, roles, businesses. */
    static final List<Object[]> DEMO = List.of(
            // the demo administrator also confirms, so that imports (register + confirm) can be tried in the demo
            new Object[] { "kanri", "kanri-demo-2026", "システム管理者・審査", EnumSet.of(Role.ADMINISTRATOR, Role.SUPERVISOR),
                    Set.of() },
            new Object[] { "madoguchi", "madoguchi-demo-1", "窓口", EnumSet.of(Role.COUNTER), Set.of() },
            new Object[] { "shinsa", "shinsa-demo-1", "窓口・審査", EnumSet.of(Role.COUNTER, Role.SUPERVISOR), Set.of() },
            new Object[] { "kokuho", "kokuho-demo-1", "業務担当（国保）", EnumSet.of(Role.BUSINESS), Set.of("kokuho") },
            new Object[] { "kansa", "kansa-demo-1", "監査", EnumSet.of(Role.AUDITOR), Set.of() });

    @Reference
    private Transactions tx;
    @Reference
    private KibanEnvironment environment;
    @Reference
    private AccessLog log;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL)
    private MunicipalityService municipalities;

    private final Map<String, SecondFactor> factors = new ConcurrentHashMap<>();
    private volatile PasswordHasher hasher;
    private volatile Clock clock = Clock.systemUTC();
    private volatile boolean demo;

    /** For DS. */
    public UsersComponent() {
    }

    /** Outside DS (tests): the users over the given transactions, settings and access log. */
    public static UsersComponent create(Transactions tx, KibanEnvironment environment, AccessLog log,
            MunicipalityService municipalities, Clock clock, SecondFactor... factors) {
        UsersComponent c = new UsersComponent();
        c.tx = tx;
        c.environment = environment;
        c.log = log;
        c.municipalities = municipalities;
        c.clock = clock;
        for (SecondFactor f : factors) {
            c.addFactor(f);
        }
        c.activate();
        return c;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactor(SecondFactor factor) {
        factors.put(factor.kind(), factor);
    }

    void removeFactor(SecondFactor factor) {
        factors.remove(factor.kind(), factor);
    }

    @Activate
    void activate() {
        hasher = new PasswordHasher(setting("security.pbkdf2.iterations", PasswordHasher.DEFAULT_ITERATIONS));
        demo = environment.demoMode() && municipalities != null
                && municipalities.current().map(Municipality::demo).orElse(false);
        if (demo) {
            try {
                if (!anyUser()) {
                    seedDemoAccounts();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not create the demo accounts: " + e.getMessage(), e);
            }
        }
    }

    private void seedDemoAccounts() {
        tx.requiredRun(em -> {
            for (Object[] d : DEMO) {
                @SuppressWarnings("unchecked")
                Set<Role> roles = (Set<Role>) d[3];
                @SuppressWarnings("unchecked")
                Set<String> businesses = (Set<String>) d[4];
                UserEntity u = newEntity((String) d[0], "デモ " + d[2], "", roles, businesses, ((String) d[1]).toCharArray());
                u.mustChangePassword = false;
                em.persist(u);
            }
        });
        log.record(new AccessEvent("system", "システム", "", AccessKind.USER_ADMIN, "user.demoAccounts", List.of(), false,
                "demo accounts created for the demo town: " + DEMO.stream().map(d -> (String) d[0]).toList()));
        LOG.info("Demo accounts created for the demo town");
    }

    private int setting(String key, int def) {
        try {
            return Integer.parseInt(environment.setting(key, Integer.toString(def)).strip());
        } catch (NumberFormatException e) {
            LOG.warning("Setting " + key + " is not a number; using " + def);
            return def;
        }
    }

    private int minLength() {
        return Math.max(8, setting("security.password.minLength", 10));
    }

    private int lockoutAttempts() {
        return Math.max(1, setting("security.lockout.attempts", 5));
    }

    // ---- users ---------------------------------------------------------------------------------

    @Override
    public boolean anyUser() {
        return tx.readOnly(em -> ((Number) em.createQuery("SELECT COUNT(u) FROM SecurityUser u").getSingleResult())
                .longValue() > 0);
    }

    private void requireAdmin(Operator admin, String action) {
        if (!admin.may(Permission.MANAGE_USERS)) {
            log.record(AccessEvent.of(admin, AccessKind.REFUSED, action, "permission MANAGE_USERS missing"));
            throw new SecurityRefusal("permission.manageUsers");
        }
    }

    private UserEntity newEntity(String id, String name, String unit, Set<Role> roles, Set<String> businesses, char[] pw) {
        Instant now = clock.instant();
        UserEntity u = new UserEntity();
        u.id = id;
        u.name = name;
        u.unitCode = unit;
        u.roles = Inputs.join(roles);
        u.businesses = Inputs.join(businesses);
        u.passwordHash = hasher.hash(pw);
        u.mustChangePassword = true;
        u.passwordChangedAt = now;
        u.enabled = true;
        u.locked = false;
        u.failedLogins = 0;
        u.secondFactorLast = -1;
        u.createdAt = now;
        u.updatedAt = now;
        return u;
    }

    /** Checks every field of a new user before anything is stored. */
    private UserEntity checked(NewUser n) {
        String id = Inputs.id(n.id(), "id");
        String name = Inputs.name(n.name());
        String unit = Inputs.unit(n.unit());
        Set<String> businesses = Inputs.businesses(n.businesses());
        checkRoles(n.roles(), businesses);
        Inputs.password(n.password(), id, minLength());
        return newEntity(id, name, unit, n.roles(), businesses, n.password());
    }

    private static void checkRoles(Set<Role> roles, Set<String> businesses) {
        if (roles.isEmpty()) {
            throw new SecurityRefusal("user.roleRequired");
        }
        if (roles.contains(Role.BUSINESS) && businesses.isEmpty()) {
            throw new SecurityRefusal("user.businessRequired");
        }
    }

    @Override
    public UserAccount addFirstAdministrator(NewUser user, String terminal) {
        NewUser admin = new NewUser(user.id(), user.name(), user.unit(),
                union(user.roles(), EnumSet.of(Role.ADMINISTRATOR)), user.businesses(), user.password());
        UserEntity u = checked(admin);
        u.mustChangePassword = false; // they chose it themselves
        UserAccount created = tx.required(em -> {
            if (((Number) em.createQuery("SELECT COUNT(u) FROM SecurityUser u").getSingleResult()).longValue() > 0) {
                throw new SecurityRefusal("user.bootstrapClosed");
            }
            requireUnit(em, u.unitCode);
            em.persist(u);
            return account(u);
        });
        log.record(new AccessEvent("system", "データフォルダの所有者", terminal, AccessKind.USER_ADMIN, "user.addFirstAdministrator",
                List.of(), false, "first administrator " + created.id()));
        return created;
    }

    private static Set<Role> union(Set<Role> a, Set<Role> b) {
        Set<Role> s = EnumSet.noneOf(Role.class);
        s.addAll(a);
        s.addAll(b);
        return s;
    }

    private static void requireUnit(EntityManager em, String code) {
        if (!code.isEmpty() && em.find(UnitEntity.class, code) == null) {
            throw new SecurityRefusal("unit.unknown");
        }
    }

    @Override
    public UserAccount add(Operator admin, NewUser user) {
        requireAdmin(admin, "user.add");
        UserEntity u = checked(user);
        UserAccount created = tx.required(em -> {
            if (em.find(UserEntity.class, u.id) != null) {
                throw new SecurityRefusal("user.exists");
            }
            requireUnit(em, u.unitCode);
            em.persist(u);
            return account(u);
        });
        log.record(AccessEvent.of(admin, AccessKind.USER_ADMIN, "user.add", "user " + created.id() + " roles "
                + Inputs.join(created.roles()) + businessesText(created.businesses()) + unitText(created.unit())));
        return created;
    }

    private static String businessesText(Set<String> b) {
        return b.isEmpty() ? "" : " businesses " + Inputs.join(b);
    }

    private static String unitText(String unit) {
        return unit.isEmpty() ? "" : " unit " + unit;
    }

    @Override
    public List<UserAccount> list(Operator admin) {
        requireAdmin(admin, "user.list");
        return tx.readOnly(em -> em.createQuery("SELECT u FROM SecurityUser u ORDER BY u.id", UserEntity.class)
                .getResultList().stream().map(UsersComponent::account).toList());
    }

    @Override
    public Optional<UserAccount> find(Operator admin, String id) {
        requireAdmin(admin, "user.find");
        return tx.readOnly(em -> Optional.ofNullable(em.find(UserEntity.class, id == null ? "" : id.strip()))
                .map(UsersComponent::account));
    }

    private static UserAccount account(UserEntity u) {
        return new UserAccount(u.id, u.name, u.unitCode, Inputs.roles(u.roles), Inputs.set(u.businesses), u.enabled,
                u.locked, u.failedLogins, Optional.ofNullable(u.secondFactorKind), u.mustChangePassword,
                u.passwordChangedAt, Optional.ofNullable(u.lastLoginAt));
    }

    private static UserEntity existing(EntityManager em, String id) {
        UserEntity u = id == null ? null : em.find(UserEntity.class, id.strip());
        if (u == null) {
            throw new SecurityRefusal("user.unknown");
        }
        return u;
    }

    /** True if some other enabled user keeps the administrator role (own or through the unit). */
    private static boolean anotherAdministrator(EntityManager em, String except) {
        for (UserEntity u : em.createQuery("SELECT u FROM SecurityUser u WHERE u.enabled = TRUE", UserEntity.class)
                .getResultList()) {
            if (!u.id.equals(except) && effectiveRoles(em, u).contains(Role.ADMINISTRATOR)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Role> effectiveRoles(EntityManager em, UserEntity u) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(Inputs.roles(u.roles));
        if (!u.unitCode.isEmpty()) {
            UnitEntity unit = em.find(UnitEntity.class, u.unitCode);
            if (unit != null) {
                roles.addAll(Inputs.roles(unit.roles));
            }
        }
        return roles;
    }

    @Override
    public UserAccount update(Operator admin, String id, String name, String unit, Set<Role> roles, Set<String> businesses) {
        requireAdmin(admin, "user.update");
        String n = Inputs.name(name);
        String un = Inputs.unit(unit);
        Set<String> b = Inputs.businesses(businesses == null ? Set.of() : businesses);
        Set<Role> r = roles == null ? Set.of() : roles;
        checkRoles(r, b);
        UserAccount updated = tx.required(em -> {
            UserEntity u = existing(em, id);
            requireUnit(em, un);
            boolean wasAdmin = effectiveRoles(em, u).contains(Role.ADMINISTRATOR);
            u.name = n;
            u.unitCode = un;
            u.roles = Inputs.join(r);
            u.businesses = Inputs.join(b);
            if (wasAdmin && !effectiveRoles(em, u).contains(Role.ADMINISTRATOR) && !anotherAdministrator(em, u.id)) {
                throw new SecurityRefusal("user.lastAdministrator");
            }
            u.updatedAt = clock.instant();
            return account(u);
        });
        log.record(AccessEvent.of(admin, AccessKind.USER_ADMIN, "user.update", "user " + updated.id() + " roles "
                + Inputs.join(updated.roles()) + businessesText(updated.businesses()) + unitText(updated.unit())));
        return updated;
    }

    @Override
    public UserAccount unlock(Operator admin, String id) {
        requireAdmin(admin, "user.unlock");
        UserAccount a = tx.required(em -> {
            UserEntity u = existing(em, id);
            u.locked = false;
            u.failedLogins = 0;
            u.updatedAt = clock.instant();
            return account(u);
        });
        log.record(AccessEvent.of(admin, AccessKind.USER_ADMIN, "user.unlock", "user " + a.id()));
        return a;
    }

    @Override
    public UserAccount setEnabled(Operator admin, String id, boolean enabled) {
        requireAdmin(admin, "user.setEnabled");
        UserAccount a = tx.required(em -> {
            UserEntity u = existing(em, id);
            if (!enabled && u.id.equals(admin.id())) {
                throw new SecurityRefusal("user.self");
            }
            if (!enabled && u.enabled && effectiveRoles(em, u).contains(Role.ADMINISTRATOR) && !anotherAdministrator(em, u.id)) {
                throw new SecurityRefusal("user.lastAdministrator");
            }
            u.enabled = enabled;
            u.updatedAt = clock.instant();
            return account(u);
        });
        log.record(AccessEvent.of(admin, AccessKind.USER_ADMIN, enabled ? "user.enable" : "user.disable", "user " + a.id()));
        return a;
    }

    @Override
    public UserAccount resetPassword(Operator admin, String id, char[] newPassword) {
        requireAdmin(admin, "user.resetPassword");
        String uid = Inputs.id(id, "id");
        Inputs.password(newPassword, uid, minLength());
        String hash = hasher.hash(newPassword);
        UserAccount a = tx.required(em -> {
            UserEntity u = existing(em, uid);
            u.passwordHash = hash;
            u.mustChangePassword = true;
            u.passwordChangedAt = clock.instant();
            u.updatedAt = u.passwordChangedAt;
            return account(u);
        });
        log.record(AccessEvent.of(admin, AccessKind.USER_ADMIN, "user.resetPassword", "user " + a.id()));
        return a;
    }

    @Override
    public void changePassword(String id, char[] oldPassword, char[] newPassword, String terminal) {
        String uid = Inputs.id(id, "id");
        if (oldPassword == null || oldPassword.length == 0) {
            throw new SecurityRefusal("input.blank", new Label("password"));
        }
        Inputs.password(newPassword, uid, minLength());
        if (java.util.Arrays.equals(oldPassword, newPassword)) {
            throw new SecurityRefusal("password.same");
        }
        String hash = hasher.hash(newPassword);
        String name = tx.required(em -> {
            UserEntity u = existing(em, uid);
            if (!u.enabled || u.locked || !hasher.matches(oldPassword, u.passwordHash)) {
                return null;
            }
            u.passwordHash = hash;
            u.mustChangePassword = false;
            u.passwordChangedAt = clock.instant();
            u.updatedAt = u.passwordChangedAt;
            return u.name;
        });
        if (name == null) {
            log.record(new AccessEvent(uid, "", terminal, AccessKind.USER_ADMIN, "user.changePassword", List.of(), false,
                    "refused: current password wrong"));
            throw new SecurityRefusal("password.wrong");
        }
        log.record(new AccessEvent(uid, name, terminal, AccessKind.USER_ADMIN, "user.changePassword", List.of(), false,
                "own password changed"));
    }

    @Override
    public SecondFactor.Enrolment enrolSecondFactor(Operator operator, String userId, String kind) {
        if (!operator.id().equals(userId)) {
            requireAdmin(operator, "user.enrolSecondFactor");
        }
        SecondFactor f = factors.get(kind == null ? "" : kind.strip());
        if (f == null) {
            throw new SecurityRefusal("secondFactor.unknown", kind == null ? "" : Inputs.clean(kind, 32));
        }
        String issuer = "Kiban " + (municipalities == null ? "" : municipalities.current().map(Municipality::name).orElse(""));
        SecondFactor.Enrolment e = f.enrol(userId, issuer.strip());
        tx.requiredRun(em -> {
            UserEntity u = existing(em, userId);
            u.secondFactorKind = e.kind();
            u.secondFactorData = e.enrolled();
            u.secondFactorLast = -1;
            u.updatedAt = clock.instant();
        });
        log.record(AccessEvent.of(operator, AccessKind.USER_ADMIN, "user.enrolSecondFactor", "user " + userId + " " + e.kind()));
        return e;
    }

    @Override
    public UserAccount removeSecondFactor(Operator admin, String userId) {
        requireAdmin(admin, "user.removeSecondFactor");
        UserAccount a = tx.required(em -> {
            UserEntity u = existing(em, userId);
            u.secondFactorKind = null;
            u.secondFactorData = null;
            u.secondFactorLast = -1;
            u.updatedAt = clock.instant();
            return account(u);
        });
        log.record(AccessEvent.of(admin, AccessKind.USER_ADMIN, "user.removeSecondFactor", "user " + a.id()));
        return a;
    }

    @Override
    public List<String> secondFactorKinds() {
        return new ArrayList<>(new TreeSet<>(factors.keySet()));
    }

    @Override
    public List<OrganisationUnit> units(Operator admin) {
        requireAdmin(admin, "unit.list");
        return tx.readOnly(em -> em.createQuery("SELECT u FROM SecurityUnit u ORDER BY u.code", UnitEntity.class)
                .getResultList().stream().map(u -> new OrganisationUnit(u.code, u.name, Inputs.roles(u.roles),
                        Inputs.set(u.businesses))).toList());
    }

    @Override
    public OrganisationUnit saveUnit(Operator admin, OrganisationUnit unit) {
        requireAdmin(admin, "unit.save");
        String code = Inputs.id(unit.code(), "code");
        String name = Inputs.name(unit.name());
        Set<String> businesses = Inputs.businesses(unit.businesses());
        if (unit.roles().contains(Role.BUSINESS) && businesses.isEmpty()) {
            throw new SecurityRefusal("user.businessRequired");
        }
        OrganisationUnit saved = tx.required(em -> {
            UnitEntity u = em.find(UnitEntity.class, code);
            boolean isNew = u == null;
            if (isNew) {
                u = new UnitEntity();
                u.code = code;
            }
            u.name = name;
            u.roles = Inputs.join(unit.roles());
            u.businesses = Inputs.join(businesses);
            u.updatedAt = clock.instant();
            if (isNew) {
                em.persist(u);
            }
            return new OrganisationUnit(code, name, unit.roles(), businesses);
        });
        log.record(AccessEvent.of(admin, AccessKind.USER_ADMIN, "unit.save", "unit " + code + " roles "
                + Inputs.join(saved.roles()) + businessesText(saved.businesses())));
        return saved;
    }

    @Override
    public List<DemoAccount> demoAccounts() {
        if (!demo) {
            return List.of();
        }
        return DEMO.stream().map(d -> new DemoAccount((String) d[0], (String) d[1], (String) d[2])).toList();
    }

    // ---- login ---------------------------------------------------------------------------------

    private enum Outcome {
        OK, MUST_CHANGE, FAILED, LOCKED_NOW, LOCKED, DISABLED, SECOND_FACTOR_REQUIRED, SECOND_FACTOR_WRONG, NO_FACTOR
    }

    private record Attempt(Outcome outcome, UserEntity user, Operator operator) {
    }

    @Override
    public Login login(String id, char[] password, String secondFactor, String terminal) {
        String term = Inputs.clean(terminal, 100);
        String tried = Inputs.clean(id == null ? "" : id.strip(), 64);
        String uid;
        try {
            uid = Inputs.id(id, "id");
            if (password == null || password.length == 0) {
                throw new SecurityRefusal("input.blank", new Label("password"));
            }
            if (password.length > Inputs.PASSWORD_MAX) {
                throw new SecurityRefusal("password.tooLong", Inputs.PASSWORD_MAX);
            }
            if (secondFactor != null && (secondFactor.length() > 64 || Inputs.hasControl(secondFactor))) {
                throw new SecurityRefusal("input.format", new Label("secondFactor"), "0-9");
            }
        } catch (SecurityRefusal e) {
            log.record(new AccessEvent(tried, "", term, AccessKind.LOGIN_FAILED, "login", List.of(), false,
                    "refused input: " + e.code()));
            throw e;
        }
        Attempt a = tx.required(em -> attempt(em, uid, password, secondFactor, term));
        switch (a.outcome()) {
            case OK, MUST_CHANGE -> {
                log.record(AccessEvent.of(a.operator(), AccessKind.LOGIN, "login",
                        a.outcome() == Outcome.MUST_CHANGE ? "ok, initial password must be changed" : "ok"));
                return new Login(a.operator(), a.outcome() == Outcome.MUST_CHANGE);
            }
            case SECOND_FACTOR_REQUIRED -> {
                // password right; the code is asked next. Not a failure, not yet a login.
                throw new SecurityRefusal("login.secondFactorRequired");
            }
            default -> {
                log.record(new AccessEvent(uid, a.user() == null ? "" : a.user().name, term, AccessKind.LOGIN_FAILED, "login",
                        List.of(), false, switch (a.outcome()) {
                            case FAILED -> a.user() == null ? "unknown id" : "wrong password (" + a.user().failedLogins + ")";
                            case LOCKED_NOW -> "wrong password; account locked after " + a.user().failedLogins + " failures";
                            case LOCKED -> "account locked";
                            case DISABLED -> "account disabled";
                            case SECOND_FACTOR_WRONG -> "wrong second factor (" + a.user().failedLogins + ")";
                            case NO_FACTOR -> "second factor " + a.user().secondFactorKind + " not installed";
                            default -> a.outcome().name();
                        }));
                throw switch (a.outcome()) {
                    case LOCKED, LOCKED_NOW -> new SecurityRefusal("login.locked");
                    case DISABLED -> new SecurityRefusal("login.disabled");
                    case SECOND_FACTOR_WRONG -> new SecurityRefusal("login.secondFactorWrong");
                    case NO_FACTOR -> new SecurityRefusal("login.noSecondFactor", a.user().secondFactorKind);
                    default -> new SecurityRefusal("login.failed");
                };
            }
        }
    }

    private Attempt attempt(EntityManager em, String uid, char[] password, String code, String terminal) {
        UserEntity u = em.find(UserEntity.class, uid);
        if (u == null) {
            hasher.dummyCheck(password);
            return new Attempt(Outcome.FAILED, null, null);
        }
        if (u.locked) {
            return new Attempt(Outcome.LOCKED, u, null);
        }
        if (!u.enabled) {
            return new Attempt(Outcome.DISABLED, u, null);
        }
        if (!hasher.matches(password, u.passwordHash)) {
            return failed(u, Outcome.FAILED);
        }
        if (u.secondFactorKind != null) {
            SecondFactor f = factors.get(u.secondFactorKind);
            if (f == null) {
                return new Attempt(Outcome.NO_FACTOR, u, null);
            }
            if (code == null || code.isBlank()) {
                return new Attempt(Outcome.SECOND_FACTOR_REQUIRED, u, null);
            }
            long used = f.verify(u.secondFactorData, code, clock.instant(), u.secondFactorLast);
            if (used < 0) {
                return failed(u, Outcome.SECOND_FACTOR_WRONG);
            }
            u.secondFactorLast = used;
        }
        u.failedLogins = 0;
        u.lastLoginAt = clock.instant();
        if (hasher.needsRehash(u.passwordHash)) {
            u.passwordHash = hasher.hash(password);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(Inputs.roles(u.roles));
        Set<String> businesses = new TreeSet<>(Inputs.set(u.businesses));
        if (!u.unitCode.isEmpty()) {
            UnitEntity unit = em.find(UnitEntity.class, u.unitCode);
            if (unit != null) {
                roles.addAll(Inputs.roles(unit.roles));
                businesses.addAll(Inputs.set(unit.businesses));
            }
        }
        return new Attempt(u.mustChangePassword ? Outcome.MUST_CHANGE : Outcome.OK, u,
                new Operator(u.id, u.name, terminal, roles, businesses));
    }

    private Attempt failed(UserEntity u, Outcome outcome) {
        u.failedLogins++;
        if (u.failedLogins >= lockoutAttempts()) {
            u.locked = true;
            return new Attempt(Outcome.LOCKED_NOW, u, null);
        }
        return new Attempt(outcome, u, null);
    }

    @Override
    public void logout(Operator operator, String why) {
        log.record(AccessEvent.of(operator, AccessKind.LOGOUT, "logout", Inputs.clean(why, 200)));
    }
}
