package jp.kiban.resident.tests;

import jp.kiban.persistence.impl.JpaUnit;
import jp.kiban.testing.db.TestDatabases;
import static jp.kiban.resident.tests.Fixtures.COUNTER;
import static jp.kiban.resident.tests.Fixtures.SUPERVISOR;
import static jp.kiban.resident.tests.Fixtures.address;
import static jp.kiban.resident.tests.Fixtures.japanese;
import static jp.kiban.resident.tests.Fixtures.member;
import static jp.kiban.resident.tests.Fixtures.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.persistence.EntityManagerFactory;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.core.address.Address;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.EntityManagerTransactions;
import jp.kiban.persistence.impl.SqlMigrator;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentQuery;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;
import jp.kiban.resident.impl.ResidentSchema;
import jp.kiban.resident.impl.ResidentServiceComponent;
import jp.kiban.resident.impl.SupportMeasuresComponent;
import jp.kiban.resident.SupportMeasure;

/**
 * The register's own queries (JPQL through EclipseLink: joins, LIKE … ESCAPE, booleans, paging,
 * dates) on Derby and on PostgreSQL, with the resident component outside DS over a fresh database.
 */
class ResidentOnBothEnginesTest {

    /** Numbers without the addressee base's tables: serials counted in memory. */
    static final class CountingNumbers implements AddresseeNumbers {
        private final AtomicLong persons = new AtomicLong(1);
        private final AtomicLong households = new AtomicLong(1);

        @Override
        public AddresseeNumber assign(AddresseeKind kind) {
            return AddresseeNumber.fromSerial(persons.getAndIncrement());
        }

        @Override
        public HouseholdNumber assignHousehold() {
            return HouseholdNumber.fromSerial(households.getAndIncrement());
        }

        @Override
        public Optional<AddresseeKind> kindOf(AddresseeNumber number) {
            return Optional.empty();
        }

        @Override
        public void changeKind(AddresseeNumber number, AddresseeKind kind) {
            throw new UnsupportedOperationException();
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void theRegisterWorksOnEachEngine(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            ResidentSchema schema = new ResidentSchema();
            new SqlMigrator(db, () -> BundleScripts.load(ResidentMigrationTest.impl(), schema, db.dialect())).migrate();
            EntityManagerFactory emf = JpaUnit.create(db, schema.entityClasses());
            try {
                ResidentServiceComponent register = ResidentServiceComponent.create(new EntityManagerTransactions(() -> emf),
                        new CountingNumbers());
                LocalDate in = LocalDate.of(2025, 4, 1);
                Address home = address("本町三丁目", "4-5");
                ChangeResult registered = register.register(COUNTER, Fixtures.moveIn(in, home, List.of(
                        member(japanese("齋藤", "健", "サイトウ　ケン", "昭和50年1月2日", Sex.MALE), Relationship.HEAD),
                        member(japanese("齋藤", "恵", "サイトウ　メグミ", "昭和52年3月4日", Sex.FEMALE), Relationship.WIFE),
                        member(japanese("齋藤", "光", "サイトウ　ヒカル", "平成20年5月6日", Sex.FEMALE), Relationship.CHILD))));
                AddresseeNumber ken = registered.persons().get(0);
                AddresseeNumber megumi = registered.persons().get(1);
                AddresseeNumber hikaru = registered.persons().get(2);
                HouseholdNumber household = registered.households().get(0);
                assertEquals(Optional.empty(), register.current(COUNTER, ken));
                assertTrue(register.search(COUNTER, ResidentQuery.builder().name("サイトウ").build()).hits().isEmpty());
                assertEquals(1, register.pending(SUPERVISOR).size());
                register.confirm(SUPERVISOR, registered.changeId());

                assertEquals(List.of(megumi), numbers(register, ResidentQuery.builder().name("さいとう　めぐ").build()));
                assertEquals(List.of(ken, hikaru, megumi), numbers(register, ResidentQuery.builder().name("齋藤").build()),
                        "ordered by フリガナ");
                assertEquals(List.of(ken), numbers(register, ResidentQuery.builder().name("斎藤健").build()));
                assertEquals(List.of(), numbers(register, ResidentQuery.builder().name("斉藤").build()), "斉 is not 斎");
                assertEquals(List.of(hikaru), numbers(register, ResidentQuery.builder().birthDate("H20.5.6").build()));
                assertEquals(List.of(ken, hikaru, megumi), numbers(register, ResidentQuery.builder().address("三丁目4").build()));
                assertEquals(List.of(ken), numbers(register, ResidentQuery.builder().addresseeNumber(ken).build()));
                assertEquals(List.of(), numbers(register, ResidentQuery.builder().name("サ%").build()), "wildcards are literal");
                var page = register.search(COUNTER, ResidentQuery.builder().name("サイトウ").page(1, 1).build());
                assertEquals(List.of(hikaru), page.hits().stream().map(ResidentRecord::addresseeNumber).toList());
                assertTrue(page.more());

                LocalDate death = LocalDate.of(2025, 8, 8);
                register.apply(SUPERVISOR, new ChangeRequest.Death(death, death, ken, Optional.of(megumi),
                        rel(hikaru, Relationship.CHILD)));
                assertEquals(ResidentStatus.REMOVED, register.current(COUNTER, ken).orElseThrow().status());
                assertEquals(ResidentStatus.RESIDENT, register.asOf(COUNTER, ken, death.minusDays(1)).orElseThrow().status());
                assertEquals(List.of(megumi, hikaru), register.household(COUNTER, household).members().stream()
                        .map(ResidentRecord::addresseeNumber).toList());
                assertEquals(3, register.household(COUNTER, household, death.minusDays(1)).members().size());
                assertEquals(List.of(ken), numbers(register, ResidentQuery.builder().name("サイトウケン").includeRemoved(true).build()));

                ChangeResult undo = register.apply(SUPERVISOR, new ChangeRequest.Cancellation(
                        register.current(COUNTER, ken).orElseThrow().change().changeId(), "死亡届の誤り"));
                assertEquals(ChangeReason.CANCELLATION, undo.reason());
                assertEquals(ResidentStatus.RESIDENT, register.current(COUNTER, ken).orElseThrow().status());
                assertEquals(Relationship.HEAD, register.current(COUNTER, ken).orElseThrow().relationship());
                assertEquals(List.of(1, 2, 3), register.history(COUNTER, ken).stream().map(ResidentRecord::historyNumber).toList());

                ChangeResult rejected = register.register(COUNTER, ChangeRequest.MoveWithinTown.of(death, death,
                        List.of(ken, megumi, hikaru), address("本町三丁目", "9-9"), Optional.empty()));
                register.reject(SUPERVISOR, rejected.changeId(), "取下げ");
                assertEquals(home, register.current(COUNTER, hikaru).orElseThrow().address());
                assertThrows(ResidentException.class, () -> register.apply(SUPERVISOR,
                        new ChangeRequest.HeadChange(death, death, household, ken, Map.of())));

                // 支援措置 (native SQL): open-ended and with an end date, replaced, cleared, history kept
                SupportMeasuresComponent support = SupportMeasuresComponent.create(
                        new EntityManagerTransactions(() -> emf));
                LocalDate today = LocalDate.now();
                support.set(SUPERVISOR, hikaru, "DV", today, null);
                SupportMeasure open = support.current(SUPERVISOR, hikaru).orElseThrow();
                assertEquals(Optional.empty(), open.until());
                assertEquals(Optional.of("DV"), open.reason());
                assertEquals(Optional.empty(), support.current(COUNTER, hikaru).orElseThrow().reason());
                support.set(SUPERVISOR, hikaru, "ストーカー", today.minusDays(1), today.plusDays(30));
                SupportMeasure replaced = support.inForce(COUNTER, hikaru, today).orElseThrow();
                assertEquals(Optional.of(today.plusDays(30)), replaced.until());
                assertTrue(support.inForce(COUNTER, hikaru, today.plusDays(31)).isEmpty());
                assertThrows(ResidentException.class, () -> support.set(SUPERVISOR,
                        AddresseeNumber.fromSerial(999), "x", today, null));
                support.clear(SUPERVISOR, hikaru, "終了");
                assertEquals(Optional.empty(), support.current(SUPERVISOR, hikaru));
                assertEquals(2L, ((Number) emf.createEntityManager().createNativeQuery(
                        "SELECT COUNT(*) FROM resident_support_measure WHERE cleared_at IS NOT NULL").getSingleResult())
                        .longValue(), "cleared measures are kept");
            } finally {
                emf.close();
            }
        }
    }

    static List<AddresseeNumber> numbers(ResidentServiceComponent register, ResidentQuery q) {
        return register.search(COUNTER, q).hits().stream().map(ResidentRecord::addresseeNumber).toList();
    }
}
