package jp.kiban.forms.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import jp.kiban.cli.OsgiServices;
import jp.kiban.demo.DemoTown;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;

/**
 * {@link ResidentRegistry#exportCurrent} over more than one page (500 persons): every person's current snapshot once, in
 * 世帯番号 then 宛名番号 order, the same record as {@code current}; removed persons only when asked for.
 */
class ExportCurrentTest {

    @Test
    void everyCurrentSnapshotOnceInHouseholdOrderAcrossPages() {
        try (OsgiServices services = new OsgiServices(FrameworkUtil.getBundle(ExportCurrentTest.class).getBundleContext())) {
            MunicipalityService towns = services.get(MunicipalityService.class);
            if (towns.current().isEmpty()) {
                towns.configure(Municipality.demoTown());
            }
            ResidentRegistry registry = services.get(ResidentRegistry.class);
            services.get(DemoTown.class).generate(1200, 77L, DemoTown.Progress.NONE);
            Operator op = Operator.system();

            List<ResidentRecord> current = new ArrayList<>();
            int n = registry.exportCurrent(op, false, current::add);
            assertEquals(current.size(), n);
            assertTrue(n > 1000, "more than two pages: " + n);
            List<ResidentRecord> all = new ArrayList<>();
            assertEquals(registry.exportCurrent(op, true, all::add), all.size());
            assertTrue(all.size() > current.size(), "the demo town has deaths and move-outs: " + all.size() + " / " + n);

            Comparator<ResidentRecord> order = Comparator.comparing((ResidentRecord r) -> r.householdNumber().value())
                    .thenComparing(r -> r.addresseeNumber().value());
            for (List<ResidentRecord> list : List.of(current, all)) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    assertTrue(seen.add(list.get(i).addresseeNumber().value()), "once: " + list.get(i).addresseeNumber());
                    if (i > 0) {
                        assertTrue(order.compare(list.get(i - 1), list.get(i)) < 0, "in order at " + i);
                    }
                }
            }
            assertTrue(current.stream().allMatch(r -> r.status().onRegister()), "only persons on the register");
            Set<String> onRegister = new HashSet<>();
            current.forEach(r -> onRegister.add(r.addresseeNumber().value()));
            assertTrue(all.stream().filter(r -> !onRegister.contains(r.addresseeNumber().value()))
                    .noneMatch(r -> r.status().onRegister()), "the others are removed");
            // the same records as one person at a time, on every page
            for (int i = 0; i < current.size(); i += 97) {
                ResidentRecord r = current.get(i);
                ResidentRecord one = registry.current(op, r.addresseeNumber()).orElseThrow();
                assertEquals(one.historyNumber(), r.historyNumber(), "the current snapshot");
                assertEquals(one.householdNumber(), r.householdNumber());
                assertEquals(one.status(), r.status());
                assertEquals(one.person().displayName().fullName(), r.person().displayName().fullName());
                assertEquals(one.address().format(), r.address().format());
                assertEquals(one.change().changeDate(), r.change().changeDate());
            }
        }
    }
}
