package jp.kiban.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.provisioning.BusinessFeature;
import jp.kiban.provisioning.FeatureBundle;
import jp.kiban.provisioning.FeatureProvisioning;
import jp.kiban.provisioning.ProvisioningProgress;
import jp.kiban.provisioning.ProvisioningProgress.ProvisioningStep;
import jp.kiban.provisioning.ProvisioningRefusal;
import jp.kiban.provisioning.ProvisioningResult;
import jp.kiban.spec.ClaimProblem;
import jp.kiban.spec.ModuleStatus;
import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.ScreenshotOnFailure;
import jp.kiban.ui.UiKeys;

/**
 * システム管理 → 業務機能の追加と削除, as the administrator uses it: the installed features, the features of a repository,
 * an install refused by the whitelist (Japanese reason, nothing installed), an install that works. The p2 side is
 * tested on a real materialised product by tests/provisioning-it.sh; here a stand-in service with the same contract
 * answers, so that the screen is tested on its own.
 */
@ExtendWith(ScreenshotOnFailure.class)
@Order(3)
class FeaturesUITest {

    private ServiceRegistration<FeatureProvisioning> registration;

    @AfterEach
    void backToTheSupervisor() {
        if (registration != null) {
            registration.unregister();
        }
        MainWindowPage main = MainWindowPage.waitForIt();
        main.clickMenu("ファイル", "画面をロック");
        LoginPage.waitForIt().submit("shinsa", "shinsa-demo-1");
        Bot.waitFor("the main window", () -> LoginPage.mainWindowVisible() ? Boolean.TRUE : null);
    }

    @Test
    void theAdministratorSeesARefusalInJapaneseAndInstallsAConformingFeature() {
        StandIn service = new StandIn();
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 1000);
        registration = context.registerService(FeatureProvisioning.class, service, props);

        LoginPage.logInOnce();
        MainWindowPage main = MainWindowPage.waitForIt();
        main.clickMenu("ファイル", "画面をロック");
        LoginPage.waitForIt().submit("kanri", "kanri-demo-2026");
        Bot.waitFor("the main window", () -> LoginPage.mainWindowVisible() ? Boolean.TRUE : null);
        main.openFromNavigation("システム管理", "業務機能の追加と削除");
        Bot bot = main.bot();

        List<List<String>> installed = Bot.waitFor("the installed features",
                () -> bot.rows(UiKeys.FEATURES_INSTALLED).isEmpty() ? null : bot.rows(UiKeys.FEATURES_INSTALLED));
        assertEquals(List.of("児童手当", "jp.kiban.childallowance.feature", "0.1.0", "動作中"), installed.get(0).subList(0, 4));

        bot.type(UiKeys.FEATURES_REPOSITORY, "/srv/kiban/repository");
        bot.click(UiKeys.FEATURES_LOAD);
        List<List<String>> available = Bot.waitFor("the repository's features",
                () -> bot.rows(UiKeys.FEATURES_AVAILABLE).size() == 2 ? bot.rows(UiKeys.FEATURES_AVAILABLE) : null);
        assertEquals("国民健康保険", available.get(0).get(0));
        assertEquals("未導入", available.get(0).get(3));
        assertEquals("file:///srv/kiban/repository", String.valueOf(service.lastRepository));
        assertTrue(bot.text(UiKeys.FEATURES_MESSAGE).startsWith("このリポジトリの業務機能は 2 件です"), bot.text(UiKeys.FEATURES_MESSAGE));

        // a feature whose bundle claims a must-not function: refused with the reason, nothing installed
        bot.selectRows(UiKeys.FEATURES_AVAILABLE, false, 1);
        bot.click(UiKeys.FEATURES_INSTALL);
        String refused = Bot.waitFor("the refusal",
                () -> bot.text(UiKeys.FEATURES_MESSAGE).contains("導入できません") ? bot.text(UiKeys.FEATURES_MESSAGE) : null);
        assertTrue(refused.contains("業務機能 jp.example.dates.feature は導入できません"), refused);
        assertTrue(refused.contains("・jp.example.dates 1.0.0：juki:1.1.8/must-not（1.1.8 年月日の管理）は標準仕様書で「実装しない機能」とされています"),
                refused);
        assertEquals(List.of(), service.installedIds);
        repaint(main);
        Bot.screenshot("features-refused");

        bot.selectRows(UiKeys.FEATURES_AVAILABLE, false, 0);
        bot.click(UiKeys.FEATURES_INSTALL);
        String done = Bot.waitFor("the install", () -> bot.text(UiKeys.FEATURES_MESSAGE).contains("追加しました")
                ? bot.text(UiKeys.FEATURES_MESSAGE) : null);
        assertEquals("業務機能「国民健康保険」（版 0.1.0）を追加しました（バンドル 3 個）。窓口端末を再起動すると使えます。", done);
        assertEquals(List.of("jp.kiban.healthinsurance.feature"), service.installedIds);
        Bot.waitFor("the installed list with the new feature", () -> bot.rows(UiKeys.FEATURES_INSTALLED).size() == 2 ? Boolean.TRUE : null);
        assertEquals("再起動後に有効", bot.rows(UiKeys.FEATURES_INSTALLED).get(1).get(3));
        repaint(main);
        Bot.screenshot("features-installed");
    }

    /** GTK paints later than the widgets change: flush it so that the screenshot shows what was asserted. */
    private static void repaint(MainWindowPage main) {
        Bot.ui(() -> {
            main.shell().layout(true, true);
            main.shell().redraw();
            main.shell().update();
        });
    }

    /** The service's contract without p2: what the screen sees. */
    static final class StandIn implements FeatureProvisioning {
        final List<String> installedIds = new ArrayList<>();
        volatile URI lastRepository;

        private static BusinessFeature feature(String id, String name, boolean installed, String state, String... bundles) {
            return new BusinessFeature(id, "0.1.0", name, "", installed,
                    java.util.Arrays.stream(bundles).map(b -> new FeatureBundle(b, "0.1.0", state)).toList());
        }

        @Override
        public List<BusinessFeature> available(Operator operator, URI repository, ProvisioningProgress progress) {
            check(operator);
            lastRepository = repository;
            progress.step(ProvisioningStep.LOAD_REPOSITORY, 0);
            return List.of(
                    feature("jp.kiban.healthinsurance.feature", "国民健康保険", installedIds.contains("jp.kiban.healthinsurance.feature"), "-",
                            "jp.kiban.healthinsurance", "jp.kiban.healthinsurance.impl", "jp.kiban.healthinsurance.ui"),
                    feature("jp.example.dates.feature", "みなし生年月日", false, "-", "jp.example.dates"));
        }

        @Override
        public List<BusinessFeature> installed(Operator operator) {
            check(operator);
            List<BusinessFeature> list = new ArrayList<>();
            list.add(feature("jp.kiban.childallowance.feature", "児童手当", true, "ACTIVE", "jp.kiban.childallowance.impl"));
            if (installedIds.contains("jp.kiban.healthinsurance.feature")) {
                list.add(feature("jp.kiban.healthinsurance.feature", "国民健康保険", true, "NOT_RUNNING", "jp.kiban.healthinsurance.impl"));
            }
            return list;
        }

        @Override
        public ProvisioningResult install(Operator operator, String featureId, URI repository, ProvisioningProgress progress) {
            check(operator);
            progress.step(ProvisioningStep.CHECK_WHITELIST, 30);
            if (featureId.equals("jp.example.dates.feature")) {
                ModuleStatus bad = new ModuleStatus("jp.example.dates", "1.0.0", List.of("juki:1.1.8/must-not"),
                        List.of(ClaimProblem.of(ClaimProblem.Code.MUST_NOT, "juki:1.1.8/must-not", "1.1.8 年月日の管理")));
                throw new ProvisioningRefusal(List.of(bad), null, "refused.whitelist", featureId, 1);
            }
            installedIds.add(featureId);
            progress.step(ProvisioningStep.DONE, 100);
            return new ProvisioningResult(featureId, "0.1.0",
                    List.of("jp.kiban.healthinsurance 0.1.0", "jp.kiban.healthinsurance.impl 0.1.0", "jp.kiban.healthinsurance.ui 0.1.0"),
                    List.of(), true);
        }

        @Override
        public ProvisioningResult uninstall(Operator operator, String featureId, ProvisioningProgress progress) {
            check(operator);
            installedIds.remove(featureId);
            return new ProvisioningResult(featureId, "0.1.0", List.of(), List.of(), true);
        }

        @Override
        public Path installation() {
            return Path.of("/opt/kiban");
        }

        private static void check(Operator operator) {
            if (!operator.may(Permission.ADMINISTER)) {
                throw new IllegalStateException("not an administrator: " + operator.id());
            }
        }
    }
}
