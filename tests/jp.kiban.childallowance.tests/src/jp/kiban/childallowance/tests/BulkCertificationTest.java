package jp.kiban.childallowance.tests;

import static jp.kiban.childallowance.tests.Town.JIDOTEATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.childallowance.Application;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.BulkResult;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildEntry;
import jp.kiban.childallowance.Recipient;
import jp.kiban.childallowance.RevisionKind;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;
import jp.kiban.security.SecurityRefusal;

/**
 * {@link ChildAllowance#certifyAll}: the same checks as one 認定 at a time (and within the list, as one call after the
 * other), all or nothing when an application is refused (the refusals by position), and the same recipients as
 * {@code certify} when none is, across chunks.
 */
class BulkCertificationTest {
    private static final LocalDate MOVE_IN = LocalDate.of(2025, 4, 1);
    private static final LocalDate APPLIED = LocalDate.of(2025, 5, 20);

    /** A parent and two children (10 and 3), moved in on 1 April 2025. */
    private static ChangeResult family(String lot, String family) throws InterruptedException {
        return Town.apply(Town.moveIn(MOVE_IN, lot, List.of(
                Town.member(Town.person(family, "太郎", "いっかつ　たろう", LocalDate.of(1985, 1, 1), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person(family, "一子", "いっかつ　かずこ", LocalDate.of(2015, 3, 3), Sex.FEMALE), Relationship.CHILD),
                Town.member(Town.person(family, "二郎", "いっかつ　じろう", LocalDate.of(2022, 9, 9), Sex.MALE), Relationship.CHILD))));
    }

    private static Application application(AddresseeNumber applicant, AddresseeNumber... children) {
        List<ChildEntry> entries = new ArrayList<>();
        for (AddresseeNumber c : children) {
            entries.add(ChildEntry.resident(c, false));
        }
        return new Application(applicant, APPLIED, ApplicationTrigger.NORMAL, Optional.empty(), entries);
    }

    @Test
    void aRefusedApplicationRefusesTheWholeInputAndNamesEveryProblem() throws Exception {
        ChildAllowance jidoteate = Town.service(ChildAllowance.class);
        ChangeResult a = family("9-1", "一括");
        ChangeResult b = family("9-2", "一括");
        AddresseeNumber parentA = a.persons().get(0);
        AddresseeNumber parentB = b.persons().get(0);
        BulkResult bad = jidoteate.certifyAll(JIDOTEATE, List.of(
                application(parentA, a.persons().get(1), a.persons().get(2)), // good
                new Application(parentB, Town.today().plusDays(1), ApplicationTrigger.NORMAL, Optional.empty(),
                        List.of(ChildEntry.resident(b.persons().get(1), false))), // in the future
                application(parentA, a.persons().get(1)), // the same applicant again
                application(parentB, a.persons().get(2)), // a child of the first application
                application(parentB))); // no child
        assertFalse(bad.ok());
        assertEquals(0, bad.stored());
        assertEquals(List.of(2, 3, 4, 5), bad.problems().stream().map(BulkResult.Problem::position).toList());
        assertEquals(List.of("application.future", "recipient.alreadyCertified", "child.otherRecipient", "children.none"),
                bad.problems().stream().map(p -> p.error().code()).toList());
        String otherRecipient = bad.problems().get(2).error().getMessage(Locale.JAPANESE);
        assertTrue(otherRecipient.contains("一括　太郎"), otherRecipient);
        assertTrue(jidoteate.recipientOf(JIDOTEATE, parentA).isEmpty(), "nothing stored, not even the good application");

        // a recipient already stored (through the single path) refuses the input as well, before anything is written
        jidoteate.certify(JIDOTEATE, application(parentB, b.persons().get(1)));
        BulkResult stored = jidoteate.certifyAll(JIDOTEATE, List.of(application(parentA, a.persons().get(1)),
                application(parentB, b.persons().get(2))));
        assertEquals(List.of(2), stored.problems().stream().map(BulkResult.Problem::position).toList());
        assertEquals("recipient.alreadyCertified", stored.problems().get(0).error().code());
        assertTrue(jidoteate.recipientOf(JIDOTEATE, parentA).isEmpty(), "nothing stored");

        assertThrows(SecurityRefusal.class, () -> jidoteate.certifyAll(Town.KOKUHO, List.of(application(parentA,
                a.persons().get(1)))));
    }

    @Test
    void aGoodInputIsStoredLikeOneCallPerApplicationAcrossChunks() throws Exception {
        ChildAllowance jidoteate = Town.service(ChildAllowance.class);
        List<Application> all = new ArrayList<>();
        List<ChangeResult> families = new ArrayList<>();
        for (int i = 0; i < ChildAllowance.CERTIFY_CHUNK + 3; i++) {
            ChangeResult f = family("10-" + i, "多数");
            families.add(f);
            all.add(application(f.persons().get(0), f.persons().get(1), f.persons().get(2)));
        }
        BulkResult done = jidoteate.certifyAll(JIDOTEATE, all);
        assertTrue(done.ok(), done.problems().toString());
        assertEquals(all.size(), done.stored());
        for (ChangeResult f : List.of(families.get(0), families.get(families.size() - 1))) {
            Recipient r = jidoteate.recipientOf(JIDOTEATE, f.persons().get(0)).orElseThrow();
            assertEquals(YearMonth.of(2025, 6), r.startMonth());
            assertEquals(2, r.children().size());
            assertEquals(1, r.revisions().size());
            assertEquals(RevisionKind.CERTIFICATION, r.revisions().get(0).kind());
            // the amount of the first month, as the calculator gives it
            assertEquals(jidoteate.amount(JIDOTEATE, r.id(), YearMonth.of(2025, 6)).total(),
                    r.revisions().get(0).monthlyAmount());
            assertEquals("jido", r.revisions().get(0).recordedBy());
        }
        // all are recipients now: the same list again is refused application by application
        BulkResult again = jidoteate.certifyAll(JIDOTEATE, all.subList(0, 2));
        assertEquals(List.of("recipient.alreadyCertified", "recipient.alreadyCertified"),
                again.problems().stream().map(p -> p.error().code()).toList());
    }
}
