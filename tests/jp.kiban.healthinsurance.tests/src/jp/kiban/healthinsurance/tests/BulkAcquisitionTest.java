package jp.kiban.healthinsurance.tests;

import static jp.kiban.healthinsurance.tests.Town.KOKUHO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.Acquisition;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.ImportResult;
import jp.kiban.healthinsurance.InsuredPerson;
import jp.kiban.healthinsurance.KokuhoHousehold;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;
import jp.kiban.security.SecurityRefusal;

/**
 * {@link HealthInsurance#acquireAll}: the same checks as one 資格取得 at a time, all or nothing when a record is refused
 * (the problems by position), and the same 資格 and copies as {@code acquire} when none is.
 */
class BulkAcquisitionTest {

    private static ChangeResult family(String lot, String family) throws InterruptedException {
        LocalDate moveIn = LocalDate.of(2025, 5, 1);
        return Town.apply(Town.moveIn(moveIn, lot, List.of(
                Town.member(Town.person(family, "一郎", "やまだ　いちろう", LocalDate.of(1970, 1, 10), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person(family, "花子", "やまだ　はなこ", LocalDate.of(1972, 3, 3), Sex.FEMALE), Relationship.WIFE),
                Town.member(Town.person(family, "三郎", "やまだ　さぶろう", LocalDate.of(2010, 7, 7), Sex.MALE), Relationship.CHILD))));
    }

    @Test
    void aRefusedRecordRefusesTheWholeInputAndNamesEveryProblem() throws Exception {
        HealthInsurance kokuho = Town.service(HealthInsurance.class);
        ChangeResult in = family("7-1", "一括");
        AddresseeNumber head = in.persons().get(0);
        AddresseeNumber wife = in.persons().get(1);
        AddresseeNumber child = in.persons().get(2);
        LocalDate moveIn = LocalDate.of(2025, 5, 1);
        ImportResult bad = kokuho.acquireAll(KOKUHO, List.of(
                new Acquisition(head, moveIn, AcquisitionReason.MOVE_IN),
                new Acquisition(wife, LocalDate.of(2025, 4, 1), AcquisitionReason.MOVE_IN), // not resident yet
                new Acquisition(child, Town.today().plusDays(1), AcquisitionReason.OTHER), // in the future
                new Acquisition(head, moveIn, AcquisitionReason.MOVE_IN), // twice
                new Acquisition(AddresseeNumber.fromSerial(987_654), moveIn, AcquisitionReason.OTHER))); // unknown
        assertFalse(bad.ok());
        assertEquals(0, bad.stored());
        assertEquals(List.of(2, 3, 4, 5), bad.problems().stream().map(ImportResult.Problem::line).toList());
        assertEquals(List.of("person.notResident", "acquire.future", "acquire.duplicate", "person.unknown"),
                bad.problems().stream().map(p -> p.error().code()).toList());
        assertTrue(bad.problems().get(2).error().getMessage(Locale.JAPANESE).contains(head.value()),
                bad.problems().get(2).error().getMessage(Locale.JAPANESE));
        assertTrue(kokuho.household(KOKUHO, in.households().get(0)).isEmpty(), "nothing written, not even the good record");

        // one already insured (through the single path) refuses the input as well, before anything is written
        kokuho.acquire(KOKUHO, wife, moveIn, AcquisitionReason.MOVE_IN);
        ImportResult insured = kokuho.acquireAll(KOKUHO, List.of(new Acquisition(head, moveIn, AcquisitionReason.MOVE_IN),
                new Acquisition(wife, moveIn.plusDays(5), AcquisitionReason.LEFT_EMPLOYEE_INSURANCE)));
        assertEquals(List.of(2), insured.problems().stream().map(ImportResult.Problem::line).toList());
        assertEquals("acquire.alreadyInsured", insured.problems().get(0).error().code());
        KokuhoHousehold h = kokuho.household(KOKUHO, in.households().get(0)).orElseThrow();
        assertTrue(h.members().stream().filter(m -> m.number().equals(head)).allMatch(m -> m.qualifications().isEmpty()),
                "the head was not insured: " + h.members());

        // not business staff of 国保: refused like acquire
        assertThrows(SecurityRefusal.class, () -> kokuho.acquireAll(Town.JIDOTEATE,
                List.of(new Acquisition(head, moveIn, AcquisitionReason.MOVE_IN))));
    }

    @Test
    void aGoodInputIsWrittenLikeOneCallPerPersonAcrossChunks() throws Exception {
        HealthInsurance kokuho = Town.service(HealthInsurance.class);
        List<Acquisition> all = new ArrayList<>();
        List<HouseholdNumber> households = new ArrayList<>();
        LocalDate moveIn = LocalDate.of(2025, 5, 1);
        // more persons than one chunk, so that two transactions are written
        int families = HealthInsurance.ACQUIRE_CHUNK / 3 + 2;
        for (int i = 0; i < families; i++) {
            ChangeResult in = family("8-" + i, "多数");
            households.add(in.households().get(0));
            for (AddresseeNumber p : in.persons()) {
                all.add(new Acquisition(p, moveIn, AcquisitionReason.MOVE_IN));
            }
        }
        assertTrue(all.size() > HealthInsurance.ACQUIRE_CHUNK);
        ImportResult done = kokuho.acquireAll(KOKUHO, all);
        assertTrue(done.ok(), done.problems().toString());
        assertEquals(all.size(), done.stored());
        for (HouseholdNumber number : List.of(households.get(0), households.get(households.size() - 1))) {
            KokuhoHousehold h = kokuho.household(KOKUHO, number).orElseThrow();
            assertEquals(3, h.members().size());
            for (InsuredPerson m : h.members()) {
                assertEquals(1, m.qualifications().size(), m.toString());
                assertEquals(moveIn, m.qualifications().get(0).acquiredOn());
                assertEquals(AcquisitionReason.MOVE_IN, m.qualifications().get(0).acquisitionReason());
                assertEquals(KOKUHO.id(), m.qualifications().get(0).recordedBy());
            }
            assertEquals("一郎", h.head().orElseThrow().name().substring(h.head().orElseThrow().name().length() - 2));
        }
        // incomes of the persons now known to 国保 are accepted; a second bulk call is refused: all are insured now
        ImportResult again = kokuho.acquireAll(KOKUHO, all.subList(0, 2));
        assertEquals(List.of("acquire.alreadyInsured", "acquire.alreadyInsured"),
                again.problems().stream().map(p -> p.error().code()).toList());
    }
}
