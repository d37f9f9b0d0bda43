package jp.kiban.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.addressee.TownDictionary;
import jp.kiban.addressee.TownImportMode;
import jp.kiban.addressee.TownImportResult;
import jp.kiban.demo.DemoTown;
import jp.kiban.demo.DemoTownContribution;
import jp.kiban.persistence.Database;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Domicile;
import jp.kiban.resident.ForeignResidence;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentType;
import jp.kiban.resident.Sex;
import jp.kiban.demo.internal.DemoNames.Foreigner;
import jp.kiban.demo.internal.DemoNames.Name;
import jp.kiban.demo.internal.DemoNames.Town;

/**
 * The generator: move-ins in batches (one transaction each, through {@link ResidentChanges#applyAll}
 * as {@link Operator#system()}), then later events for some households: births, moves within the
 * town, deaths of elder members and move-outs. Every change goes through the same rules as at the
 * counter, so the demo town is a valid register.
 */
@Component(service = DemoTown.class)
public class DemoTownGenerator implements DemoTown {
    private static final System.Logger LOG = System.getLogger(DemoTownGenerator.class.getName());
    private static final int BATCH = 100;

    /** Where people came from: real 全国地方公共団体コード (check digits computed) and a written address there. */
    private static final List<String[]> ORIGINS = List.of(
            new String[] { "13101", "東京都千代田区霞が関一丁目2番3号" }, new String[] { "01100", "北海道札幌市中央区北一条西二丁目1番地" },
            new String[] { "14100", "神奈川県横浜市中区日本大通1番地" }, new String[] { "27100", "大阪府大阪市北区中之島一丁目3番20号" },
            new String[] { "23100", "愛知県名古屋市中区三の丸三丁目1番1号" }, new String[] { "04100", "宮城県仙台市青葉区国分町三丁目7番1号" },
            new String[] { "40130", "福岡県福岡市中央区天神一丁目8番1号" });

    @Reference
    private ResidentChanges changes;
    @Reference
    private MunicipalityService municipalities;
    @Reference
    private TownDictionary dictionary;
    @Reference
    private Database database;
    private final List<DemoTownContribution> contributions = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(DemoTownContribution contribution) {
        contributions.add(contribution);
    }

    void removeContribution(DemoTownContribution contribution) {
        contributions.remove(contribution);
    }

    @Override
    public Map<String, Integer> populateContributions(long seed) {
        Map<String, Integer> added = new java.util.LinkedHashMap<>();
        Municipality town = municipalities.current().orElse(null);
        if (town == null || !town.demo()) {
            throw new IllegalStateException("The configured town is not the demo town: no demo data is added to it");
        }
        for (DemoTownContribution c : contributions) {
            try {
                int n = c.populate(seed, Progress.NONE);
                added.put(c.id(), n);
                LOG.log(System.Logger.Level.INFO, "Demo data of {0}: {1} records added", c.id(), n);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Demo data of " + c.id() + " failed: " + e.getMessage(), e);
            }
        }
        if (added.values().stream().anyMatch(n -> n > 0)) {
            updateStatistics();
        }
        return added;
    }

    private record Planned(ChangeRequest moveIn, List<Member> members) {
    }

    private record Member(PersonData person, Relationship relationship) {
    }

    /** A household that moved in: what its later events need. */
    private record Moved(HouseholdNumber household, List<AddresseeNumber> persons, LocalDate since, Name family) {
    }

    @Override
    public Result generate(int residents, long seed, Progress progress) {
        long start = System.nanoTime();
        Municipality town = municipalities.current()
                .orElseThrow(() -> new IllegalStateException("No municipality configured: set one first"));
        Random r = new Random(seed);
        LocalDate today = LocalDate.now();
        Operator system = Operator.system();
        ensureTownDictionary(system);
        int persons = 0;
        int households = 0;
        int changeCount = 0;
        int foreigners = 0;
        List<ChangeRequest> batch = new ArrayList<>();
        // only what the later events need, not the change results with their snapshots: a 200,000 town
        // would otherwise keep every snapshot of its move-ins in memory until the end
        List<Moved> movedIn = new ArrayList<>();
        while (persons < residents) {
            boolean foreign = r.nextInt(100) < 3;
            ChangeRequest moveIn = foreign ? foreignMoveIn(r, town, today) : householdMoveIn(r, town, today);
            int size = moveIn instanceof ChangeRequest.DomesticMoveIn d ? d.members().size()
                    : ((ChangeRequest.MoveInFromAbroad) moveIn).members().size();
            persons += size;
            foreigners += foreign ? size : 0;
            households++;
            batch.add(moveIn);
            if (batch.size() == BATCH || persons >= residents) {
                List<ChangeResult> done = changes.applyAll(system, batch);
                for (int i = 0; i < done.size(); i++) {
                    ChangeResult result = done.get(i);
                    movedIn.add(new Moved(result.households().get(0), List.copyOf(result.persons()),
                            batch.get(i).changeDate(), familyOf(result)));
                }
                changeCount += batch.size();
                batch = new ArrayList<>();
                progress.worked(persons, residents);
            }
        }
        // later events, in date order per household: a birth, a move within the town, a death, a move-out
        List<ChangeRequest> later = new ArrayList<>();
        for (Moved moved : movedIn) {
            HouseholdNumber h = moved.household();
            LocalDate since = moved.since();
            int roll = r.nextInt(100);
            if (roll < 8 && since.isBefore(today.minusYears(1))) {
                LocalDate born = between(r, since.plusDays(30), today.minusDays(20));
                Name family = moved.family();
                if (family != null) {
                    boolean boy = r.nextBoolean();
                    Name given = DemoNames.pick(r, boy ? DemoNames.MALE : DemoNames.FEMALE);
                    PersonData child = PersonData.builder().name(KanjiName.of(family.kanji(), given.kanji()))
                            .furigana(Furigana.of(family.kana() + "　" + given.kana()))
                            .birthDate(RecordedDate.exact(born)).sex(boy ? Sex.MALE : Sex.FEMALE).build();
                    later.add(new ChangeRequest.Birth(notified(r, born, today), h, child, Relationship.CHILD));
                }
            } else if (roll < 14 && since.isBefore(today.minusMonths(6))) {
                LocalDate moved2 = between(r, since.plusDays(60), today.minusDays(10));
                later.add(ChangeRequest.MoveWithinTown.of(moved2, notified(r, moved2, today), moved.persons(),
                        address(r, town, DemoNames.pick(r, DemoNames.TOWNS)), Optional.empty()));
            } else if (roll < 17 && moved.persons().size() == 1 && since.isBefore(today.minusMonths(6))) {
                LocalDate died = between(r, since.plusDays(60), today.minusDays(10));
                later.add(new ChangeRequest.Death(died, notified(r, died, today), moved.persons().get(0),
                        Optional.empty(), Map.of()));
            } else if (roll < 20 && since.isBefore(today.minusMonths(6))) {
                LocalDate out = between(r, since.plusDays(60), today.minusDays(10));
                String[] dest = DemoNames.pick(r, ORIGINS);
                later.add(new ChangeRequest.MoveOut(out, out.minusDays(r.nextInt(10)), moved.persons(), dest[1], false,
                        Optional.empty(), Map.of()));
            }
        }
        for (int i = 0; i < later.size(); i += BATCH) {
            List<ChangeRequest> part = later.subList(i, Math.min(later.size(), i + BATCH));
            changes.applyAll(system, part);
            changeCount += part.size();
        }
        updateStatistics();
        Result result = new Result(households,
                persons + (int) later.stream().filter(c -> c instanceof ChangeRequest.Birth).count(), changeCount,
                foreigners, (System.nanoTime() - start) / 1_000_000);
        if (town.demo()) {
            populateContributions(seed);
        }
        return result;
    }

    /**
     * A bulk load: the planner of PostgreSQL knows nothing of the new rows until the tables are analysed (a search by
     * birth date scanned a whole index, 9–14 ms instead of 0.06 ms, on a fresh town of 10,000). A failure is logged:
     * the town is there, only slower to search until autovacuum analyses it.
     */
    private void updateStatistics() {
        long t = System.nanoTime();
        try {
            int tables = database.updateStatistics();
            if (tables > 0) {
                LOG.log(System.Logger.Level.INFO, "Statistics of {0} tables updated after the demo data in {1} ms", tables,
                        (System.nanoTime() - t) / 1_000_000);
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not update the database statistics after the demo data (searches"
                    + " stay slow until the database analyses its tables): " + e.getMessage());
        }
    }

    /** The demo town's 住所辞書, so that address entry at the counter completes its 町字. */
    private void ensureTownDictionary(Operator system) {
        if (!dictionary.all().isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder("code,name,kana,postal_code\n");
        for (Town t : DemoNames.TOWNS) {
            csv.append(t.code()).append(',').append(t.name()).append(',').append(t.kana()).append(',')
                    .append(t.postalCode()).append('\n');
        }
        try {
            TownImportResult result = dictionary.importCsv(system,
                    new java.io.ByteArrayInputStream(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    TownImportMode.ADD_OR_UPDATE);
            if (!result.applied()) {
                throw new IllegalStateException("Demo 住所辞書 refused: " + result.problems().get(0).message());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Name familyOf(ChangeResult moved) {
        if (moved.snapshots().isEmpty()) {
            return null;
        }
        PersonData head = moved.snapshots().get(0).person();
        if (head.type() != ResidentType.JAPANESE) {
            return null;
        }
        String kana = head.furigana().value();
        int space = kana.indexOf('　');
        return new Name(head.name().family(), space < 0 ? kana : kana.substring(0, space));
    }

    private ChangeRequest householdMoveIn(Random r, Municipality town, LocalDate today) {
        int roll = r.nextInt(100);
        int size = roll < 30 ? 1 : roll < 58 ? 2 : roll < 76 ? 3 : roll < 91 ? 4 : roll < 98 ? 5 : 6;
        Name family = DemoNames.pick(r, DemoNames.FAMILY);
        int headAge = size == 1 ? 20 + r.nextInt(70) : 28 + r.nextInt(50);
        LocalDate headBirth = today.minusYears(headAge).minusDays(r.nextInt(365));
        LocalDate moveIn = between(r, headBirth.plusYears(20), today.minusDays(5));
        List<ChangeRequest.NewMember> members = new ArrayList<>();
        boolean headMale = size == 1 ? r.nextBoolean() : r.nextInt(100) < 85;
        members.add(member(r, family, headBirth, headMale, Relationship.HEAD));
        if (size >= 2) {
            LocalDate spouseBirth = headBirth.plusDays(r.nextInt(2000) - 1000);
            members.add(member(r, family, spouseBirth, !headMale, headMale ? Relationship.WIFE : Relationship.HUSBAND));
        }
        for (int i = 2; i < size; i++) {
            if (i == 5 && headAge < 60) {
                LocalDate parent = headBirth.minusYears(25 + r.nextInt(10));
                members.add(member(r, family, parent, r.nextBoolean(),
                        r.nextBoolean() ? Relationship.FATHER : Relationship.MOTHER));
                continue;
            }
            LocalDate earliest = headBirth.plusYears(20);
            LocalDate childBirth = between(r, earliest, moveIn.minusDays(1));
            if (childBirth.isBefore(earliest)) {
                childBirth = earliest;
            }
            members.add(member(r, family, childBirth, r.nextBoolean(), Relationship.CHILD));
        }
        String[] origin = DemoNames.pick(r, ORIGINS);
        LocalDate certDate = moveIn.minusDays(r.nextInt(10));
        return new ChangeRequest.DomesticMoveIn(moveIn, notified(r, moveIn, today), address(r, town, DemoNames.pick(r, DemoNames.TOWNS)),
                Optional.of(PostalCode.of(DemoNames.pick(r, DemoNames.TOWNS).postalCode())), origin[1],
                new MoveOutCertificate(LocalGovernmentCode.of(origin[0]), certDate, town.name()), Optional.empty(),
                members);
    }

    private ChangeRequest foreignMoveIn(Random r, Municipality town, LocalDate today) {
        Foreigner f = DemoNames.pick(r, DemoNames.FOREIGNERS);
        LocalDate birth = today.minusYears(20 + r.nextInt(30)).minusDays(r.nextInt(365));
        LocalDate moveIn = between(r, today.minusYears(8), today.minusDays(5));
        String card = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26))
                + String.format("%08d", r.nextInt(100_000_000)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        boolean permanent = f.residenceStatus().equals("永住者") || f.residenceStatus().equals("特別永住者");
        ForeignResidence residence = ForeignResidence.midToLongTerm(f.nationality(),
                f.residenceStatus().equals("特別永住者") ? "永住者" : f.residenceStatus(), permanent ? null : "3年",
                permanent ? null : moveIn.plusYears(3), card);
        PersonData person = PersonData.builder().type(ResidentType.FOREIGN)
                .name(KanjiName.of(f.familyKana(), f.givenKana().replace("　", "")))
                .furigana(Furigana.of(f.familyKana() + "　" + f.givenKana().replace("　", "")))
                .alphabetName(AlphabetName.of(f.family() + " " + f.given())).birthDate(RecordedDate.exact(birth))
                .sex(r.nextBoolean() ? Sex.MALE : Sex.FEMALE).foreign(residence).build();
        return new ChangeRequest.MoveInFromAbroad(moveIn, notified(r, moveIn, today), address(r, town, DemoNames.pick(r, DemoNames.TOWNS)),
                Optional.empty(), f.nationality() + "（国外）", Optional.empty(),
                List.of(new ChangeRequest.NewMember(person, Relationship.HEAD)));
    }

    private static ChangeRequest.NewMember member(Random r, Name family, LocalDate birth, boolean male,
            Relationship relationship) {
        Name given = DemoNames.pick(r, male ? DemoNames.MALE : DemoNames.FEMALE);
        PersonData.Builder b = PersonData.builder().name(KanjiName.of(family.kanji(), given.kanji()))
                .furigana(Furigana.of(family.kana() + "　" + given.kana())).birthDate(RecordedDate.exact(birth))
                .sex(male ? Sex.MALE : Sex.FEMALE);
        if (r.nextInt(100) < 60) {
            b.domicile(new Domicile(domicileOf(r), family.kanji() + "　" + given.kanji()));
        }
        return new ChangeRequest.NewMember(b.build(), relationship);
    }

    private static String domicileOf(Random r) {
        String[] origin = DemoNames.pick(r, ORIGINS);
        int cut = origin[1].indexOf('市') > 0 ? origin[1].indexOf('市') + 1 : origin[1].indexOf('区') + 1;
        return origin[1].substring(0, cut) + (1 + r.nextInt(30)) + "番地";
    }

    private static Address address(Random r, Municipality town, Town t) {
        return Address.of(Prefecture.ofCode(town.code().prefectureCode()), town.name(), t.name(),
                (1 + r.nextInt(40)) + "番地" + (1 + r.nextInt(20)));
    }

    /** A 届出日 up to 13 days after the event, never after today. */
    private static LocalDate notified(Random r, LocalDate event, LocalDate today) {
        LocalDate d = event.plusDays(r.nextInt(14));
        return d.isAfter(today) ? today : d;
    }

    private static LocalDate between(Random r, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return from;
        }
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays((long) (r.nextDouble() * days));
    }
}
