package jp.kiban.healthinsurance.tests;

import static jp.kiban.healthinsurance.tests.Town.KOKUHO;
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

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.ImportResult;
import jp.kiban.healthinsurance.InsuredPerson;
import jp.kiban.healthinsurance.KokuhoException;
import jp.kiban.healthinsurance.KokuhoHousehold;
import jp.kiban.healthinsurance.KokuhoTask;
import jp.kiban.healthinsurance.LossReason;
import jp.kiban.healthinsurance.Part;
import jp.kiban.healthinsurance.Qualification;
import jp.kiban.healthinsurance.TaskKind;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;
import jp.kiban.security.SecurityRefusal;

/**
 * A family's 国保 through the real resident base and its events: 転入 → task 「国保加入の確認」, clerk 取得 with
 * its refusals, 出生 → automatic 取得, income input and CSV import, the household's tax, 死亡 → 喪失 on the next
 * day, 転出 → 喪失 on the day after the 転出予定日 and a task (国保法第7条・第8条).
 */
class QualificationAndEventsTest {

    static Qualification last(KokuhoHousehold h, AddresseeNumber n) {
        InsuredPerson p = h.members().stream().filter(m -> m.number().equals(n)).findFirst().orElseThrow();
        return p.qualifications().get(p.qualifications().size() - 1);
    }

    @Test
    void aFamilyThroughTheYear() throws Exception {
        HealthInsurance kokuho = Town.service(HealthInsurance.class);
        LocalDate moveIn = LocalDate.of(2025, 4, 1);
        ChangeResult in = Town.apply(Town.moveIn(moveIn, "1-1", List.of(
                Town.member(Town.person("山田", "一郎", "やまだ　いちろう", LocalDate.of(1962, 6, 1), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person("山田", "花子", "やまだ　はなこ", LocalDate.of(1965, 2, 10), Sex.FEMALE), Relationship.WIFE),
                Town.member(Town.person("山田", "次郎", "やまだ　じろう", LocalDate.of(2000, 9, 9), Sex.MALE), Relationship.CHILD))));
        AddresseeNumber ichiro = in.persons().get(0);
        AddresseeNumber hanako = in.persons().get(1);
        AddresseeNumber jiro = in.persons().get(2);
        HouseholdNumber household = in.households().get(0);

        // 転入 → 「国保加入の確認」
        List<KokuhoTask> tasks = Town.await(() -> kokuho.tasks(KOKUHO, false).stream()
                .filter(t -> t.kind() == TaskKind.CONFIRM_ENROLMENT && t.household().equals(Optional.of(household))).toList(),
                l -> l.size() == 1, "the enrolment task");
        assertTrue(tasks.get(0).subject().contains("山田　一郎") || tasks.get(0).subject().contains("山田 一郎"),
                tasks.get(0).subject());

        // the clerk: 取得 for the head and the wife (the son has employee insurance)
        kokuho.acquire(KOKUHO, ichiro, moveIn, AcquisitionReason.MOVE_IN);
        kokuho.acquire(KOKUHO, hanako, moveIn, AcquisitionReason.MOVE_IN);
        KokuhoException twice = assertThrows(KokuhoException.class,
                () -> kokuho.acquire(KOKUHO, hanako, moveIn.plusDays(3), AcquisitionReason.LEFT_EMPLOYEE_INSURANCE));
        assertEquals("acquire.alreadyInsured", twice.code());
        assertTrue(twice.getMessage(Locale.JAPANESE).contains("すでに国保の被保険者"), twice.getMessage(Locale.JAPANESE));
        assertEquals("acquire.future", assertThrows(KokuhoException.class,
                () -> kokuho.acquire(KOKUHO, jiro, Town.today().plusDays(1), AcquisitionReason.OTHER)).code());
        assertEquals("person.notResident", assertThrows(KokuhoException.class,
                () -> kokuho.acquire(KOKUHO, jiro, LocalDate.of(2025, 3, 1), AcquisitionReason.OTHER)).code());
        assertEquals("lose.notInsured", assertThrows(KokuhoException.class,
                () -> kokuho.lose(KOKUHO, jiro, LocalDate.of(2025, 6, 1), LossReason.OTHER)).code());
        assertThrows(SecurityRefusal.class, () -> kokuho.acquire(Town.JIDOTEATE, jiro, moveIn, AcquisitionReason.OTHER));
        assertThrows(SecurityRefusal.class, () -> kokuho.household(Town.JIDOTEATE, household));

        // 出生 into the 国保世帯 → 取得 on the birth date, 事由 出生
        LocalDate born = LocalDate.of(2025, 8, 15);
        ChangeResult birth = Town.apply(new ChangeRequest.Birth(born.plusDays(1), household,
                Town.person("山田", "三郎", "やまだ　さぶろう", born, Sex.MALE), Relationship.CHILD));
        AddresseeNumber saburo = birth.persons().stream().filter(p -> !p.equals(ichiro) && !p.equals(hanako) && !p.equals(jiro))
                .findFirst().orElseThrow();
        KokuhoHousehold h = Town.await(() -> kokuho.household(KOKUHO, household).orElseThrow(),
                x -> x.members().stream().anyMatch(m -> m.number().equals(saburo)), "the newborn's 資格");
        Qualification q = last(h, saburo);
        assertEquals(born, q.acquiredOn());
        assertEquals(AcquisitionReason.BIRTH, q.acquisitionReason());
        assertEquals("山田　一郎", h.head().orElseThrow().name());
        assertFalse(h.members().stream().anyMatch(m -> m.number().equals(jiro)), "the son is not insured, not copied");

        // incomes: one typed, one imported; a bad file stores nothing and names the lines
        kokuho.setIncome(KOKUHO, 2025, ichiro, 2_500_000, true);
        ImportResult bad = kokuho.importIncomes(KOKUHO, 2025, new StringReader(
                "addressee_number,total_income,wage_earner\n" + hanako.value() + ",300000,0\n" + hanako.value() + ",12x,1\n"
                        + jiro.value() + ",100,2\n"));
        assertFalse(bad.ok());
        assertEquals(List.of(3, 4), bad.problems().stream().map(ImportResult.Problem::line).toList());
        assertTrue(kokuho.income(KOKUHO, 2025, hanako).isEmpty(), "all or nothing");
        ImportResult unknown = kokuho.importIncomes(KOKUHO, 2025, new StringReader(
                "addressee_number,total_income,wage_earner\n" + hanako.value() + ",300000,0\n" + jiro.value() + ",100,0\n"));
        assertEquals("income.unknownPerson", unknown.problems().get(0).error().code());
        assertTrue(kokuho.income(KOKUHO, 2025, hanako).isEmpty(), "all or nothing");
        ImportResult good = kokuho.importIncomes(KOKUHO, 2025, new StringReader(
                "addressee_number,total_income,wage_earner\n" + hanako.value() + ",\"300,000\",0\n"));
        assertTrue(good.ok(), good.problems().toString());
        assertEquals(300_000, kokuho.income(KOKUHO, 2025, hanako).orElseThrow().totalIncome());

        // the tax: head 63 and wife 60 (both 介護), the baby from August (8 months); 軽減判定 on 1 April: 2,800,000, none.
        // 医療 (2,500,000−430,000)×7% = 144,900; 均等割 30,000 × 32/12 = 80,000; 平等割 25,000 → 249,900
        // 支援 51,750 + 29,333 + 9,000 = 90,083; 介護 45,540 + 24,000 + 7,000 = 76,540; Σ 416,523 → 416,500
        TaxAssessment tax = kokuho.assess(KOKUHO, household, 2025);
        assertEquals(0, tax.reductionTenths());
        assertEquals(2_800_000, tax.reductionIncome());
        assertEquals(249_900, tax.part(Part.MEDICAL).amount());
        assertEquals(90_083, tax.part(Part.SUPPORT).amount());
        assertEquals(76_540, tax.part(Part.CARE).amount());
        assertEquals(416_500, tax.annualTax());

        // 死亡 of the wife → 喪失 on the next day, automatically
        LocalDate died = LocalDate.of(2025, 12, 10);
        Town.apply(new ChangeRequest.Death(died, died.plusDays(1), hanako, Optional.empty(), Map.of()));
        Qualification lost = Town.await(() -> last(kokuho.household(KOKUHO, household).orElseThrow(), hanako),
                x -> x.lostOn().isPresent(), "the wife's 喪失");
        assertEquals(died.plusDays(1), lost.lostOn().orElseThrow());
        assertEquals(LossReason.DEATH, lost.lossReason().orElseThrow());
        // 介護 months now: the head 12 + the wife April–November 8
        assertEquals(12 + 8, kokuho.assess(KOKUHO, household, 2025).part(Part.CARE).personMonths());

        // 転出 of the whole household → 喪失 on the day after the 転出予定日, and a task to confirm it
        LocalDate planned = Town.today().plusDays(10);
        Town.apply(new ChangeRequest.MoveOut(planned, Town.today(), List.of(ichiro, jiro, saburo), "大阪府大阪市北区1-1",
                false, Optional.empty(), Map.of()));
        Qualification headLost = Town.await(() -> last(kokuho.household(KOKUHO, household).orElseThrow(), ichiro),
                x -> x.lostOn().isPresent(), "the head's 喪失");
        assertEquals(planned.plusDays(1), headLost.lostOn().orElseThrow());
        assertEquals(LossReason.MOVE_OUT, headLost.lossReason().orElseThrow());
        assertEquals(planned.plusDays(1), Town.await(() -> last(kokuho.household(KOKUHO, household).orElseThrow(), saburo),
                x -> x.lostOn().isPresent(), "the baby's 喪失").lostOn().orElseThrow());
        Town.await(() -> kokuho.tasks(KOKUHO, false).stream().filter(t -> t.kind() == TaskKind.CONFIRM_MOVE_OUT
                && t.household().equals(Optional.of(household))).count(), c -> c == 2L, "two 転出 tasks");

        // the clerk resolves a task; it leaves the open list
        KokuhoTask first = kokuho.tasks(KOKUHO, false).stream().filter(t -> t.household().equals(Optional.of(household)))
                .findFirst().orElseThrow();
        kokuho.resolveTask(KOKUHO, first.id(), "確認済み");
        assertTrue(kokuho.tasks(KOKUHO, false).stream().noneMatch(t -> t.id().equals(first.id())));
        assertTrue(kokuho.tasks(KOKUHO, true).stream().anyMatch(t -> t.id().equals(first.id()) && t.done()));
    }

    /** 75歳到達: the 資格 ends on the 75th birthday (国保法第6条第8号), the person stays as 特定同一世帯所属者. */
    @Test
    void seventyFifthBirthdayEndsTheQualification() throws Exception {
        HealthInsurance kokuho = Town.service(HealthInsurance.class);
        LocalDate moveIn = LocalDate.of(2025, 4, 1);
        ChangeResult in = Town.apply(Town.moveIn(moveIn, "2-2", List.of(
                Town.member(Town.person("高木", "茂", "たかぎ　しげる", LocalDate.of(1950, 11, 20), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person("高木", "和子", "たかぎ　かずこ", LocalDate.of(1955, 2, 1), Sex.FEMALE), Relationship.WIFE))));
        AddresseeNumber shigeru = in.persons().get(0);
        AddresseeNumber kazuko = in.persons().get(1);
        kokuho.acquire(KOKUHO, shigeru, moveIn, AcquisitionReason.MOVE_IN);
        kokuho.acquire(KOKUHO, kazuko, moveIn, AcquisitionReason.MOVE_IN);
        assertEquals("acquire.lateElderly", assertThrows(KokuhoException.class,
                () -> kokuho.acquire(KOKUHO, shigeru, LocalDate.of(2025, 11, 20), AcquisitionReason.OTHER)).code());

        assertTrue(kokuho.applyLateElderlyTransitions(KOKUHO, LocalDate.of(2025, 11, 20)) >= 1);
        KokuhoHousehold h = kokuho.household(KOKUHO, in.households().get(0)).orElseThrow();
        Qualification q = last(h, shigeru);
        assertEquals(LocalDate.of(2025, 11, 20), q.lostOn().orElseThrow());
        assertEquals(LossReason.LATE_ELDERLY, q.lossReason().orElseThrow());
        assertTrue(last(h, kazuko).open());
        assertTrue(h.nominalHeadOn(LocalDate.of(2025, 12, 1)), "the head is now a 擬制世帯主");
        assertEquals(Optional.of(LocalDate.of(2025, 11, 20)),
                h.members().stream().filter(m -> m.number().equals(shigeru)).findFirst().orElseThrow().lateElderlySince());
        // FY2026: 特定世帯 (平等割 halved)
        TaxAssessment next = kokuho.assess(KOKUHO, in.households().get(0), 2026);
        assertEquals(2, next.householdFactor());
        assertEquals(2, next.reductionPersons());
    }
}
