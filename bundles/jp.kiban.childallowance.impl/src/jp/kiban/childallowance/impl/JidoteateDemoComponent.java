package jp.kiban.childallowance.impl;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.childallowance.AllowanceCalculator;
import jp.kiban.childallowance.Application;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.BulkResult;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildEntry;
import jp.kiban.demo.DemoTown;
import jp.kiban.demo.DemoTownContribution;
import jp.kiban.platform.Operator;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;

/**
 * The demo town's 児童手当: nearly every household with a child of high-school age or younger gets a recipient (the
 * 世帯主, or the spouse when the head is not a parent), with the household's children; children born since October
 * 2024 make a birth 請求 (15日特例), the rest a 請求 in September 2024, the month before the new rules. Deterministic for
 * the seed; nothing is added when the town has any recipient already.
 */
@Component(service = DemoTownContribution.class)
public class JidoteateDemoComponent implements DemoTownContribution {
    private static final System.Logger LOG = System.getLogger(JidoteateDemoComponent.class.getName());
    /** A 請求 in September 2024 starts with October 2024, the first month of the new rules. */
    static final LocalDate FIRST_APPLICATION = LocalDate.of(2024, 9, 20);

    @Reference
    private ChildAllowance allowance;
    @Reference
    private ResidentRegistry registry;

    @Override
    public String id() {
        return ChildAllowance.BUSINESS;
    }

    @Override
    public int populate(long seed, DemoTown.Progress progress) {
        Operator op = Operator.system();
        LocalDate today = ChildAllowanceComponent.today();
        if (!allowance.recipients(op, "", true, YearMonth.from(today), 1).isEmpty()) {
            return 0;
        }
        Map<String, List<ResidentRecord>> households = new LinkedHashMap<>();
        registry.exportCurrent(op, false, r -> {
            if (r.status().onRegister() && r.person().birthDate().exactDate().isPresent()) {
                households.computeIfAbsent(r.householdNumber().value(), k -> new ArrayList<>()).add(r);
            }
        });
        YearMonth thisMonth = YearMonth.from(today);
        // decided per household as before (the same random draws for the seed), then certified in bulk: every
        // application checked as certify checks it, written in chunks (one call per household took minutes at 200,000)
        List<Application> applications = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, List<ResidentRecord>> e : households.entrySet()) {
            progress.worked(++done, households.size());
            List<ResidentRecord> members = e.getValue();
            List<ResidentRecord> children = members.stream().filter(m -> m.relationship() == Relationship.CHILD
                    && AllowanceCalculator.isChild(birth(m), thisMonth)).toList();
            if (children.isEmpty()) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(seed ^ e.getKey().hashCode() * 0x9E3779B97F4A7C15L);
            if (random.nextInt(100) >= 90) {
                continue; // a few have not applied (the tasks and the UI show how to)
            }
            Optional<ResidentRecord> applicant = members.stream().filter(ResidentRecord::isHead)
                    .filter(h -> !AllowanceCalculator.isChild(birth(h), thisMonth)).findFirst()
                    .or(() -> members.stream().filter(m -> m.relationship() == Relationship.WIFE
                            || m.relationship() == Relationship.HUSBAND).findFirst());
            if (applicant.isEmpty()) {
                continue;
            }
            // older children of 18–22 in the household count when supported (most of them are students)
            List<ChildEntry> entries = new ArrayList<>();
            for (ResidentRecord m : members) {
                if (m.relationship() != Relationship.CHILD) {
                    continue;
                }
                LocalDate b = birth(m);
                if (AllowanceCalculator.isChild(b, thisMonth)) {
                    entries.add(ChildEntry.resident(m.addresseeNumber(), false));
                } else if (!thisMonth.isAfter(YearMonth.from(AllowanceCalculator.olderChildEnd(b))) && random.nextInt(100) < 70) {
                    entries.add(ChildEntry.resident(m.addresseeNumber(), true));
                }
            }
            LocalDate youngest = children.stream().map(JidoteateDemoComponent::birth).max(Comparator.naturalOrder()).orElseThrow();
            LocalDate moved = applicant.get().becameResidentOn();
            Application application;
            if (youngest.isAfter(FIRST_APPLICATION) || moved.isAfter(FIRST_APPLICATION)) {
                boolean birth = !youngest.isBefore(moved);
                LocalDate event = birth ? youngest : moved;
                LocalDate applied = event.plusDays(random.nextInt(3, 20));
                if (applied.isAfter(today)) {
                    applied = today;
                }
                application = new Application(applicant.get().addresseeNumber(), applied,
                        birth ? ApplicationTrigger.BIRTH : ApplicationTrigger.MOVE_IN, Optional.of(event), entries);
            } else {
                application = new Application(applicant.get().addresseeNumber(), FIRST_APPLICATION, ApplicationTrigger.NORMAL,
                        Optional.empty(), entries);
            }
            applications.add(application);
        }
        BulkResult result = allowance.certifyAll(op, applications);
        if (!result.ok()) {
            // an application the rules refuse is left out, as one call per household skipped it
            java.util.Set<Integer> refused = new java.util.HashSet<>();
            for (BulkResult.Problem p : result.problems()) {
                refused.add(p.position() - 1);
                LOG.log(System.Logger.Level.DEBUG, "demo 児童手当 skipped " + applications.get(p.position() - 1).applicant().value()
                        + ": " + p.error().getMessage());
            }
            List<Application> kept = new ArrayList<>();
            for (int i = 0; i < applications.size(); i++) {
                if (!refused.contains(i)) {
                    kept.add(applications.get(i));
                }
            }
            result = allowance.certifyAll(op, kept);
            if (!result.ok()) {
                throw new IllegalStateException("demo 児童手当: application " + result.problems().get(0).position()
                        + " refused: " + result.problems().get(0).error().getMessage());
            }
        }
        LOG.log(System.Logger.Level.INFO, "demo 児童手当: " + result.stored() + " recipients");
        return result.stored();
    }

    private static LocalDate birth(ResidentRecord r) {
        return r.person().birthDate().exactDate().orElseThrow();
    }
}
