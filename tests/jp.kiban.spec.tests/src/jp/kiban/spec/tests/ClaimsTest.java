package jp.kiban.spec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kiban.spec.ClaimProblem;
import jp.kiban.spec.ClaimProblem.Code;
import jp.kiban.spec.ModuleClaims;
import jp.kiban.spec.SpecCatalogue;

/** What a module may claim (Kiban-Spec-Functions) and the reasons given when it may not. */
class ClaimsTest {

    private final SpecCatalogue catalogue = SpecCatalogue.bundled();

    @Test
    void parsesTheHeader() {
        assertEquals(List.of(), ModuleClaims.parse(null));
        assertEquals(List.of(), ModuleClaims.parse("  ,  "));
        // a manifest continuation line joins the parts without the blank: "a,b"
        assertEquals(List.of("juki:8.1.1/optional", "juki:8.1.3/optional"),
                ModuleClaims.parse("juki:8.1.1/optional,juki:8.1.3/optional, juki:8.1.1/optional"));
    }

    @Test
    void aConformingModuleHasNoProblems() {
        assertEquals(List.of(), ModuleClaims.check(catalogue, List.of("juki:8.1.1/optional", "juki:1.1.1/must")));
    }

    @Test
    void claimingNothingIsRefused() {
        List<ClaimProblem> p = ModuleClaims.check(catalogue, List.of());
        assertEquals(List.of(Code.NO_CLAIM), p.stream().map(ClaimProblem::code).toList());
        assertTrue(p.get(0).message().contains("Kiban-Spec-Functions"), p.get(0).message());
        assertTrue(p.get(0).message(Locale.JAPANESE).contains("宣言していません"), p.get(0).message(Locale.JAPANESE));
    }

    @Test
    void aMustNotFunctionIsRefusedWithTheSectionNamed() {
        List<ClaimProblem> p = ModuleClaims.check(catalogue, List.of("juki:8.1.1/optional", "juki:5.5/must-not"));
        assertEquals(1, p.size());
        assertEquals(Code.MUST_NOT, p.get(0).code());
        assertEquals("juki:5.5/must-not（5.5 発行番号）は標準仕様書で「実装しない機能」とされています", p.get(0).message(Locale.JAPANESE));
        assertEquals("juki:5.5/must-not (5.5 発行番号) is a function the specification says must not be implemented", p.get(0).message());
    }

    @Test
    void aFunctionOutsideTheCatalogueIsRefused() {
        // 8.1.1 has no must tier; 99.9 does not exist; the 住民記録 catalogue has no 児童手当 functions
        for (String id : List.of("juki:8.1.1/must", "juki:99.9/optional", "jidou:1.1/must")) {
            List<ClaimProblem> p = ModuleClaims.check(catalogue, List.of(id));
            assertEquals(List.of(Code.UNKNOWN_FUNCTION), p.stream().map(ClaimProblem::code).toList(), id);
            assertTrue(p.get(0).message(Locale.JAPANESE).contains("ホワイトリスト外"));
        }
    }

    @Test
    void malformedClaimsAreRefusedAndShownSafely() {
        List<ClaimProblem> p = ModuleClaims.check(catalogue, List.of("juki 8.1.1", "'; DROP TABLE x;--", "a\u0007b:1/must"));
        assertEquals(List.of(Code.MALFORMED, Code.MALFORMED, Code.MALFORMED), p.stream().map(ClaimProblem::code).toList());
        assertTrue(p.get(2).message().contains("a\\u0007b:1/must"), "control characters are escaped: " + p.get(2).message());
        assertFalse(p.get(2).message().contains("\u0007"));
    }

    @Test
    void theWhitelistAppliesToKibanNamesHeadersAndToBundlesUsingKiban() {
        // the rule used at start (Enforcer) and, before an install, on the manifests in a p2 repository
        assertTrue(ModuleClaims.isKibanModule("jp.kiban.healthinsurance.impl", Map.<String, String>of()::get));
        assertTrue(ModuleClaims.isKibanModule("com.example.tax", Map.of("Kiban-Spec-Functions", "")::get));
        assertTrue(ModuleClaims.isKibanModule("com.example.tax",
                Map.of("Import-Package", "org.osgi.framework, jp.kiban.resident;version=\"[0.1,0.2)\"")::get));
        assertTrue(ModuleClaims.isKibanModule("com.example.tax", Map.of("Require-Bundle", "jp.kiban.core")::get));
        assertTrue(ModuleClaims.isKibanModule("com.example.tax.fragment", Map.of("Fragment-Host", "jp.kiban.resident.impl")::get));
        assertFalse(ModuleClaims.isKibanModule("org.eclipse.equinox.p2.engine", Map.of("Import-Package", "org.osgi.framework")::get));
        assertFalse(ModuleClaims.isKibanModule(null, Map.<String, String>of()::get));
    }
}
