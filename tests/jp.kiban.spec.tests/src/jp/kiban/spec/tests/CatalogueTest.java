package jp.kiban.spec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import jp.kiban.spec.Business;
import jp.kiban.spec.SpecCatalogue;
import jp.kiban.spec.SpecFunction;
import jp.kiban.spec.Tier;

/** The bundled catalogue, built from 住民記録システム標準仕様書 第1.0版 chapter 3. */
class CatalogueTest {

    private final SpecCatalogue catalogue = SpecCatalogue.bundled();

    @Test
    void jukiCatalogueHoldsEverySectionTierWithText() {
        Map<Tier, Long> byTier = catalogue.functions("juki").stream()
                .collect(Collectors.groupingBy(SpecFunction::tier, Collectors.counting()));
        // counted from the 143 section files: 132 with 実装すべき機能, 18 with 実装してもしなくても良い機能, 47 with 実装しない機能
        assertEquals(132L, byTier.get(Tier.MUST));
        assertEquals(18L, byTier.get(Tier.OPTIONAL));
        assertEquals(47L, byTier.get(Tier.MUST_NOT));
    }

    @Test
    void functionsCarrySectionTitleTierAndText() {
        SpecFunction notice = catalogue.function("juki:8.1.1/optional").orElseThrow();
        assertEquals("8.1.1", notice.section());
        assertEquals("登録管理", notice.title());
        assertEquals(Tier.OPTIONAL, notice.tier());
        assertTrue(notice.summary().startsWith("「本人通知」の申出内容について"), notice.summary());

        SpecFunction place = catalogue.function("juki:5.5/must-not").orElseThrow();
        assertEquals("発行番号", place.title());
        assertEquals("発行場所を証明書に記載できること。", place.summary());

        assertTrue(catalogue.function("juki:10.2/must").isPresent(), "アクセスログ管理");
        // 8.1.1 has nothing under 実装すべき機能: there is no must function to claim
        assertFalse(catalogue.function("juki:8.1.1/must").isPresent());
        // the catalogue keeps the specification's order
        List<String> sections = catalogue.functions("juki").stream().map(SpecFunction::section).distinct().toList();
        assertEquals("1.1.1", sections.get(0));
        assertTrue(sections.indexOf("1.1.10") > sections.indexOf("1.1.9"), "1.1.10 after 1.1.9, not after 1.1.1");
        assertEquals("11.1", sections.get(sections.size() - 1));
    }

    @Test
    void businessesSayWhichSpecificationTheyFollow() {
        Business juki = catalogue.business("juki").orElseThrow();
        assertEquals("住民記録", juki.nameJa());
        assertTrue(juki.source().contains("第1.0版"), juki.source());
        assertTrue(catalogue.business("kiban").isPresent());
        assertTrue(catalogue.function("kiban:testing/optional").isPresent());
    }

    @Test
    void inconsistentCataloguesAreRefused() {
        Business b = new Business("x", "x", "x", "x");
        SpecFunction f = new SpecFunction("x:1/must", "x", "1", "t", Tier.MUST, 1, "s");
        assertThrows(IllegalArgumentException.class, () -> new SpecCatalogue(List.of(b), List.of(f, f)), "duplicate id");
        assertThrows(IllegalArgumentException.class, () -> new SpecCatalogue(List.of(), List.of(f)), "unknown business");
        assertThrows(IllegalArgumentException.class, () -> new SpecFunction("x:2/must", "x", "1", "t", Tier.MUST, 1, "s"),
                "id that does not match its section");
    }
}
