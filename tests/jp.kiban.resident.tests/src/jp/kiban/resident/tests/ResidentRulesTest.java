package jp.kiban.resident.tests;

import static jp.kiban.resident.tests.Fixtures.BUSINESS;
import static jp.kiban.resident.tests.Fixtures.COUNTER;
import static jp.kiban.resident.tests.Fixtures.SUPERVISOR;
import static jp.kiban.resident.tests.Fixtures.address;
import static jp.kiban.resident.tests.Fixtures.japanese;
import static jp.kiban.resident.tests.Fixtures.member;
import static jp.kiban.resident.tests.Fixtures.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;

import jp.kiban.core.DomainException;
import jp.kiban.core.address.Address;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Domicile;
import jp.kiban.resident.ForeignResidence;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentAccess;
import jp.kiban.resident.ResidentAccessListener;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentEvents;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentQuery;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.ResidentType;
import jp.kiban.resident.SearchResult;
import jp.kiban.resident.Sex;

/** Every 異動 rule, with the refusals and their messages, on the real services. */
class ResidentRulesTest {

    static final LocalDate IN = LocalDate.of(2025, 4, 1);
    static final LocalDate LATER = LocalDate.of(2025, 7, 1);
    static final AtomicInteger LOT = new AtomicInteger(1);

    static ResidentChanges changes;
    static ResidentRegistry registry;

    @BeforeAll
    static void services() throws Exception {
        changes = Fixtures.changes();
        registry = Fixtures.registry();
    }

    /** A household of three (世帯主, 妻, 子) at its own address, confirmed. */
    record Family(AddresseeNumber head, AddresseeNumber wife, AddresseeNumber child, HouseholdNumber household,
            Address address, UUID changeId) {
    }

    static Family family(String surname, String reading) {
        Address home = address("緑町", LOT.getAndIncrement() + "-1");
        ChangeResult r = changes.apply(SUPERVISOR, Fixtures.moveIn(IN, home, List.of(
                member(japanese(surname, "一", reading + "　ハジメ", "1970-01-01", Sex.MALE), Relationship.HEAD),
                member(japanese(surname, "二三", reading + "　フミ", "1972-02-02", Sex.FEMALE), Relationship.WIFE),
                member(japanese(surname, "四郎", reading + "　シロウ", "2000-04-04", Sex.MALE), Relationship.CHILD))));
        return new Family(r.persons().get(0), r.persons().get(1), r.persons().get(2), r.households().get(0), home,
                r.changeId());
    }

    static ResidentRecord now(AddresseeNumber n) {
        return registry.current(COUNTER, n).orElseThrow();
    }

    static ResidentException refused(String code, Executable change) {
        ResidentException e = assertThrows(ResidentException.class, change);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    // ---- dates ---------------------------------------------------------------------------------

    @Test
    void changeDateMustNotBeInTheFutureExceptForAMoveOut() {
        Family f = family("青木", "アオキ");
        LocalDate tomorrow = Fixtures.today().plusDays(1);
        ResidentException e = refused("date.future", () -> changes.register(COUNTER,
                ChangeRequest.MoveWithinTown.of(tomorrow, Fixtures.today(), List.of(f.head(), f.wife(), f.child()),
                        address("緑町", "99-9"), Optional.empty())));
        assertTrue(e.getMessage(Locale.JAPANESE).startsWith("異動日（令和"), e.getMessage(Locale.JAPANESE));
        assertTrue(e.getMessage(Locale.JAPANESE).endsWith("）が未来の日付です。"));
        assertTrue(e.getMessage().startsWith("The date of the change"), e.getMessage());
        // a 転出 may be declared in advance
        ChangeResult out = changes.register(COUNTER, new ChangeRequest.MoveOut(tomorrow, Fixtures.today(),
                List.of(f.head(), f.wife(), f.child()), "北海道札幌市", false, Optional.empty(), Map.of()));
        changes.reject(SUPERVISOR, out.changeId(), "テスト");
    }

    @Test
    void notificationMustNotPrecedeTheChangeNorBeInTheFuture() {
        Family f = family("石井", "イシイ");
        ResidentException e = refused("date.notificationBeforeChange", () -> changes.register(COUNTER,
                ChangeRequest.MoveWithinTown.of(LATER, LATER.minusDays(1), List.of(f.head(), f.wife(), f.child()),
                        address("緑町", "98-9"), Optional.empty())));
        assertEquals("届出日（令和7年6月30日）が異動日（令和7年7月1日）より前です。", e.getMessage(Locale.JAPANESE));
        refused("date.future", () -> changes.register(COUNTER, ChangeRequest.MoveWithinTown.of(LATER,
                Fixtures.today().plusDays(1), List.of(f.head()), address("緑町", "98-9"), Optional.empty())));
        // and no change may be dated before the person's last one (here: the 転入)
        refused("change.beforeLastChange", () -> changes.register(COUNTER, ChangeRequest.MoveWithinTown.of(IN.minusDays(1),
                IN, List.of(f.head(), f.wife(), f.child()), address("緑町", "98-9"), Optional.empty())));
    }

    // ---- 転入 ----------------------------------------------------------------------------------

    @Test
    void aNewHouseholdNeedsExactlyOneHead() {
        Address a = address("緑町", LOT.getAndIncrement() + "-2");
        PersonData x = japanese("上田", "一", "ウエダ　ハジメ", "1980-01-01", Sex.MALE);
        PersonData y = japanese("上田", "二", "ウエダ　ツギ", "1981-01-01", Sex.FEMALE);
        ResidentException none = refused("moveIn.needsHead", () -> changes.register(COUNTER,
                Fixtures.moveIn(IN, a, List.of(member(x, Relationship.WIFE), member(y, Relationship.CHILD)))));
        assertEquals("新しい世帯での転入では、世帯主を1人だけ指定してください。", none.getMessage(Locale.JAPANESE));
        refused("moveIn.needsHead", () -> changes.register(COUNTER,
                Fixtures.moveIn(IN, a, List.of(member(x, Relationship.HEAD), member(y, Relationship.HEAD)))));
    }

    @Test
    void joiningAHouseholdTakesItsHeadAndNeedsItsAddress() {
        Family f = family("内田", "ウチダ");
        PersonData mother = japanese("内田", "ハル", "ウチダ　ハル", "1945-05-05", Sex.FEMALE);
        refused("moveIn.joinHead", () -> changes.register(COUNTER, new ChangeRequest.MoveInFromAbroad(LATER, LATER,
                f.address(), Optional.empty(), "アメリカ合衆国", Optional.of(f.household()),
                List.of(member(mother, Relationship.HEAD)))));
        refused("moveIn.addressDiffers", () -> changes.register(COUNTER, new ChangeRequest.MoveInFromAbroad(LATER, LATER,
                address("緑町", "77-7"), Optional.empty(), "アメリカ合衆国", Optional.of(f.household()),
                List.of(member(mother, Relationship.MOTHER)))));
        ChangeResult r = changes.apply(SUPERVISOR, new ChangeRequest.MoveInFromAbroad(LATER, LATER, f.address(),
                Optional.empty(), "アメリカ合衆国", Optional.of(f.household()), List.of(member(mother, Relationship.MOTHER))));
        assertEquals(ChangeReason.MOVE_IN_FROM_ABROAD, r.reason());
        ResidentRecord m = now(r.persons().get(0));
        assertEquals(f.household(), m.householdNumber());
        assertEquals(Relationship.MOTHER, m.relationship());
        assertEquals("内田　一", m.householdHead().fullName());
        assertEquals(Optional.of("アメリカ合衆国"), m.previousAddress());
        assertEquals(Optional.empty(), m.moveOutCertificate());
        assertEquals(4, registry.household(COUNTER, f.household()).members().size());
        assertEquals(1, now(f.head()).historyNumber(), "members already there are not touched");
    }

    @Test
    void aForeignResidentCarriesNationalityAndResidenceItems() {
        ForeignResidence stay = ForeignResidence.midToLongTerm("中国", "技術・人文知識・国際業務", "5年",
                LocalDate.of(2029, 3, 31), "ab12345678cd");
        assertEquals(Optional.of("AB12345678CD"), stay.cardNumber());
        PersonData p = PersonData.builder().type(ResidentType.FOREIGN).name("王", "小明").furigana("ワン　シャオミン")
                .alphabetName(AlphabetName.of("wang xiaoming")).birthDate("1995-07-07").sex(Sex.MALE).foreign(stay)
                .commonName(KanjiName.of("王", "明"), Furigana.of("おう　あきら")).build();
        ChangeResult r = changes.apply(SUPERVISOR, new ChangeRequest.MoveInFromAbroad(IN, IN, address("緑町", LOT.getAndIncrement() + "-3"),
                Optional.empty(), "中華人民共和国北京市", Optional.empty(), List.of(member(p, Relationship.HEAD))));
        ResidentRecord rec = now(r.persons().get(0));
        assertEquals(ResidentType.FOREIGN, rec.person().type());
        assertEquals("WANG XIAOMING", rec.person().alphabetName().orElseThrow().value());
        assertEquals(stay, rec.person().foreign().orElseThrow());
        assertEquals("王　明", rec.person().displayName().fullName());
        // found by the 通称's reading too
        assertEquals(List.of(rec.addresseeNumber()), registry.search(COUNTER, ResidentQuery.builder().name("オウアキラ").build())
                .hits().stream().map(ResidentRecord::addresseeNumber).toList());

        DomainException noAlphabet = assertThrows(DomainException.class, () -> PersonData.builder().type(ResidentType.FOREIGN)
                .name("王", "小明").furigana("ワン").birthDate("1995-07-07").sex(Sex.MALE).foreign(stay).build());
        assertEquals("アルファベット氏名が入力されていません。", noAlphabet.getMessage(Locale.JAPANESE));
        assertThrows(ResidentException.class, () -> PersonData.builder().type(ResidentType.FOREIGN).name("王", "小明")
                .furigana("ワン").alphabetName(AlphabetName.of("WANG")).birthDate("1995-07-07").sex(Sex.MALE).foreign(stay)
                .domicile(new Domicile("東京都", "王")).build());
        ResidentException card = assertThrows(ResidentException.class, () -> ForeignResidence.midToLongTerm("中国",
                "留学", "2年", LocalDate.of(2027, 1, 1), "A1234"));
        assertEquals("foreign.cardNumber", card.code());
        assertThrows(ResidentException.class, () -> PersonData.builder().name("山田", "花").furigana("ヤマダ　ハナ")
                .birthDate("2000-01-01").sex(Sex.FEMALE).foreign(stay).build(), "no 在留 items for Japanese residents");
    }

    @Test
    void individualNumbersAreUniqueAmongLivingResidents() {
        Family f = family("江口", "エグチ");
        var number = now(f.child()).person().individualNumber().orElseThrow();
        PersonData twin = PersonData.builder().name("江口", "五郎").furigana("エグチ　ゴロウ").birthDate("2001-05-05")
                .sex(Sex.MALE).individualNumber(number).build();
        ResidentException e = refused("individualNumber.duplicate", () -> changes.register(COUNTER,
                Fixtures.moveIn(LATER, address("緑町", LOT.getAndIncrement() + "-4"), List.of(member(twin, Relationship.HEAD)))));
        assertEquals("江口　五郎さんの個人番号は、既に他の住民に登録されています。", e.getMessage(Locale.JAPANESE));
        assertFalse(e.getMessage().contains(number.value()), "messages never show the number");
        // once the holder is no longer a living resident, the number is free on the register
        changes.apply(SUPERVISOR, new ChangeRequest.Death(LATER, LATER, f.child(), Optional.empty(), Map.of()));
        changes.apply(SUPERVISOR, Fixtures.moveIn(LATER, address("緑町", LOT.getAndIncrement() + "-4"),
                List.of(member(twin, Relationship.HEAD))));
    }

    @Test
    void residentRecordCodesAreUniqueAndNobodyMovesInBeforeBeingBorn() {
        Family f = family("遠藤", "エンドウ");
        var code = now(f.wife()).person().residentRecordCode().orElseThrow();
        PersonData other = PersonData.builder().name("遠藤", "六花").furigana("エンドウ　リッカ").birthDate("1999-06-06")
                .sex(Sex.FEMALE).residentRecordCode(code).build();
        ResidentException e = refused("residentRecordCode.duplicate", () -> changes.register(COUNTER,
                Fixtures.moveIn(LATER, address("緑町", LOT.getAndIncrement() + "-10"), List.of(member(other, Relationship.HEAD)))));
        assertEquals("遠藤　六花さんの住民票コードは、既に他の住民に登録されています。", e.getMessage(Locale.JAPANESE));
        PersonData unborn = PersonData.builder().name("遠藤", "七海").furigana("エンドウ　ナナミ").birthDate("2025-08-01")
                .sex(Sex.FEMALE).build();
        refused("person.bornAfterChange", () -> changes.register(COUNTER,
                Fixtures.moveIn(LATER, address("緑町", LOT.getAndIncrement() + "-10"), List.of(member(unborn, Relationship.HEAD)))));
    }

    // ---- 出生 ----------------------------------------------------------------------------------

    @Test
    void aBirthEntersAHouseholdThatExistsAndNeverAsItsHead() {
        Family f = family("大野", "オオノ");
        PersonData baby = PersonData.builder().name("大野", "結衣").furigana("オオノ　ユイ")
                .birthDate(RecordedDate.exact(LATER)).sex(Sex.FEMALE).build();
        refused("relationship.headNotAllowed", () -> changes.register(COUNTER,
                new ChangeRequest.Birth(LATER, f.household(), baby, Relationship.HEAD)));
        refused("household.unknown", () -> changes.register(COUNTER,
                new ChangeRequest.Birth(LATER, HouseholdNumber.fromSerial(9_999_999_990L), baby, Relationship.CHILD)));
        ResidentException partial = assertThrows(ResidentException.class, () -> new ChangeRequest.Birth(LATER, f.household(),
                baby.toBuilder().birthDate("令和7年7月日不詳").build(), Relationship.CHILD));
        assertEquals("出生の記載には正確な生年月日が必要です。", partial.getMessage(Locale.JAPANESE));
        ChangeResult born = changes.apply(SUPERVISOR, new ChangeRequest.Birth(LATER.plusDays(3), f.household(), baby, null));
        ResidentRecord r = now(born.persons().get(0));
        assertEquals(Relationship.CHILD, r.relationship());
        assertEquals(LATER, r.change().changeDate());
        assertEquals(f.address(), r.address());
    }

    // ---- 転居・転出 ----------------------------------------------------------------------------

    @Test
    void partOfAHouseholdMovingWithinTheTownFormsANewHousehold() {
        Family f = family("加藤", "カトウ");
        Address elsewhere = address("緑町", LOT.getAndIncrement() + "-5");
        refused("move.newHeadRequired", () -> changes.register(COUNTER,
                ChangeRequest.MoveWithinTown.of(LATER, LATER, List.of(f.child()), elsewhere, Optional.empty())));
        refused("move.sameAddress", () -> changes.register(COUNTER,
                ChangeRequest.MoveWithinTown.of(LATER, LATER, List.of(f.head(), f.wife(), f.child()), f.address(), Optional.empty())));
        Family other = family("加藤", "カトウ");
        refused("move.differentHouseholds", () -> changes.register(COUNTER,
                ChangeRequest.MoveWithinTown.of(LATER, LATER, List.of(f.child(), other.child()), elsewhere, Optional.empty())));
        // the 世帯主 and the child move; the wife stays and becomes 世帯主 of the old household
        refused("remainingHead.required", () -> changes.register(COUNTER, new ChangeRequest.MoveWithinTown(LATER, LATER,
                List.of(f.head(), f.child()), elsewhere, Optional.empty(), Optional.of(f.head()), rel(f.child(), Relationship.CHILD))));
        ChangeResult r = changes.apply(SUPERVISOR, new ChangeRequest.MoveWithinTown(LATER, LATER,
                List.of(f.head(), f.child()), elsewhere, Optional.empty(), Optional.of(f.head()),
                rel(f.child(), Relationship.CHILD, f.wife(), Relationship.HEAD)));
        ResidentRecord head = now(f.head());
        ResidentRecord wife = now(f.wife());
        assertEquals(elsewhere, head.address());
        assertEquals(head.householdNumber(), now(f.child()).householdNumber());
        assertFalse(head.householdNumber().equals(f.household()));
        assertEquals(f.household(), wife.householdNumber());
        assertEquals(Relationship.HEAD, wife.relationship());
        assertEquals("加藤　二三", wife.householdHead().fullName());
        assertEquals(f.address(), wife.address());
        assertEquals(3, r.persons().size());
    }

    @Test
    void aMovingOutPersonCannotMoveAgainAndTheHeadMustBeReplaced() {
        Family f = family("木村", "キムラ");
        LocalDate planned = Fixtures.today().plusDays(7);
        refused("remainingHead.required", () -> changes.register(COUNTER, new ChangeRequest.MoveOut(planned,
                Fixtures.today(), List.of(f.head()), "大阪府", false, Optional.empty(), Map.of())));
        ChangeResult out = changes.apply(SUPERVISOR, new ChangeRequest.MoveOut(planned, Fixtures.today(),
                List.of(f.head()), "大阪府", false, Optional.of(f.wife()), rel(f.child(), Relationship.CHILD)));
        assertEquals(ChangeReason.DOMESTIC_MOVE_OUT, out.reason());
        assertEquals(ResidentStatus.MOVING_OUT, now(f.head()).status());
        assertEquals(Relationship.HEAD, now(f.wife()).relationship());
        assertEquals("木村　二三", now(f.child()).householdHead().fullName());
        ResidentException again = refused("person.movingOut", () -> changes.register(COUNTER,
                ChangeRequest.MoveWithinTown.of(Fixtures.today(), Fixtures.today(), List.of(f.head()),
                        address("緑町", "55-5"), Optional.empty())));
        assertEquals("木村　一さんは転出予定です。先に転出を取り消してください。", again.getMessage(Locale.JAPANESE));
        // 国外転出 has its own reason and topic
        ChangeResult abroad = changes.apply(SUPERVISOR, new ChangeRequest.MoveOut(Fixtures.today(), Fixtures.today(),
                List.of(f.child()), "フランス", true, Optional.empty(), Map.of()));
        assertEquals(ChangeReason.MOVE_OUT_ABROAD, abroad.reason());
        assertEquals(ResidentStatus.REMOVED, now(f.child()).status(), "planned today: removed as of today");
    }

    // ---- 世帯変更 ------------------------------------------------------------------------------

    @Test
    void householdSplitRules() {
        Family f = family("工藤", "クドウ");
        refused("split.wholeHousehold", () -> changes.register(COUNTER, new ChangeRequest.HouseholdSplit(LATER, LATER,
                List.of(f.head(), f.wife(), f.child()), f.head(), rel(f.wife(), Relationship.WIFE, f.child(), Relationship.CHILD))));
        refused("newHead.notAmong", () -> changes.register(COUNTER, new ChangeRequest.HouseholdSplit(LATER, LATER,
                List.of(f.child()), f.wife(), Map.of())));
        ResidentException missing = refused("relationship.required", () -> changes.register(COUNTER,
                new ChangeRequest.HouseholdSplit(LATER, LATER, List.of(f.head(), f.child()), f.head(),
                        rel(f.wife(), Relationship.HEAD))));
        assertEquals("工藤　四郎さんの新しい続柄を指定してください。", missing.getMessage(Locale.JAPANESE));
        refused("relationship.headNotAllowed", () -> changes.register(COUNTER, new ChangeRequest.HouseholdSplit(LATER,
                LATER, List.of(f.head(), f.child()), f.head(), rel(f.child(), Relationship.HEAD, f.wife(), Relationship.HEAD))));
    }

    @Test
    void householdMergeRules() {
        Family a = family("小林", "コバヤシ");
        Family b = family("小林", "コバヤシ");
        refused("merge.sameHousehold", () -> changes.register(COUNTER,
                new ChangeRequest.HouseholdMerge(LATER, LATER, a.household(), a.household(), Map.of())));
        refused("merge.addressDiffers", () -> changes.register(COUNTER,
                new ChangeRequest.HouseholdMerge(LATER, LATER, b.household(), a.household(), Map.of())));
        // b moves to a's address first, then joins a's household
        changes.apply(SUPERVISOR, ChangeRequest.MoveWithinTown.of(LATER, LATER, List.of(b.head(), b.wife(), b.child()),
                a.address(), Optional.empty()));
        refused("relationship.required", () -> changes.register(COUNTER, new ChangeRequest.HouseholdMerge(LATER, LATER,
                b.household(), a.household(), rel(b.head(), Relationship.CHILD))));
        ChangeResult r = changes.apply(SUPERVISOR, new ChangeRequest.HouseholdMerge(LATER, LATER, b.household(),
                a.household(), rel(b.head(), Relationship.CHILD, b.wife(), Relationship.CHILDS_WIFE, b.child(), Relationship.GRANDCHILD)));
        assertEquals(List.of(a.household(), b.household()).stream().sorted().toList(), r.households());
        assertTrue(registry.household(COUNTER, b.household()).closed(), "the merged household is closed");
        assertEquals(6, registry.household(COUNTER, a.household()).members().size());
        assertEquals(Relationship.CHILDS_WIFE, now(b.wife()).relationship());
        assertEquals("小林　一", now(b.child()).householdHead().fullName());
        assertEquals(3, registry.household(COUNTER, b.household(), LATER.minusDays(1)).members().size(), "as it was");
    }

    @Test
    void headChangeRules() {
        Family f = family("佐野", "サノ");
        refused("headChange.alreadyHead", () -> changes.register(COUNTER,
                new ChangeRequest.HeadChange(LATER, LATER, f.household(), f.head(), Map.of())));
        Family other = family("佐野", "サノ");
        refused("headChange.notMember", () -> changes.register(COUNTER,
                new ChangeRequest.HeadChange(LATER, LATER, f.household(), other.wife(), Map.of())));
        refused("relationship.required", () -> changes.register(COUNTER,
                new ChangeRequest.HeadChange(LATER, LATER, f.household(), f.wife(), rel(f.head(), Relationship.HUSBAND))));
        ChangeResult r = changes.apply(SUPERVISOR, new ChangeRequest.HeadChange(LATER, LATER, f.household(), f.wife(),
                rel(f.head(), Relationship.HUSBAND, f.child(), Relationship.CHILD)));
        assertEquals(3, r.snapshots().size());
        assertEquals(Relationship.HUSBAND, now(f.head()).relationship());
        assertEquals(Relationship.HEAD, now(f.wife()).relationship());
        for (AddresseeNumber n : List.of(f.head(), f.wife(), f.child())) {
            assertEquals("佐野　二三", now(n).householdHead().fullName());
            assertEquals(ChangeReason.HEAD_CHANGE, now(n).change().reason());
            assertEquals(2, now(n).historyNumber());
        }
    }

    // ---- 死亡 ----------------------------------------------------------------------------------

    @Test
    void aDeathRemovesThePersonOnce() {
        Family f = family("田村", "タムラ");
        changes.apply(SUPERVISOR, new ChangeRequest.Death(LATER, LATER, f.child(), Optional.empty(), Map.of()));
        ResidentRecord dead = now(f.child());
        assertEquals(ResidentStatus.REMOVED, dead.status());
        assertEquals(Optional.of(LATER), dead.removedOn());
        assertEquals(2, registry.household(COUNTER, f.household()).members().size());
        assertEquals(1, now(f.head()).historyNumber(), "a member's death does not touch the others");
        refused("person.removed", () -> changes.register(COUNTER,
                new ChangeRequest.Death(LATER, LATER, f.child(), Optional.empty(), Map.of())));
        refused("person.removed", () -> changes.register(COUNTER, new ChangeRequest.HouseholdSplit(LATER, LATER,
                List.of(f.child()), f.child(), Map.of())));
        refused("person.unknown", () -> changes.register(COUNTER, new ChangeRequest.Death(LATER, LATER,
                AddresseeNumber.fromSerial(9_999_999_000L), Optional.empty(), Map.of())));
    }

    // ---- 修正 ----------------------------------------------------------------------------------

    @Test
    void aCorrectionRecordsWhatChangedAndTheHeadsNameReachesTheMembers() {
        Family f = family("長谷川", "ハセガワ");
        PersonData before = now(f.head()).person();
        refused("correction.nothingChanged", () -> changes.register(COUNTER,
                new ChangeRequest.Correction(f.head(), LATER, before, true, "")));
        PersonData fixed = before.toBuilder().name("長谷川", "肇").furigana("ハセガワ　ハジメ").build();
        ChangeResult r = changes.apply(SUPERVISOR, new ChangeRequest.Correction(f.head(), LATER, fixed, true, "届書の誤記"));
        assertEquals(ChangeReason.CLERICAL_CORRECTION, r.reason());
        ResidentRecord head = now(f.head());
        assertEquals("氏名: 長谷川　一 → 長谷川　肇（届書の誤記）", head.change().description());
        assertEquals("長谷川　肇", head.householdHead().fullName());
        assertEquals("長谷川　肇", now(f.wife()).householdHead().fullName(), "household items copied onto each member");
        assertEquals(r.changeId(), now(f.child()).change().changeId());
        assertEquals(2, now(f.child()).historyNumber());
        assertEquals("長谷川　一", registry.asOf(COUNTER, f.head(), LATER.minusDays(1)).orElseThrow().person().name().fullName());
        ChangeResult sex = changes.apply(SUPERVISOR, new ChangeRequest.Correction(f.child(), LATER,
                now(f.child()).person().toBuilder().sex(Sex.FEMALE).build(), false, ""));
        assertEquals(ChangeReason.EX_OFFICIO_CORRECTION, sex.reason());
        assertEquals("性別: 男 → 女", now(f.child()).change().description());
        assertEquals(1, sex.persons().size());
        // the business operator sees no 個人番号 and so cannot correct it either
        refused("permission.register", () -> changes.register(BUSINESS,
                new ChangeRequest.Correction(f.child(), LATER, fixed, false, "")));
    }

    // ---- 取消 ----------------------------------------------------------------------------------

    @Test
    void onlyTheLatestConfirmedChangeCanBeCancelledAndItRestoresTheStateBefore() throws Exception {
        Family f = family("中村", "ナカムラ");
        Address elsewhere = address("緑町", LOT.getAndIncrement() + "-6");
        ChangeResult move = changes.apply(SUPERVISOR, ChangeRequest.MoveWithinTown.of(LATER, LATER,
                List.of(f.head(), f.wife(), f.child()), elsewhere, Optional.empty()));
        ResidentException notLatest = refused("cancel.notLatest", () -> changes.register(COUNTER,
                new ChangeRequest.Cancellation(f.changeId(), "誤り")));
        assertTrue(notLatest.getMessage(Locale.JAPANESE).contains("この後の異動があるため取り消せません"));
        try (Fixtures.Events events = new Fixtures.Events()) {
            ChangeResult registered = changes.register(COUNTER, new ChangeRequest.Cancellation(move.changeId(), "届出人の申出による"));
            assertEquals(elsewhere, now(f.head()).address(), "the provisional cancellation changes nothing yet");
            ChangeResult cancel = changes.confirm(SUPERVISOR, registered.changeId());
            for (AddresseeNumber n : List.of(f.head(), f.wife(), f.child())) {
                ResidentRecord r = now(n);
                assertEquals(3, r.historyNumber());
                assertEquals(ChangeReason.CANCELLATION, r.change().reason());
                assertEquals(f.address(), r.address());
                assertEquals(LATER, r.change().changeDate(), "recorded under the cancelled change's 異動日");
                assertEquals(Optional.of(move.changeId()), r.change().cancelledChangeId());
                assertEquals(Optional.empty(), r.change().notificationDate());
            }
            assertEquals(f.address(), registry.asOf(COUNTER, f.head(), LATER.plusDays(1)).orElseThrow().address());
            List<Event> received = events.await(e -> cancel.changeId().toString().equals(e.getProperty(ResidentEvents.CHANGE_ID)), 1);
            assertEquals(List.of(ChangeReason.CANCELLATION.topic()), received.stream().map(Event::getTopic).toList());
            assertEquals(List.of(), events.matching(e -> registered.changeId().toString().equals(e.getProperty(ResidentEvents.CHANGE_ID)))
                    .stream().filter(e -> false).toList());
        }
        refused("cancel.already", () -> changes.register(COUNTER, new ChangeRequest.Cancellation(move.changeId(), "再度")));
        UUID cancellation = now(f.head()).change().changeId();
        refused("cancel.ofCancellation", () -> changes.register(COUNTER, new ChangeRequest.Cancellation(cancellation, "再度")));
        refused("change.unknown", () -> changes.register(COUNTER, new ChangeRequest.Cancellation(UUID.randomUUID(), "x")));
    }

    @Test
    void cancellingAMoveOutKeepsThePersonOnTheRegister() throws Exception {
        Family f = family("服部", "ハットリ");
        LocalDate planned = Fixtures.today().plusDays(5);
        ChangeResult out = changes.apply(SUPERVISOR, new ChangeRequest.MoveOut(planned, Fixtures.today(),
                List.of(f.head(), f.wife(), f.child()), "京都府京都市", false, Optional.empty(), Map.of()));
        assertEquals(ResidentStatus.REMOVED, registry.asOf(COUNTER, f.child(), planned).orElseThrow().status());
        changes.apply(SUPERVISOR, new ChangeRequest.Cancellation(out.changeId(), "転出取りやめ"));
        assertEquals(ResidentStatus.RESIDENT, now(f.child()).status());
        assertEquals(ResidentStatus.RESIDENT, registry.asOf(COUNTER, f.child(), planned.plusDays(30)).orElseThrow().status());
        assertEquals(Optional.empty(), now(f.child()).plannedMoveOutDate());
        assertEquals(3, registry.household(COUNTER, f.household(), planned.plusDays(30)).members().size());
        // the addressee base sees the confirmed name and address; for a removed person, the last one in the town
        var directory = Fixtures.service(jp.kiban.addressee.AddresseeDirectory.class);
        assertEquals(f.address(), directory.lookup(f.child(), Fixtures.today()).orElseThrow().address());
        assertEquals("ハットリ　シロウ", directory.lookup(f.child(), Fixtures.today()).orElseThrow().furigana());
        assertEquals(Optional.empty(), directory.lookup(f.child(), IN.minusDays(1)), "not yet a resident then");
        refused("permission.confirm", () -> changes.pending(BUSINESS));
    }

    @Test
    void cancellingAMoveInRemovesThePersonsItEntered() {
        Address a = address("緑町", LOT.getAndIncrement() + "-7");
        ChangeResult in = changes.apply(SUPERVISOR, Fixtures.moveIn(IN, a, List.of(
                member(japanese("西田", "誠", "ニシダ　マコト", "1990-09-09", Sex.MALE), Relationship.HEAD))));
        AddresseeNumber n = in.persons().get(0);
        changes.apply(SUPERVISOR, new ChangeRequest.Cancellation(in.changeId(), "二重登録"));
        ResidentRecord r = now(n);
        assertEquals(2, r.historyNumber());
        assertEquals(ResidentStatus.REMOVED, r.status());
        assertEquals(Optional.of(IN), r.removedOn());
        assertTrue(registry.household(COUNTER, in.households().get(0)).closed());
    }

    // ---- 仮登録・本登録 and permissions ---------------------------------------------------------

    @Test
    void onlyPermittedOperatorsRegisterAndConfirm() {
        Family f = family("野口", "ノグチ");
        ChangeRequest move = ChangeRequest.MoveWithinTown.of(LATER, LATER, List.of(f.head(), f.wife(), f.child()),
                address("緑町", LOT.getAndIncrement() + "-8"), Optional.empty());
        ResidentException e = refused("permission.register", () -> changes.register(BUSINESS, move));
        assertEquals("異動を登録する権限がありません。", e.getMessage(Locale.JAPANESE));
        refused("permission.confirm", () -> changes.apply(COUNTER, move));
        ChangeResult registered = changes.register(COUNTER, move);
        refused("permission.confirm", () -> changes.confirm(COUNTER, registered.changeId()));
        refused("permission.confirm", () -> changes.reject(COUNTER, registered.changeId(), "x"));
        ResidentException blank = refused("input.blank", () -> changes.reject(SUPERVISOR, registered.changeId(), " "));
        assertEquals("却下の理由が入力されていません。", blank.getMessage(Locale.JAPANESE));
        changes.confirm(SUPERVISOR, registered.changeId());
        refused("change.notPending", () -> changes.confirm(SUPERVISOR, registered.changeId()));
        refused("change.notPending", () -> changes.reject(SUPERVISOR, registered.changeId(), "遅い"));
        refused("change.unknown", () -> changes.confirm(SUPERVISOR, UUID.randomUUID()));
    }

    @Test
    void aProvisionalChangeOvertakenByAConfirmedOneIsRefusedAsStale() {
        Family f = family("松本", "マツモト");
        PersonData baby = PersonData.builder().name("松本", "葵").furigana("マツモト　アオイ")
                .birthDate(RecordedDate.exact(LATER)).sex(Sex.FEMALE).build();
        ChangeResult birth = changes.register(COUNTER, new ChangeRequest.Birth(LATER, f.household(), baby, Relationship.CHILD));
        // the 世帯主 changes before the birth is confirmed: the child's 世帯主 and 続柄 would be wrong
        changes.apply(SUPERVISOR, new ChangeRequest.HeadChange(LATER, LATER, f.household(), f.wife(),
                rel(f.head(), Relationship.HUSBAND, f.child(), Relationship.CHILD)));
        ResidentException stale = refused("change.stale", () -> changes.confirm(SUPERVISOR, birth.changeId()));
        assertEquals("仮登録の後に松本　葵さんの記録が変更されました。この仮登録を却下し、登録し直してください。",
                stale.getMessage(Locale.JAPANESE));
        assertEquals(Optional.empty(), registry.current(COUNTER, birth.persons().get(0)));
        changes.reject(SUPERVISOR, birth.changeId(), "世帯主変更のため再登録");
    }

    @Test
    void aRejectedMoveInLeavesNoPersonBehind() {
        Address a = address("緑町", LOT.getAndIncrement() + "-9");
        ChangeResult in = changes.register(COUNTER, Fixtures.moveIn(IN, a, List.of(
                member(japanese("東", "幸", "アズマ　サチ", "1990-09-09", Sex.FEMALE), Relationship.HEAD))));
        changes.reject(SUPERVISOR, in.changeId(), "本人確認できず");
        AddresseeNumber n = in.persons().get(0);
        assertEquals(Optional.empty(), registry.current(COUNTER, n));
        assertEquals(List.of(), registry.history(COUNTER, n));
        assertTrue(changes.pending(SUPERVISOR).stream().noneMatch(p -> p.changeId().equals(in.changeId())));
    }

    // ---- search and access ---------------------------------------------------------------------

    @Test
    void searchNeedsACriterionAndPagesByFurigana() {
        refused("search.noCriteria", () -> registry.search(COUNTER, ResidentQuery.builder().name("  ").build()));
        for (int i = 0; i < 3; i++) {
            family("森", "モリ");
        }
        SearchResult page1 = registry.search(COUNTER, ResidentQuery.builder().name("モリ").page(0, 4).build());
        assertEquals(4, page1.hits().size());
        assertTrue(page1.more());
        SearchResult page2 = registry.search(COUNTER, ResidentQuery.builder().name("モリ").page(4, 4).build());
        assertEquals(4, page2.hits().size());
        SearchResult page3 = registry.search(COUNTER, ResidentQuery.builder().name("モリ").page(8, 4).build());
        assertFalse(page3.more());
        List<String> readings = new java.util.ArrayList<>();
        for (SearchResult p : List.of(page1, page2, page3)) {
            p.hits().forEach(h -> readings.add(h.person().furigana().value()));
        }
        assertEquals(readings.stream().sorted().toList(), readings, "ordered by フリガナ");
        assertEquals(ResidentQuery.MAX_LIMIT, ResidentQuery.builder().name("x").page(0, 5000).build().limit());
    }

    @Test
    void everyViewAndChangeReachesTheAccessListeners() {
        List<ResidentAccess> seen = new CopyOnWriteArrayList<>();
        ServiceRegistration<ResidentAccessListener> reg = FrameworkUtil.getBundle(ResidentRulesTest.class).getBundleContext()
                .registerService(ResidentAccessListener.class, seen::add, null);
        try {
            Family f = family("星野", "ホシノ");
            registry.current(COUNTER, f.head());
            registry.current(BUSINESS, f.head());
            registry.search(COUNTER, ResidentQuery.builder().name("ホシノ").build());
            assertThrows(ResidentException.class, () -> changes.register(BUSINESS, new ChangeRequest.Death(LATER, LATER,
                    f.head(), Optional.empty(), Map.of())));
            List<ResidentAccess.Kind> kinds = seen.stream().map(ResidentAccess::kind).toList();
            assertEquals(List.of(ResidentAccess.Kind.CHANGE_CONFIRMED, ResidentAccess.Kind.VIEW, ResidentAccess.Kind.VIEW,
                    ResidentAccess.Kind.SEARCH, ResidentAccess.Kind.REFUSED), kinds);
            assertEquals(List.of(f.head()), seen.get(1).persons());
            assertTrue(seen.get(1).individualNumberShown(), "the counter saw the 個人番号");
            assertFalse(seen.get(2).individualNumberShown(), "the business operator did not");
            assertEquals(BUSINESS, seen.get(4).operator());
        } finally {
            reg.unregister();
        }
    }

    /** Households in the bulk test; the printed figure is for information, not asserted. */
    static final int BULK = 100;

    @Test
    void bulkApplyWritesManyConfirmedChangesInOneTransaction() throws Exception {
        List<ChangeRequest> requests = new java.util.ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            requests.add(Fixtures.moveIn(IN, address("若葉町", (100 + i) + "-1"), List.of(
                    member(japanese("若葉", "太", "ワカバ　フトシ", "1980-01-01", Sex.MALE), Relationship.HEAD),
                    member(japanese("若葉", "花", "ワカバ　ハナ", "1982-01-01", Sex.FEMALE), Relationship.WIFE))));
        }
        try (Fixtures.Events events = new Fixtures.Events()) {
            long start = System.nanoTime();
            List<ChangeResult> results = changes.applyAll(jp.kiban.platform.Operator.system(), requests);
            System.out.printf("applyAll: %d move-ins (%d residents) in %d ms%n", results.size(), results.size() * 2,
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(BULK, results.size());
            assertEquals(2 * BULK, results.stream().mapToInt(r -> r.persons().size()).sum());
            java.util.Set<String> ids = results.stream().map(r -> r.changeId().toString()).collect(java.util.stream.Collectors.toSet());
            List<Event> received = events.await(e -> ids.contains(e.getProperty(ResidentEvents.CHANGE_ID)), BULK);
            assertEquals(results.stream().map(r -> r.changeId().toString()).toList(),
                    received.stream().map(e -> (String) e.getProperty(ResidentEvents.CHANGE_ID)).toList(), "in order");
            assertEquals("system", now(results.get(BULK - 1).persons().get(0)).change().operatorId());
        }
        // all or nothing: one bad request rolls the batch back
        List<ChangeRequest> bad = List.of(
                Fixtures.moveIn(IN, address("若葉町", "900-1"), List.of(member(japanese("若葉", "良", "ワカバ　リョウ", "1990-01-01", Sex.MALE), Relationship.HEAD))),
                Fixtures.moveIn(IN, address("若葉町", "901-1"), List.of(member(japanese("若葉", "悪", "ワカバ　ワル", "1990-01-01", Sex.MALE), Relationship.WIFE))));
        assertThrows(ResidentException.class, () -> changes.applyAll(jp.kiban.platform.Operator.system(), bad));
        assertTrue(registry.search(COUNTER, ResidentQuery.builder().name("ワカバリョウ").build()).hits().isEmpty());
    }
}
