package jp.kiban.resident.tests;

import static jp.kiban.resident.tests.Fixtures.BUSINESS;
import static jp.kiban.resident.tests.Fixtures.COUNTER;
import static jp.kiban.resident.tests.Fixtures.SUPERVISOR;
import static jp.kiban.resident.tests.Fixtures.address;
import static jp.kiban.resident.tests.Fixtures.japanese;
import static jp.kiban.resident.tests.Fixtures.member;
import static jp.kiban.resident.tests.Fixtures.rel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import jp.kiban.addressee.AddresseeDirectory;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.addressee.NameAndAddress;
import jp.kiban.core.address.Address;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.ChangeState;
import jp.kiban.resident.Household;
import jp.kiban.resident.PendingChange;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentEvents;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentQuery;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.Sex;

/**
 * The life of one family on the real services and the real (Derby) database: 国内転入 of four, a
 * rejected 転居, a birth, a 世帯分離, a 転居, a death of the 世帯主 and a 転出予定, with every
 * snapshot and every event checked, and the provisional steps invisible until confirmed.
 */
class ResidentStoryTest {

    static final LocalDate MOVE_IN = LocalDate.of(2025, 4, 1);
    static final LocalDate MOVE_IN_NOTIFIED = LocalDate.of(2025, 4, 3);
    static final LocalDate BIRTH = LocalDate.of(2025, 6, 10);
    static final LocalDate BIRTH_NOTIFIED = LocalDate.of(2025, 6, 12);
    static final LocalDate SPLIT = LocalDate.of(2025, 8, 1);
    static final LocalDate MOVE = LocalDate.of(2025, 9, 1);
    static final LocalDate MOVE_NOTIFIED = LocalDate.of(2025, 9, 5);
    static final LocalDate DEATH = LocalDate.of(2025, 10, 5);
    static final LocalDate DEATH_NOTIFIED = LocalDate.of(2025, 10, 6);

    @Test
    void aFamilyLivesInTheTown() throws Exception {
        ResidentChanges changes = Fixtures.changes();
        ResidentRegistry registry = Fixtures.registry();
        LocalDate today = Fixtures.today();
        Address home = address("本町一丁目", "12-3");
        List<UUID> confirmedInOrder = new ArrayList<>();

        try (Fixtures.Events events = new Fixtures.Events()) {
            // ---- 国内転入 of four, provisional first ------------------------------------------------
            PersonData taroData = japanese("髙橋", "太郎", "たかはし　たろう", "昭和55年5月10日", Sex.MALE);
            PersonData hanakoData = japanese("髙橋", "花子", "タカハシ　ハナコ", "昭和57年8月20日", Sex.FEMALE);
            PersonData ichiroData = japanese("髙橋", "一郎", "タカハシ　イチロウ", "2005-01-15", Sex.MALE);
            PersonData jiroData = japanese("髙橋", "次郎", "タカハシ　ジロウ", "H25.3.3", Sex.MALE);
            ChangeResult registered = changes.register(COUNTER, Fixtures.moveIn(MOVE_IN, MOVE_IN_NOTIFIED, home, List.of(
                    member(taroData, Relationship.HEAD), member(hanakoData, Relationship.WIFE),
                    member(ichiroData, Relationship.CHILD), member(jiroData, Relationship.CHILD))));
            assertEquals(ChangeState.PROVISIONAL, registered.state());
            assertEquals(4, registered.persons().size());
            AddresseeNumber taro = registered.persons().get(0);
            AddresseeNumber hanako = registered.persons().get(1);
            AddresseeNumber ichiro = registered.persons().get(2);
            AddresseeNumber jiro = registered.persons().get(3);
            HouseholdNumber family = registered.households().get(0);
            assertEquals(Optional.of(AddresseeKind.RESIDENT), Fixtures.service(AddresseeNumbers.class).kindOf(taro));

            // invisible while provisional: current, as-of, household, search, directory, events
            assertEquals(Optional.empty(), registry.current(COUNTER, taro));
            assertEquals(Optional.empty(), registry.asOf(COUNTER, taro, today));
            assertTrue(registry.household(COUNTER, family).closed());
            assertTrue(search(registry, "タカハシ タロウ").isEmpty());
            assertEquals(Optional.empty(), Fixtures.service(AddresseeDirectory.class).lookup(taro, today));
            List<PendingChange> pending = changes.pending(SUPERVISOR);
            PendingChange mine = pending.stream().filter(p -> p.changeId().equals(registered.changeId())).findFirst().orElseThrow();
            assertEquals(ChangeReason.DOMESTIC_MOVE_IN, mine.reason());
            assertEquals("tanaka", mine.registeredById());
            assertEquals(4, mine.proposed().size());

            ChangeResult moveIn = changes.confirm(SUPERVISOR, registered.changeId());
            confirmedInOrder.add(moveIn.changeId());
            assertEquals(ChangeState.CONFIRMED, moveIn.state());
            for (AddresseeNumber n : List.of(taro, hanako, ichiro, jiro)) {
                ResidentRecord r = registry.current(COUNTER, n).orElseThrow();
                assertSnapshot(r, 1, ChangeReason.DOMESTIC_MOVE_IN, MOVE_IN, Optional.of(MOVE_IN_NOTIFIED), family, "髙橋　太郎");
                assertEquals(ResidentStatus.RESIDENT, r.status());
                assertEquals(home, r.address());
                assertEquals(MOVE_IN, r.addressSince());
                assertEquals(MOVE_IN, r.becameResidentOn());
                assertEquals(Optional.of("東京都千代田区霞が関一丁目1番1号"), r.previousAddress());
                assertEquals(Optional.of(MOVE_IN_NOTIFIED), r.addressNotifiedOn());
                assertEquals(Fixtures.OTHER_TOWN, r.moveOutCertificate().orElseThrow().issuedBy());
                assertEquals(MOVE_IN.minusDays(3), r.moveOutCertificate().orElseThrow().plannedMoveOutDate());
                assertEquals(moveIn.changeId(), r.change().changeId());
                assertEquals(Optional.of("sato"), r.change().confirmedById());
            }
            assertEquals(Relationship.HEAD, registry.current(COUNTER, taro).orElseThrow().relationship());
            assertEquals(Relationship.WIFE, registry.current(COUNTER, hanako).orElseThrow().relationship());
            assertEquals(Relationship.CHILD, registry.current(COUNTER, jiro).orElseThrow().relationship());
            assertEquals("昭和55年5月10日", registry.current(COUNTER, taro).orElseThrow().person().birthDate().format());
            assertEquals(List.of(taro, hanako, ichiro, jiro), memberNumbers(registry.household(COUNTER, family)));
            NameAndAddress label = Fixtures.service(AddresseeDirectory.class).lookup(taro, today).orElseThrow();
            assertEquals("髙橋　太郎", label.name());
            assertEquals(home, label.address());

            // ---- a 転居 registered by mistake and rejected leaves no trace ----------------------------
            ChangeResult wrong = changes.register(COUNTER, ChangeRequest.MoveWithinTown.of(LocalDate.of(2025, 5, 1),
                    LocalDate.of(2025, 5, 1), List.of(taro, hanako, ichiro, jiro), address("栄町一丁目", "1-1"), Optional.empty()));
            ResidentException busy = assertThrows(ResidentException.class, () -> changes.register(COUNTER,
                    new ChangeRequest.HeadChange(LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 2), family, hanako,
                            rel(taro, Relationship.HUSBAND, ichiro, Relationship.CHILD, jiro, Relationship.CHILD))));
            assertEquals("髙橋　太郎さんには仮登録中の異動があります。先に本登録または却下してください。",
                    busy.getMessage(Locale.JAPANESE));
            assertEquals("person.pending", busy.code());
            changes.reject(SUPERVISOR, wrong.changeId(), "住所の誤り");
            assertEquals(1, registry.current(COUNTER, taro).orElseThrow().historyNumber());
            assertEquals(home, registry.current(COUNTER, taro).orElseThrow().address());
            assertEquals(1, registry.history(COUNTER, taro).size());
            assertTrue(changes.pending(SUPERVISOR).stream().noneMatch(p -> p.changeId().equals(wrong.changeId())));
            assertTrue(registry.changeSnapshots(COUNTER, wrong.changeId()).isEmpty());

            // ---- 出生 --------------------------------------------------------------------------------
            PersonData saburoData = PersonData.builder().name("髙橋", "三郎").furigana("タカハシ　サブロウ")
                    .birthDate(jp.kiban.core.date.RecordedDate.exact(BIRTH)).sex(Sex.MALE)
                    .domicile(taroData.domicile().orElseThrow()).individualNumber(Fixtures.newIndividualNumber()).build();
            ChangeResult birthRegistered = changes.register(COUNTER,
                    new ChangeRequest.Birth(BIRTH_NOTIFIED, family, saburoData, Relationship.CHILD));
            AddresseeNumber saburo = birthRegistered.persons().get(0);
            assertEquals(Optional.empty(), registry.current(COUNTER, saburo));
            ChangeResult birth = changes.confirm(SUPERVISOR, birthRegistered.changeId());
            confirmedInOrder.add(birth.changeId());
            ResidentRecord s1 = registry.current(COUNTER, saburo).orElseThrow();
            assertSnapshot(s1, 1, ChangeReason.BIRTH, BIRTH, Optional.of(BIRTH_NOTIFIED), family, "髙橋　太郎");
            assertEquals(Relationship.CHILD, s1.relationship());
            assertEquals(home, s1.address());
            assertEquals(BIRTH, s1.becameResidentOn());
            assertEquals(Optional.empty(), s1.previousAddress());

            // ---- as of a date in the middle of the story ---------------------------------------------
            assertEquals(Optional.empty(), registry.asOf(COUNTER, saburo, BIRTH.minusDays(1)));
            assertEquals(1, registry.asOf(COUNTER, saburo, BIRTH).orElseThrow().historyNumber());
            assertEquals(4, registry.household(COUNTER, family, LocalDate.of(2025, 5, 1)).members().size());
            assertEquals(List.of(taro, hanako, ichiro, jiro, saburo),
                    memberNumbers(registry.household(COUNTER, family, LocalDate.of(2025, 7, 1))));
            assertEquals(Optional.empty(), registry.asOf(COUNTER, taro, MOVE_IN.minusDays(1)));

            // ---- 世帯分離: 一郎 forms his own household (registered and confirmed by a supervisor at once) --
            ChangeResult split = changes.apply(SUPERVISOR,
                    new ChangeRequest.HouseholdSplit(SPLIT, SPLIT, List.of(ichiro), ichiro, java.util.Map.of()));
            confirmedInOrder.add(split.changeId());
            assertEquals(List.of(ichiro), split.persons());
            ResidentRecord i2 = registry.current(COUNTER, ichiro).orElseThrow();
            HouseholdNumber ichirosHousehold = i2.householdNumber();
            assertNotEquals(family, ichirosHousehold);
            assertSnapshot(i2, 2, ChangeReason.HOUSEHOLD_SPLIT, SPLIT, Optional.of(SPLIT), ichirosHousehold, "髙橋　一郎");
            assertEquals("sato", i2.change().operatorId());
            assertEquals(Relationship.HEAD, i2.relationship());
            assertEquals(home, i2.address());
            assertEquals(1, registry.current(COUNTER, taro).orElseThrow().historyNumber(), "the others are not touched");
            assertEquals(List.of(taro, hanako, jiro, saburo), memberNumbers(registry.household(COUNTER, family)));
            assertEquals(sorted(family, ichirosHousehold), split.households());

            // ---- 転居 of 一郎's household --------------------------------------------------------------
            Address flat = address("栄町二丁目", "5-8").withBuilding("栄ハイツ101");
            ChangeResult move = changes.apply(SUPERVISOR, ChangeRequest.MoveWithinTown.of(MOVE, MOVE_NOTIFIED,
                    List.of(ichiro), flat, Optional.empty()));
            confirmedInOrder.add(move.changeId());
            ResidentRecord i3 = registry.current(COUNTER, ichiro).orElseThrow();
            assertSnapshot(i3, 3, ChangeReason.MOVE_WITHIN_TOWN, MOVE, Optional.of(MOVE_NOTIFIED), ichirosHousehold, "髙橋　一郎");
            assertEquals(flat, i3.address());
            assertEquals(MOVE, i3.addressSince());
            assertEquals(MOVE_IN, i3.becameResidentOn());
            assertEquals(Optional.of(home.format()), i3.previousAddress());
            assertEquals(Optional.of(MOVE_NOTIFIED), i3.addressNotifiedOn());
            assertEquals(home, registry.asOf(COUNTER, ichiro, MOVE.minusDays(1)).orElseThrow().address());

            // ---- 死亡 of the 世帯主: refused without a new 世帯主, then with 花子 -------------------------
            ResidentException noHead = assertThrows(ResidentException.class, () -> changes.apply(SUPERVISOR,
                    new ChangeRequest.Death(DEATH, DEATH_NOTIFIED, taro, Optional.empty(), java.util.Map.of())));
            assertEquals("亡くなった髙橋　太郎さんは世帯主でした。残る世帯員の新しい世帯主を指定してください。",
                    noHead.getMessage(Locale.JAPANESE));
            assertEquals(1, registry.current(COUNTER, taro).orElseThrow().historyNumber(), "nothing written");
            ChangeResult death = changes.apply(SUPERVISOR, new ChangeRequest.Death(DEATH, DEATH_NOTIFIED, taro,
                    Optional.of(hanako), rel(jiro, Relationship.CHILD, saburo, Relationship.CHILD)));
            confirmedInOrder.add(death.changeId());
            assertEquals(Set.of(taro, hanako, jiro, saburo), Set.copyOf(death.persons()));
            ResidentRecord t2 = registry.current(COUNTER, taro).orElseThrow();
            assertSnapshot(t2, 2, ChangeReason.DEATH, DEATH, Optional.of(DEATH_NOTIFIED), family, "髙橋　太郎");
            assertEquals(ResidentStatus.REMOVED, t2.status());
            assertEquals(Optional.of(DEATH), t2.removedOn());
            ResidentRecord h2 = registry.current(COUNTER, hanako).orElseThrow();
            assertSnapshot(h2, 2, ChangeReason.DEATH, DEATH, Optional.of(DEATH_NOTIFIED), family, "髙橋　花子");
            assertEquals(Relationship.HEAD, h2.relationship());
            ResidentRecord j2 = registry.current(COUNTER, jiro).orElseThrow();
            assertSnapshot(j2, 2, ChangeReason.DEATH, DEATH, Optional.of(DEATH_NOTIFIED), family, "髙橋　花子");
            assertEquals(Relationship.CHILD, j2.relationship());
            assertSnapshot(registry.current(COUNTER, saburo).orElseThrow(), 2, ChangeReason.DEATH, DEATH,
                    Optional.of(DEATH_NOTIFIED), family, "髙橋　花子");
            assertEquals(List.of(hanako, jiro, saburo), memberNumbers(registry.household(COUNTER, family)));
            assertEquals(ResidentStatus.RESIDENT, registry.asOf(COUNTER, taro, DEATH.minusDays(1)).orElseThrow().status());
            ResidentException removed = assertThrows(ResidentException.class, () -> changes.register(COUNTER,
                    ChangeRequest.MoveWithinTown.of(today, today, List.of(taro), flat, Optional.empty())));
            assertEquals("髙橋　太郎さんは消除されています。", removed.getMessage(Locale.JAPANESE));

            // ---- 転出予定 of 次郎, then 消除 on the planned date ----------------------------------------
            LocalDate planned = today.plusDays(10);
            ChangeResult outRegistered = changes.register(COUNTER, new ChangeRequest.MoveOut(planned, today,
                    List.of(jiro), "大阪府大阪市北区梅田一丁目1番", false, Optional.empty(), java.util.Map.of()));
            assertEquals(ChangeReason.DOMESTIC_MOVE_OUT, outRegistered.reason());
            assertEquals(ResidentStatus.RESIDENT, registry.current(COUNTER, jiro).orElseThrow().status(), "still provisional");
            ChangeResult moveOut = changes.confirm(SUPERVISOR, outRegistered.changeId());
            confirmedInOrder.add(moveOut.changeId());
            ResidentRecord j3 = registry.current(COUNTER, jiro).orElseThrow();
            assertSnapshot(j3, 3, ChangeReason.DOMESTIC_MOVE_OUT, planned, Optional.of(today), family, "髙橋　花子");
            assertEquals(ResidentStatus.MOVING_OUT, j3.status());
            assertEquals(Optional.of(planned), j3.plannedMoveOutDate());
            assertEquals(Optional.empty(), j3.removedOn());
            ResidentRecord gone = registry.asOf(COUNTER, jiro, planned).orElseThrow();
            assertEquals(ResidentStatus.REMOVED, gone.status());
            assertEquals(Optional.of(planned), gone.removedOn());
            assertEquals(ResidentStatus.MOVING_OUT, registry.asOf(COUNTER, jiro, planned.minusDays(1)).orElseThrow().status());
            assertEquals(List.of(hanako, jiro, saburo), memberNumbers(registry.household(COUNTER, family)));
            assertEquals(List.of(hanako, saburo), memberNumbers(registry.household(COUNTER, family, planned)));
            assertEquals(List.of(jiro), numbers(search(registry, "タカハシ　ジロウ")), "on the register until the date");

            // ---- history of 花子 ----------------------------------------------------------------------
            List<ResidentRecord> history = registry.history(COUNTER, hanako);
            assertEquals(List.of(1, 2), history.stream().map(ResidentRecord::historyNumber).toList());
            assertEquals(List.of(ChangeReason.DOMESTIC_MOVE_IN, ChangeReason.DEATH),
                    history.stream().map(r -> r.change().reason()).toList());
            assertEquals(List.of(Relationship.WIFE, Relationship.HEAD), history.stream().map(ResidentRecord::relationship).toList());

            // ---- events: one per confirmed change, in order, none for the rejected or provisional ones --
            Set<String> ours = confirmedInOrder.stream().map(UUID::toString).collect(Collectors.toSet());
            List<Event> received = events.await(e -> ours.contains(e.getProperty(ResidentEvents.CHANGE_ID))
                    || wrong.changeId().toString().equals(e.getProperty(ResidentEvents.CHANGE_ID)), confirmedInOrder.size());
            assertEquals(confirmedInOrder.stream().map(UUID::toString).toList(),
                    received.stream().map(e -> (String) e.getProperty(ResidentEvents.CHANGE_ID)).toList());
            assertEquals(List.of("jp/kiban/resident/change/DOMESTIC_MOVE_IN", "jp/kiban/resident/change/BIRTH",
                    "jp/kiban/resident/change/HOUSEHOLD_SPLIT", "jp/kiban/resident/change/MOVE_WITHIN_TOWN",
                    "jp/kiban/resident/change/DEATH", "jp/kiban/resident/change/DOMESTIC_MOVE_OUT"),
                    received.stream().map(Event::getTopic).toList());
            long previous = 0;
            for (Event e : received) {
                long sequence = (Long) e.getProperty(ResidentEvents.SEQUENCE);
                assertTrue(sequence > previous, "sequence must increase in publication order");
                previous = sequence;
            }
            Event first = received.get(0);
            assertEquals("11", first.getProperty(ResidentEvents.REASON_CODE));
            assertEquals("2025-04-01", first.getProperty(ResidentEvents.CHANGE_DATE));
            assertArrayEquals(new String[] { taro.value(), hanako.value(), ichiro.value(), jiro.value() },
                    sortedArray((String[]) first.getProperty(ResidentEvents.ADDRESSEE_NUMBERS)));
            assertArrayEquals(new int[] { 1, 1, 1, 1 }, (int[]) first.getProperty(ResidentEvents.HISTORY_NUMBERS));
            assertArrayEquals(new String[] { family.value() }, (String[]) first.getProperty(ResidentEvents.HOUSEHOLD_NUMBERS));
            Event deathEvent = received.get(4);
            String[] deathPersons = (String[]) deathEvent.getProperty(ResidentEvents.ADDRESSEE_NUMBERS);
            int[] deathHistory = (int[]) deathEvent.getProperty(ResidentEvents.HISTORY_NUMBERS);
            for (int i = 0; i < deathPersons.length; i++) {
                assertEquals(2, deathHistory[i], "history of " + deathPersons[i]);
            }
            Event splitEvent = received.get(2);
            assertArrayEquals(new String[] { ichiro.value() }, (String[]) splitEvent.getProperty(ResidentEvents.ADDRESSEE_NUMBERS));
            assertArrayEquals(new int[] { 2 }, (int[]) splitEvent.getProperty(ResidentEvents.HISTORY_NUMBERS));
            assertArrayEquals(sorted(family, ichirosHousehold).stream().map(HouseholdNumber::value).toArray(String[]::new),
                    (String[]) splitEvent.getProperty(ResidentEvents.HOUSEHOLD_NUMBERS));

            // ---- counter searches -------------------------------------------------------------------
            assertEquals(List.of(hanako), numbers(search(registry, "たかはし　はな")), "フリガナ, partial, with a space");
            assertEquals(List.of(hanako), numbers(search(registry, "ﾀｶﾊｼﾊﾅｺ")), "half-width, no space");
            List<AddresseeNumber> takahashi = numbers(search(registry, "高橋"));
            assertTrue(takahashi.containsAll(List.of(hanako, ichiro, jiro, saburo)), "新字体 input finds 髙橋");
            assertFalse(takahashi.contains(taro), "removed persons are left out by default");
            assertEquals(List.of(hanako), numbers(registry.search(COUNTER, ResidentQuery.builder().name("高橋 花子").build())));
            assertEquals(List.of(hanako), numbers(registry.search(COUNTER,
                    ResidentQuery.builder().name("高橋").birthDate("昭和57年8月20日").build())), "和暦 birth date");
            assertEquals(List.of(hanako), numbers(registry.search(COUNTER,
                    ResidentQuery.builder().name("高橋").birthDate("1982-08-20").build())), "西暦 birth date");
            assertTrue(numbers(registry.search(COUNTER, ResidentQuery.builder().name("高橋").includeRemoved(true).build()))
                    .contains(taro));
            assertEquals(List.of(ichiro), numbers(registry.search(COUNTER, ResidentQuery.builder().address("栄町二丁目５－８").build())
                    .hits().stream().filter(r -> r.person().name().family().equals("髙橋")).toList()));

            // 個人番号: only for operators who may use it
            var number = hanakoData.individualNumber().orElseThrow();
            ResidentException refused = assertThrows(ResidentException.class,
                    () -> registry.search(BUSINESS, ResidentQuery.builder().individualNumber(number).build()));
            assertEquals("個人番号を利用する権限がありません。", refused.getMessage(Locale.JAPANESE));
            assertEquals("You may not use individual numbers.", refused.getMessage());
            assertEquals(List.of(hanako), numbers(registry.search(COUNTER, ResidentQuery.builder().individualNumber(number).build())));
            ResidentRecord seenByBusiness = registry.current(BUSINESS, hanako).orElseThrow();
            assertTrue(seenByBusiness.individualNumberWithheld());
            assertEquals(Optional.empty(), seenByBusiness.person().individualNumber());
            assertEquals(Optional.of(number), registry.current(COUNTER, hanako).orElseThrow().person().individualNumber());
        }
    }

    static void assertSnapshot(ResidentRecord r, int history, ChangeReason reason, LocalDate changeDate,
            Optional<LocalDate> notified, HouseholdNumber household, String headName) {
        String who = r.person().name().fullName() + " #" + r.historyNumber();
        assertEquals(history, r.historyNumber(), who);
        assertEquals(reason, r.change().reason(), who);
        assertEquals(ChangeState.CONFIRMED, r.change().state(), who);
        assertEquals(changeDate, r.change().changeDate(), who);
        assertEquals(notified, r.change().notificationDate(), who);
        assertEquals(Fixtures.today(), r.change().processedOn(), who);
        assertTrue(Set.of("tanaka", "sato").contains(r.change().operatorId()), who);
        assertEquals(household, r.householdNumber(), who);
        assertEquals(headName, r.householdHead().fullName(), who);
    }

    static List<ResidentRecord> search(ResidentRegistry registry, String name) {
        return registry.search(COUNTER, ResidentQuery.builder().name(name).build()).hits();
    }

    static List<AddresseeNumber> numbers(List<ResidentRecord> records) {
        return records.stream().map(ResidentRecord::addresseeNumber).toList();
    }

    static List<AddresseeNumber> numbers(jp.kiban.resident.SearchResult result) {
        return numbers(result.hits());
    }

    static List<AddresseeNumber> memberNumbers(Household h) {
        return numbers(h.members());
    }

    static List<HouseholdNumber> sorted(HouseholdNumber... numbers) {
        return java.util.Arrays.stream(numbers).sorted().toList();
    }

    static String[] sortedArray(String[] values) {
        String[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }
}
