package jp.kiban.childallowance.tests;

import static jp.kiban.childallowance.tests.Town.JIDOTEATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import jp.kiban.childallowance.AllowanceChild;
import jp.kiban.childallowance.AllowanceTask;
import jp.kiban.childallowance.Application;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.Band;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildAllowanceException;
import jp.kiban.childallowance.ChildEndReason;
import jp.kiban.childallowance.ChildEntry;
import jp.kiban.childallowance.ExtinctionReason;
import jp.kiban.childallowance.MonthlyAmount;
import jp.kiban.childallowance.Payment;
import jp.kiban.childallowance.Recipient;
import jp.kiban.childallowance.RevisionKind;
import jp.kiban.childallowance.TaskKind;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;
import jp.kiban.security.SecurityRefusal;

/**
 * A family's 児童手当 through the real resident base and its events: 転入 → 「認定請求の勧奨」 with the 15日特例
 * deadline; bad 請求 refused in Japanese with nothing stored; 認定 with the 15日特例 and an older brother of 20 who makes
 * the youngest the third child; 出生 → 「額改定請求の確認」 and the 増額; the older brother's 監護相当 ending → 減額 (the
 * under-3 child falls from 30,000 to 15,000); 転出 → tasks and the 消滅; the even-month schedule.
 */
class CertificationAndEventsTest {

    static <T> T await(java.util.function.Supplier<T> v, java.util.function.Predicate<T> ok, String what)
            throws InterruptedException {
        return Town.await(v, ok, what);
    }

    static ChildAllowanceException refused(String code, Executable call) {
        ChildAllowanceException e = assertThrows(ChildAllowanceException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertFalse(e.getMessage(Locale.JAPANESE).isBlank());
        assertFalse(e.getMessage(Locale.JAPANESE).equals(e.getMessage()), "a Japanese text for the clerk: " + e.getMessage());
        return e;
    }

    static AllowanceChild child(Recipient r, AddresseeNumber n) {
        return r.children().stream().filter(c -> c.person().equals(Optional.of(n))).findFirst().orElseThrow();
    }

    @Test
    void aFamilyFromMoveInToMoveOut() throws Exception {
        ChildAllowance jidoteate = Town.service(ChildAllowance.class);
        LocalDate moveIn = LocalDate.of(2025, 4, 25);
        ChangeResult in = Town.apply(Town.moveIn(moveIn, "5-1", List.of(
                Town.member(Town.person("児童", "太郎", "じどう　たろう", LocalDate.of(1985, 1, 1), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person("児童", "花子", "じどう　はなこ", LocalDate.of(1987, 2, 2), Sex.FEMALE), Relationship.WIFE),
                Town.member(Town.person("児童", "一郎", "じどう　いちろう", LocalDate.of(2005, 6, 1), Sex.MALE), Relationship.CHILD),
                Town.member(Town.person("児童", "二郎", "じどう　じろう", LocalDate.of(2012, 1, 1), Sex.MALE), Relationship.CHILD),
                Town.member(Town.person("児童", "三子", "じどう　みつこ", LocalDate.of(2023, 11, 20), Sex.FEMALE), Relationship.CHILD))));
        AddresseeNumber taro = in.persons().get(0);
        AddresseeNumber hanako = in.persons().get(1);
        AddresseeNumber ichiro = in.persons().get(2);
        AddresseeNumber jiro = in.persons().get(3);
        AddresseeNumber mitsuko = in.persons().get(4);
        HouseholdNumber household = in.households().get(0);

        // 転入 → 「認定請求の勧奨」 naming the children of high-school age or younger, with the 15日特例's last day
        AllowanceTask moveInTask = await(() -> jidoteate.tasks(JIDOTEATE, false).stream()
                .filter(t -> t.kind() == TaskKind.MOVE_IN_APPLICATION && t.household().equals(Optional.of(household))).toList(),
                l -> l.size() == 1, "the move-in task").get(0);
        assertEquals(Optional.of(LocalDate.of(2025, 5, 10)), moveInTask.deadline());
        assertTrue(moveInTask.subject().contains("二郎") && moveInTask.subject().contains("三子"), moveInTask.subject());
        assertFalse(moveInTask.subject().contains("一郎"), "past high-school age: " + moveInTask.subject());

        // bad 請求: refused with a Japanese message, nothing stored
        LocalDate applied = LocalDate.of(2025, 5, 8);
        ChildEntry ichiroSupported = ChildEntry.resident(ichiro, true);
        ChildEntry jiroEntry = ChildEntry.resident(jiro, false);
        ChildEntry mitsukoEntry = ChildEntry.resident(mitsuko, false);
        assertTrue(refused("application.future", () -> jidoteate.certify(JIDOTEATE, new Application(taro,
                Town.today().plusDays(1), ApplicationTrigger.NORMAL, Optional.empty(), List.of(jiroEntry))))
                .getMessage(Locale.JAPANESE).contains("未来の日付"));
        refused("children.none", () -> jidoteate.certify(JIDOTEATE,
                new Application(taro, applied, ApplicationTrigger.NORMAL, Optional.empty(), List.of())));
        ChildAllowanceException older = refused("child.olderNotSupported", () -> jidoteate.certify(JIDOTEATE, new Application(
                taro, applied, ApplicationTrigger.NORMAL, Optional.empty(), List.of(ChildEntry.resident(ichiro, false), jiroEntry))));
        assertTrue(older.getMessage(Locale.JAPANESE).contains("児童　一郎さんは高校生年代を過ぎています"), older.getMessage(Locale.JAPANESE));
        refused("child.tooOld", () -> jidoteate.certify(JIDOTEATE, new Application(taro, applied, ApplicationTrigger.NORMAL,
                Optional.empty(), List.of(ChildEntry.elsewhere("児童 長女", "じどう ちょうじょ", LocalDate.of(2002, 6, 1), "子", true),
                        jiroEntry))));
        refused("children.noneEligible", () -> jidoteate.certify(JIDOTEATE, new Application(taro, applied,
                ApplicationTrigger.NORMAL, Optional.empty(), List.of(ichiroSupported))));
        refused("child.duplicate", () -> jidoteate.certify(JIDOTEATE, new Application(taro, applied,
                ApplicationTrigger.NORMAL, Optional.empty(), List.of(jiroEntry, jiroEntry))));
        refused("child.isApplicant", () -> jidoteate.certify(JIDOTEATE, new Application(taro, applied,
                ApplicationTrigger.NORMAL, Optional.empty(), List.of(ChildEntry.resident(taro, false)))));
        refused("child.nameRequired", () -> jidoteate.certify(JIDOTEATE, new Application(taro, applied,
                ApplicationTrigger.NORMAL, Optional.empty(), List.of(ChildEntry.elsewhere(" ", "", LocalDate.of(2015, 1, 1), "子", false)))));
        refused("person.notResident", () -> jidoteate.certify(JIDOTEATE, new Application(taro, LocalDate.of(2025, 4, 20),
                ApplicationTrigger.NORMAL, Optional.empty(), List.of(jiroEntry))));
        refused("application.eventRequired", () -> jidoteate.certify(JIDOTEATE, new Application(taro, applied,
                ApplicationTrigger.MOVE_IN, Optional.empty(), List.of(jiroEntry))));
        assertTrue(jidoteate.recipientOf(JIDOTEATE, taro).isEmpty(), "nothing stored");
        assertTrue(jidoteate.recipients(JIDOTEATE, "じどう", true, YearMonth.of(2025, 6), 100).isEmpty(), "nothing stored");

        // 認定: 転入 on 25 April, 請求 on 8 May (within 15 days) → paid from May, not June (15日特例)
        Recipient r = jidoteate.certify(JIDOTEATE, new Application(taro, applied, ApplicationTrigger.MOVE_IN,
                Optional.of(moveIn), List.of(ichiroSupported, jiroEntry, mitsukoEntry)));
        assertEquals(YearMonth.of(2025, 5), r.startMonth());
        assertEquals("児童　太郎", r.name());
        assertEquals(household, r.household());
        assertEquals(RevisionKind.CERTIFICATION, r.revisions().get(0).kind());
        assertTrue(r.revisions().get(0).detail().contains("15日特例"), r.revisions().get(0).detail());
        // 一郎 (20 in October, supported) is the first, 二郎 the second, 三子 the third: 0 + 10,000 + 30,000
        MonthlyAmount may = jidoteate.amount(JIDOTEATE, r.id(), YearMonth.of(2025, 5));
        assertEquals(40_000, may.total());
        assertEquals(40_000, r.revisions().get(0).monthlyAmount());
        assertEquals(Band.OLDER_COUNTED, may.line(child(r, ichiro).id().toString()).orElseThrow().band());
        assertEquals(30_000, may.line(child(r, mitsuko).id().toString()).orElseThrow().amount());
        assertEquals(0, jidoteate.amount(JIDOTEATE, r.id(), YearMonth.of(2025, 4)).total(), "before the 支給開始月");

        refused("recipient.alreadyCertified", () -> jidoteate.certify(JIDOTEATE, new Application(taro, applied,
                ApplicationTrigger.NORMAL, Optional.empty(), List.of(jiroEntry))));
        ChildAllowanceException twice = refused("child.otherRecipient", () -> jidoteate.certify(JIDOTEATE, new Application(
                hanako, applied, ApplicationTrigger.NORMAL, Optional.empty(), List.of(mitsukoEntry))));
        assertTrue(twice.getMessage(Locale.JAPANESE).contains("児童　太郎"), twice.getMessage(Locale.JAPANESE));
        assertTrue(jidoteate.recipientOf(JIDOTEATE, hanako).isEmpty());

        // 出生 of 四郎 on 10 August → 「額改定請求の確認」 for the recipient, deadline 25 August
        LocalDate born = LocalDate.of(2025, 8, 10);
        ChangeResult birth = Town.apply(new ChangeRequest.Birth(born.plusDays(2), household,
                Town.person("児童", "四郎", "じどう　しろう", born, Sex.MALE), Relationship.CHILD));
        AddresseeNumber shiro = birth.persons().stream().filter(p -> !List.of(taro, hanako, ichiro, jiro, mitsuko).contains(p))
                .findFirst().orElseThrow();
        AllowanceTask birthTask = await(() -> jidoteate.tasks(JIDOTEATE, false).stream()
                .filter(t -> t.kind() == TaskKind.BIRTH_REVISION && t.person().equals(Optional.of(shiro))).toList(),
                l -> l.size() == 1, "the birth task").get(0);
        assertEquals(Optional.of(r.id()), birthTask.recipient());
        assertEquals(Optional.of(LocalDate.of(2025, 8, 25)), birthTask.deadline());

        // 額改定（増額）請求 on 20 August, within 15 days: from September; 四郎 is the fourth child, 30,000
        r = jidoteate.addChild(JIDOTEATE, r.id(), ChildEntry.resident(shiro, false), LocalDate.of(2025, 8, 20),
                ApplicationTrigger.BIRTH, Optional.of(born));
        assertEquals(RevisionKind.INCREASE, r.revisions().get(1).kind());
        assertEquals(YearMonth.of(2025, 9), r.revisions().get(1).effectiveMonth());
        assertEquals(70_000, r.revisions().get(1).monthlyAmount());
        assertEquals(40_000, r.amount(YearMonth.of(2025, 8)).total());
        assertEquals(70_000, r.amount(YearMonth.of(2025, 9)).total());
        refused("child.duplicate", () -> jidoteate.addChild(JIDOTEATE, Town.service(ChildAllowance.class)
                .recipientOf(JIDOTEATE, taro).orElseThrow().id(), ChildEntry.resident(shiro, false), LocalDate.of(2025, 8, 21),
                ApplicationTrigger.NORMAL, Optional.empty()));

        // 一郎's 監護相当・生計費負担 ends in November: from December 二郎 10,000, 三子 (2nd, under 3) 15,000, 四郎 (3rd) 30,000
        r = jidoteate.removeChild(JIDOTEATE, r.id(), child(r, ichiro).id(), LocalDate.of(2025, 11, 15),
                ChildEndReason.SUPPORT_ENDED);
        assertEquals(RevisionKind.DECREASE, r.revisions().get(2).kind());
        assertEquals(YearMonth.of(2025, 12), r.revisions().get(2).effectiveMonth());
        assertEquals(55_000, r.revisions().get(2).monthlyAmount());
        assertEquals(70_000, r.amount(YearMonth.of(2025, 11)).total());
        assertEquals(55_000, r.amount(YearMonth.of(2025, 12)).total());
        assertTrue(r.active());

        // the schedule of FY2025: April (Feb, Mar) nothing; June pays April (0) and May (40,000) …
        List<Payment> fy2025 = jidoteate.schedule(JIDOTEATE, r.id(), 2025);
        assertEquals(List.of(0L, 40_000L, 80_000L, 110_000L, 140_000L, 110_000L),
                fy2025.stream().map(Payment::amount).toList());
        assertEquals(YearMonth.of(2026, 2), fy2025.get(5).payMonth());
        assertEquals(List.of(YearMonth.of(2025, 12), YearMonth.of(2026, 1)),
                fy2025.get(5).months().stream().map(MonthlyAmount::month).toList());

        // permissions: a 国保 clerk cannot open 児童手当
        assertThrows(SecurityRefusal.class, () -> jidoteate.recipients(Town.KOKUHO, "", false, YearMonth.of(2025, 6), 10));
        assertThrows(SecurityRefusal.class, () -> jidoteate.recipient(Town.KOKUHO, UUID.randomUUID()));

        // 転出 of the whole household → 「消滅処理」 for the recipient, a task per counted child
        LocalDate planned = Town.today().plusDays(10);
        Town.apply(new ChangeRequest.MoveOut(planned, Town.today(), List.of(taro, hanako, ichiro, jiro, mitsuko, shiro),
                "大阪府大阪市北区1-1", false, Optional.empty(), Map.of()));
        UUID id = r.id();
        await(() -> jidoteate.tasks(JIDOTEATE, false).stream().filter(t -> t.recipient().equals(Optional.of(id))
                && t.kind() == TaskKind.RECIPIENT_MOVED_OUT).count(), c -> c == 1L, "the recipient's move-out task");
        List<AllowanceTask> childTasks = await(() -> jidoteate.tasks(JIDOTEATE, false).stream().filter(t -> t.recipient()
                .equals(Optional.of(id)) && t.kind() == TaskKind.CHILD_MOVED_OUT).toList(), l -> l.size() == 3,
                "a task per counted child (not 一郎, who no longer counts)");
        assertFalse(childTasks.stream().anyMatch(t -> t.person().equals(Optional.of(ichiro))));

        // 消滅: paid up to the month of the 転出
        ChildAllowanceException unknown = refused("recipient.unknown",
                () -> jidoteate.extinguish(JIDOTEATE, UUID.randomUUID(), planned, ExtinctionReason.MOVE_OUT));
        assertTrue(unknown.getMessage(Locale.JAPANESE).contains("受給者"));
        refused("event.future", () -> jidoteate.extinguish(JIDOTEATE, id, Town.today().plusDays(60), ExtinctionReason.MOVE_OUT));
        assertTrue(jidoteate.recipient(JIDOTEATE, id).orElseThrow().active(), "nothing stored");
        r = jidoteate.extinguish(JIDOTEATE, id, planned, ExtinctionReason.MOVE_OUT);
        assertFalse(r.active());
        assertEquals(Optional.of(YearMonth.from(planned)), r.endMonth());
        assertEquals(RevisionKind.EXTINCTION, r.revisions().get(r.revisions().size() - 1).kind());
        assertTrue(r.amount(YearMonth.from(planned)).total() > 0);
        assertEquals(0, r.amount(YearMonth.from(planned).plusMonths(1)).total());
        refused("recipient.extinct", () -> jidoteate.extinguish(JIDOTEATE, id, planned, ExtinctionReason.MOVE_OUT));
        assertTrue(jidoteate.recipients(JIDOTEATE, "じどう　たろう", false, YearMonth.from(planned), 10).isEmpty(), "not active");
        assertEquals(1, jidoteate.recipients(JIDOTEATE, "じどう　たろう", true, YearMonth.from(planned), 10).size());

        // the clerk resolves a task
        jidoteate.resolveTask(JIDOTEATE, moveInTask.id(), "認定済み");
        assertTrue(jidoteate.tasks(JIDOTEATE, false).stream().noneMatch(t -> t.id().equals(moveInTask.id())));
        assertTrue(jidoteate.tasks(JIDOTEATE, true).stream().anyMatch(t -> t.id().equals(moveInTask.id()) && t.done()));
        refused("task.unknown", () -> jidoteate.resolveTask(JIDOTEATE, UUID.randomUUID(), ""));
    }

    /** 出生 into a household without a recipient → 「認定請求の勧奨」; death of a recipient → 「消滅・未支払手当」. */
    @Test
    void birthWithoutRecipientAndDeathOfARecipient() throws Exception {
        ChildAllowance jidoteate = Town.service(ChildAllowance.class);
        ChangeResult in = Town.apply(Town.moveIn(LocalDate.of(2025, 1, 6), "6-1", List.of(
                Town.member(Town.person("出生", "父雄", "しゅっせい　ちちお", LocalDate.of(1993, 3, 3), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person("出生", "母子", "しゅっせい　ぼこ", LocalDate.of(1995, 3, 3), Sex.FEMALE), Relationship.WIFE))));
        AddresseeNumber mother = in.persons().get(1);
        HouseholdNumber household = in.households().get(0);
        LocalDate born = LocalDate.of(2025, 3, 20);
        Town.apply(new ChangeRequest.Birth(born.plusDays(3), household,
                Town.person("出生", "春", "しゅっせい　はる", born, Sex.FEMALE), Relationship.CHILD));
        AllowanceTask t = await(() -> jidoteate.tasks(JIDOTEATE, false).stream()
                .filter(x -> x.kind() == TaskKind.BIRTH_APPLICATION && x.household().equals(Optional.of(household))).toList(),
                l -> l.size() == 1, "the birth task").get(0);
        assertEquals(Optional.of(LocalDate.of(2025, 4, 4)), t.deadline());
        AddresseeNumber baby = t.person().orElseThrow();

        // 請求 on 4 April (the 15th day): from April; only child under 3: 15,000
        Recipient r = jidoteate.certify(JIDOTEATE, new Application(mother, LocalDate.of(2025, 4, 4), ApplicationTrigger.BIRTH,
                Optional.of(born), List.of(ChildEntry.resident(baby, false))));
        assertEquals(YearMonth.of(2025, 4), r.startMonth());
        assertEquals(15_000, r.amount(YearMonth.of(2025, 4)).total());

        LocalDate died = LocalDate.of(2025, 10, 3);
        Town.apply(new ChangeRequest.Death(died, died.plusDays(1), mother, Optional.empty(), Map.of()));
        await(() -> jidoteate.tasks(JIDOTEATE, false).stream().filter(x -> x.kind() == TaskKind.RECIPIENT_DIED
                && x.recipient().equals(Optional.of(r.id()))).count(), c -> c == 1L, "the death task");
        Recipient ended = jidoteate.extinguish(JIDOTEATE, r.id(), died, ExtinctionReason.DEATH);
        assertEquals(Optional.of(YearMonth.of(2025, 10)), ended.endMonth());
        // December pays October (15,000) and November (nothing)
        Payment december = jidoteate.schedule(JIDOTEATE, r.id(), 2025).get(4);
        assertEquals(YearMonth.of(2025, 12), december.payMonth());
        assertEquals(15_000, december.amount());
    }
}
