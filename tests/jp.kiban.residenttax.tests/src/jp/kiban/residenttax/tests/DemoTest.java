package jp.kiban.residenttax.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import jp.kiban.demo.DemoTown;
import jp.kiban.demo.DemoTownContribution;
import jp.kiban.platform.Operator;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;

/** The demo town's share: incomes for the residents of 1 January of the current tax year, once (idempotent). */
class DemoTest {

    @Test
    void demoIncomesAreAddedOnce() throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(DemoTest.class).getBundleContext();
        Town.service(ResidentTax.class);
        DemoTownContribution demo = null;
        for (ServiceReference<DemoTownContribution> ref : ctx.getServiceReferences(DemoTownContribution.class, null)) {
            DemoTownContribution c = ctx.getService(ref);
            if (c.id().equals(ResidentTax.BUSINESS)) {
                demo = c;
            }
        }
        assertTrue(demo != null, "the juminzei demo contribution is registered");
        ResidentTax tax = Town.service(ResidentTax.class);
        int year = ResidentTax.taxYearOf(Town.today());
        String[] heads = { "一郎", "二郎", "三郎" };
        String[] wives = { "花子", "春子", "夏子" };
        String[] children = { "四郎", "五郎", "六郎" };
        for (int i = 0; i < 3; i++) {
            Town.apply(Town.moveIn(LocalDate.of(year - 1, 3, 1), "d-" + i, List.of(
                    Town.member(Town.person("見本", heads[i], "みほん　たろう", LocalDate.of(1970 + i, 2, 2), Sex.MALE), Relationship.HEAD),
                    Town.member(Town.person("見本", wives[i], "みほん　はなこ", LocalDate.of(1972 + i, 3, 3), Sex.FEMALE), Relationship.WIFE),
                    Town.member(Town.person("見本", children[i], "みほん　じろう", LocalDate.of(year - 10, 4, 4), Sex.MALE), Relationship.CHILD))));
        }
        demo.populate(42, DemoTown.Progress.NONE);
        assertEquals(0, demo.populate(42, DemoTown.Progress.NONE), "idempotent");
        List<Taxpayer> all = tax.taxpayers(Operator.system(), year, "", Integer.MAX_VALUE);
        assertTrue(all.stream().anyMatch(t -> tax.income(Operator.system(), year, t.person()).isPresent()),
                "some demo incomes");
    }
}
