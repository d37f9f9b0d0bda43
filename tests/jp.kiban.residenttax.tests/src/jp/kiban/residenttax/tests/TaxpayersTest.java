package jp.kiban.residenttax.tests;

import static jp.kiban.residenttax.tests.Town.JUMINZEI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.addressee.NonResidentData;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.residenttax.Exemption;
import jp.kiban.residenttax.ImportResult;
import jp.kiban.residenttax.IncomeDeclaration;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxException;
import jp.kiban.residenttax.TaxComputation;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.residenttax.TaxpayerKind;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;
import jp.kiban.security.SecurityRefusal;

/**
 * Taxpayers of 令和8年度 (tax year 2026) from the real resident register as of 1 January 2026 (地方税法第318条),
 * 住登外 taxpayers, income input and CSV import (all or nothing), permissions. Only the persons made here are looked
 * at: other test classes share the register.
 */
class TaxpayersTest {
    static final int Y = 2026;

    static AddresseeNumber resident(LocalDate moveIn, String lot, String family, String given, String furigana)
            throws InterruptedException {
        return Town.apply(Town.moveIn(moveIn, lot, List.of(Town.member(
                Town.person(family, given, furigana, LocalDate.of(1980, 4, 1), Sex.MALE), Relationship.HEAD))))
                .persons().get(0);
    }

    @Test
    void taxpayersAreTheResidentsOfTheFirstOfJanuaryAndIncomesAreStoredOnlyForThem() throws Exception {
        ResidentTax tax = Town.service(ResidentTax.class);
        AddresseeNumber stays = resident(LocalDate.of(2025, 6, 1), "t-1", "課税", "一郎", "かぜい　いちろう");
        AddresseeNumber leaves = resident(LocalDate.of(2025, 6, 1), "t-2", "課税", "二郎", "かぜい　じろう");
        AddresseeNumber late = resident(LocalDate.of(2026, 2, 1), "t-3", "課税", "三郎", "かぜい　さぶろう");
        AddresseeNumber dies = resident(LocalDate.of(2025, 6, 1), "t-4", "課税", "四郎", "かぜい　しろう");
        Town.apply(new ChangeRequest.MoveOut(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 20), List.of(leaves),
                "大阪府大阪市北区梅田一丁目1番1号", false, Optional.empty(), Map.of()));
        Town.apply(new ChangeRequest.Death(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), dies, Optional.empty(),
                Map.of()));

        assertThrows(SecurityRefusal.class, () -> tax.extractTaxpayers(Town.KOKUHO, Y));
        int onRegister = tax.extractTaxpayers(JUMINZEI, Y);
        assertTrue(onRegister >= 3, "on the register on 1 January: " + onRegister);
        assertTrue(tax.taxpayerCount(JUMINZEI, Y) >= onRegister, "住登外 taxpayers come on top");

        Taxpayer a = tax.taxpayer(JUMINZEI, Y, stays).orElseThrow();
        assertEquals(TaxpayerKind.REGISTERED, a.kind());
        assertEquals("課税　一郎", a.name());
        assertTrue(a.livesInTown());
        assertTrue(a.household().isPresent());
        // moved out after 1 January: still taxed by the town, the notice goes to the declared destination
        Taxpayer b = tax.taxpayer(JUMINZEI, Y, leaves).orElseThrow();
        assertFalse(b.livesInTown());
        assertEquals("大阪府大阪市北区梅田一丁目1番1号", b.address());
        // died after 1 January: still a taxpayer of the year
        assertFalse(tax.taxpayer(JUMINZEI, Y, dies).orElseThrow().livesInTown());
        // moved in after 1 January: not a taxpayer of this year
        assertTrue(tax.taxpayer(JUMINZEI, Y, late).isEmpty());
        assertEquals(List.of(stays), tax.taxpayers(JUMINZEI, Y, "かぜい いちろう", 10).stream().map(Taxpayer::person).toList());
        assertEquals(List.of(stays), tax.taxpayers(JUMINZEI, Y, "課税一郎", 10).stream().map(Taxpayer::person).toList());

        // the clerk's input and the tax (worked example in CalculatorTest)
        tax.setIncome(JUMINZEI, IncomeDeclaration.salary(Y, stays, 3_000_000, 450_000));
        TaxComputation c = tax.assess(JUMINZEI, Y, stays);
        assertTrue(c.declared());
        assertEquals(116_500, c.annualTax());
        assertEquals("input", tax.income(JUMINZEI, Y, stays).orElseThrow().source());

        // not a taxpayer of the year: refused in Japanese, nothing stored
        ResidentTaxException refused = assertThrows(ResidentTaxException.class,
                () -> tax.setIncome(JUMINZEI, IncomeDeclaration.salary(Y, late, 2_000_000, 0)));
        assertEquals("宛名番号 " + late.value() + " の方は2026年度の課税対象者ではありません。",
                refused.getMessage(Locale.JAPANESE));
        assertTrue(tax.income(JUMINZEI, Y, late).isEmpty());
        assertThrows(SecurityRefusal.class, () -> tax.setIncome(Town.JIDOTEATE, IncomeDeclaration.salary(Y, stays, 1, 0)));

        // a change dated before 1 January confirmed afterwards (住民記録との連携): the person becomes a taxpayer
        AddresseeNumber retro = resident(LocalDate.of(2025, 12, 1), "t-5", "課税", "五郎", "かぜい　ごろう");
        Town.await(() -> tax.taxpayer(JUMINZEI, Y, retro), Optional::isPresent, "the late 転入 in the taxpayers");
    }

    @Test
    void csvImportStoresAllRowsOrNoneAndReportsEachBadLine() throws Exception {
        ResidentTax tax = Town.service(ResidentTax.class);
        AddresseeNumber x = resident(LocalDate.of(2025, 7, 1), "c-1", "取込", "花子", "とりこみ　はなこ");
        AddresseeNumber y = resident(LocalDate.of(2025, 7, 1), "c-2", "取込", "次郎", "とりこみ　じろう");
        AddresseeNumber notYet = resident(LocalDate.of(2026, 3, 1), "c-3", "取込", "三郎", "とりこみ　さぶろう");
        tax.extractTaxpayers(JUMINZEI, Y);

        String header = ResidentTax.CSV_HEADER + "\n";
        // line 3: not an amount; line 4: spouse code 5; line 5: too few columns
        ImportResult bad = tax.importIncomes(JUMINZEI, Y, new StringReader(header
                + x.value() + ",3000000,0,450000,0,0,0,0,0,0,0,0,0\n"
                + y.value() + ",abc,0,0,0,0,0,0,0,0,0,0,0\n"
                + y.value() + ",\"1,000,000\",0,0,5,0,0,0,0,0,0,0,0\n"
                + y.value() + ",1000000\n"));
        assertFalse(bad.ok());
        assertEquals(0, bad.stored());
        assertEquals(List.of(3, 4, 5), bad.problems().stream().map(ImportResult.Problem::line).toList());
        assertEquals("給与収入の「abc」は金額（円）ではありません。", bad.problems().get(0).error().getMessage(Locale.JAPANESE));
        assertEquals("配偶者の「5」は 0/1/2 のいずれかで指定してください。", bad.problems().get(1).error().getMessage(Locale.JAPANESE));
        assertEquals("13列必要ですが、2列です。", bad.problems().get(2).error().getMessage(Locale.JAPANESE));
        assertTrue(tax.income(JUMINZEI, Y, x).isEmpty(), "nothing half-imported");

        // well-formed rows, but line 3 is not a taxpayer of 2026: nothing stored either
        ImportResult unknown = tax.importIncomes(JUMINZEI, Y, new StringReader(header
                + x.value() + ",3000000,0,450000,0,0,0,0,0,0,0,0,0\n"
                + notYet.value() + ",2000000,0,0,0,0,0,0,0,0,0,0,0\n"));
        assertEquals(List.of(3), unknown.problems().stream().map(ImportResult.Problem::line).toList());
        assertEquals("宛名番号 " + notYet.value() + " の方は2026年度の課税対象者ではありません。",
                unknown.problems().get(0).error().getMessage(Locale.JAPANESE));
        assertTrue(tax.income(JUMINZEI, Y, x).isEmpty(), "nothing half-imported");

        ImportResult ok = tax.importIncomes(JUMINZEI, Y, new StringReader("\uFEFF" + header
                + x.value() + ",\"3,000,000\",0,450000,0,0,0,0,0,0,0,0,0\n"
                + y.value() + ",5000000,0,720000,1,1,0,1,0,0,0,0,0\n"));
        assertTrue(ok.ok(), () -> ok.problems().toString());
        assertEquals(2, ok.stored());
        assertEquals("import", tax.income(JUMINZEI, Y, x).orElseThrow().source());
        assertEquals(116_500, tax.assess(JUMINZEI, Y, x).annualTax());
        assertEquals(154_000, tax.assess(JUMINZEI, Y, y).annualTax());

        ImportResult header1 = tax.importIncomes(JUMINZEI, Y, new StringReader("宛名番号,給与\n"));
        assertEquals(1, header1.problems().get(0).line());
        assertTrue(header1.problems().get(0).error().getMessage(Locale.JAPANESE).startsWith("所得CSVの1行目は見出し行"));
    }

    @Test
    void nonResidentTaxpayersEnteredByTheClerk() throws Exception {
        ResidentTax tax = Town.service(ResidentTax.class);
        NonResidentData lives = NonResidentData.of(KanjiName.of("外山", "次郎"), Furigana.of("トヤマ　ジロウ"),
                RecordedDate.exact(LocalDate.of(1975, 8, 8))).withAddress(PostalCode.of("100-0001"), Town.address("9-9"));
        assertThrows(ResidentTaxException.class,
                () -> tax.registerNonResident(JUMINZEI, Y, lives, TaxpayerKind.REGISTERED));
        Taxpayer t = tax.registerNonResident(JUMINZEI, Y, lives, TaxpayerKind.UNREGISTERED);
        assertEquals(TaxpayerKind.UNREGISTERED, t.kind());
        assertEquals("外山　次郎", t.name());
        assertEquals(t, tax.taxpayer(JUMINZEI, Y, t.person()).orElseThrow());
        tax.setIncome(JUMINZEI, IncomeDeclaration.salary(Y, t.person(), 3_000_000, 450_000));
        assertEquals(116_500, tax.assess(JUMINZEI, Y, t.person()).annualTax());
        // a new extraction from the register keeps the 住登外 taxpayers
        tax.extractTaxpayers(JUMINZEI, Y);
        assertTrue(tax.taxpayer(JUMINZEI, Y, t.person()).isPresent());

        Taxpayer premises = tax.registerNonResident(JUMINZEI, Y, NonResidentData.of(KanjiName.of("家屋", "敷子"),
                Furigana.of("カオク　シキコ"), RecordedDate.unknown()).withAddressAbroad("Singapore"), TaxpayerKind.PREMISES);
        TaxComputation c = tax.assess(JUMINZEI, Y, premises.person());
        assertEquals(Exemption.PREMISES_ONLY, c.exemption());
        assertEquals(4_000, c.annualTax());
    }

    @Test
    void theTownsGradeIsSetByTheAdministrator() throws Exception {
        ResidentTax tax = Town.service(ResidentTax.class);
        assertThrows(SecurityRefusal.class, () -> tax.setGrade(JUMINZEI, 1));
        ResidentTaxException e = assertThrows(ResidentTaxException.class, () -> tax.setGrade(Town.ADMIN, 4));
        assertEquals("級地は1、2、3のいずれかで指定してください。", e.getMessage(Locale.JAPANESE));
        int before = tax.grade(JUMINZEI);
        try {
            tax.setGrade(Town.ADMIN, 1);
            assertEquals(1, tax.grade(JUMINZEI));
            assertEquals(450_000, tax.rules(JUMINZEI, Y).perCapitaLimitPerPerson() + 100_000);
        } finally {
            tax.setGrade(Town.ADMIN, before);
        }
    }
}
