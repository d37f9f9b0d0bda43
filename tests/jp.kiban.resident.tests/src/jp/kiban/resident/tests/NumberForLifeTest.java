package jp.kiban.resident.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.addressee.NonResident;
import jp.kiban.addressee.NonResidentData;
import jp.kiban.addressee.NonResidents;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeRequest.NewMember;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.Sex;

/** One 宛名番号 per person for life: a 住登外者 who moves in and a former resident who comes back keep theirs. */
class NumberForLifeTest {

    @Test
    void aNonResidentMovesInUnderTheNumberTheTownAlreadyGaveThem() throws Exception {
        NonResident known = Fixtures.service(NonResidents.class).register(Operator.system(),
                NonResidentData.of(KanjiName.of("森", "次郎"), Furigana.of("モリ　ジロウ"), RecordedDate.parse("1970-01-02")));
        AddresseeNumber number = known.number();
        PersonData jiro = Fixtures.japanese("森", "次郎", "モリ　ジロウ", "1970-01-02", Sex.MALE);
        LocalDate day = Fixtures.today().minusDays(30);
        ChangeResult in = Fixtures.changes().apply(Operator.system(), Fixtures.moveIn(day,
                Fixtures.address("本町", "2番地"), List.of(new NewMember(jiro, Relationship.HEAD, Optional.of(number)))));
        assertEquals(List.of(number), in.persons());
        assertEquals(Optional.of(AddresseeKind.RESIDENT), Fixtures.service(AddresseeNumbers.class).kindOf(number));
        assertEquals(1, Fixtures.registry().current(Operator.system(), number).orElseThrow().historyNumber());

        // the same person cannot move in twice
        ResidentException twice = assertThrows(ResidentException.class, () -> Fixtures.changes().apply(Operator.system(),
                Fixtures.moveIn(day, Fixtures.address("本町", "3番地"),
                        List.of(new NewMember(jiro, Relationship.HEAD, Optional.of(number))))));
        assertEquals("moveIn.alreadyResident", twice.code());
        assertTrue(twice.getMessage(java.util.Locale.JAPANESE).contains("既に住民"), twice.getMessage(java.util.Locale.JAPANESE));
    }

    @Test
    void aFormerResidentComesBackWithTheSameNumberAndTheHistoryGoesOn() throws Exception {
        PersonData hana = Fixtures.japanese("川口", "はな", "カワグチ　ハナ", "1990-04-05", Sex.FEMALE);
        LocalDate in = Fixtures.today().minusDays(200);
        AddresseeNumber number = Fixtures.changes().apply(Operator.system(), Fixtures.moveIn(in,
                Fixtures.address("本町", "4番地"), List.of(Fixtures.member(hana, Relationship.HEAD)))).persons().get(0);
        LocalDate out = Fixtures.today().minusDays(100);
        Fixtures.changes().apply(Operator.system(), new ChangeRequest.MoveOut(out, out.minusDays(3), List.of(number),
                "大阪府大阪市北区中之島一丁目3番20号", false, Optional.empty(), Map.of()));
        assertEquals(ResidentStatus.REMOVED, Fixtures.registry().current(Operator.system(), number).orElseThrow().status());

        LocalDate back = Fixtures.today().minusDays(10);
        ChangeResult again = Fixtures.changes().apply(Operator.system(), Fixtures.moveIn(back,
                Fixtures.address("駅前", "1番地"), List.of(new NewMember(hana, Relationship.HEAD, Optional.of(number)))));
        assertEquals(List.of(number), again.persons());
        List<ResidentRecord> history = Fixtures.registry().history(Operator.system(), number);
        assertEquals(List.of(1, 2, 3), history.stream().map(ResidentRecord::historyNumber).toList());
        ResidentRecord now = history.get(2);
        assertEquals(ChangeReason.DOMESTIC_MOVE_IN, now.change().reason());
        assertEquals(ResidentStatus.RESIDENT, now.status());
        assertEquals(back, now.becameResidentOn());
        assertTrue(now.plannedMoveOutDate().isEmpty() && now.removedOn().isEmpty(), "the old move-out must not carry over");
    }

    @Test
    void aNumberTheTownNeverGaveIsRefused() throws Exception {
        PersonData nobody = Fixtures.japanese("谷", "一", "タニ　ハジメ", "1980-01-01", Sex.MALE);
        ResidentException e = assertThrows(ResidentException.class, () -> Fixtures.changes().apply(Operator.system(),
                Fixtures.moveIn(Fixtures.today().minusDays(5), Fixtures.address("本町", "5番地"), List.of(
                        new NewMember(nobody, Relationship.HEAD, Optional.of(AddresseeNumber.fromSerial(9_999_999_000L)))))));
        assertEquals("moveIn.unknownNumber", e.code());
    }

    @Test
    void twoProvisionalChangesWithTheSameIndividualNumberCannotBothBeConfirmed() throws Exception {
        jp.kiban.core.id.IndividualNumber shared = Fixtures.newIndividualNumber();
        PersonData a = Fixtures.japanese("東", "一郎", "ヒガシ　イチロウ", "1985-01-01", Sex.MALE).toBuilder()
                .individualNumber(shared).build();
        PersonData b = Fixtures.japanese("西", "二郎", "ニシ　ジロウ", "1986-02-02", Sex.MALE).toBuilder()
                .individualNumber(shared).build();
        LocalDate day = Fixtures.today().minusDays(3);
        // each passes at 仮登録: the other is not on the register yet
        ChangeResult first = Fixtures.changes().register(Fixtures.COUNTER, Fixtures.moveIn(day,
                Fixtures.address("本町", "6番地"), List.of(Fixtures.member(a, Relationship.HEAD))));
        ChangeResult second = Fixtures.changes().register(Fixtures.COUNTER, Fixtures.moveIn(day,
                Fixtures.address("本町", "7番地"), List.of(Fixtures.member(b, Relationship.HEAD))));
        Fixtures.changes().confirm(Fixtures.SUPERVISOR, first.changeId());
        ResidentException e = assertThrows(ResidentException.class,
                () -> Fixtures.changes().confirm(Fixtures.SUPERVISOR, second.changeId()));
        assertEquals("individualNumber.duplicate", e.code());
        // the refused confirmation changed nothing: the second person is still not on the register
        assertTrue(Fixtures.registry().current(Operator.system(), second.persons().get(0)).isEmpty());
    }
}
