package jp.kiban.bench;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;

/**
 * The yearly 当初賦課 batches of the business modules for the whole town, as the business's staff starts them from
 * the desk or the CLI: 国保税 ({@code KokuhoBatch}) and 個人住民税 ({@code ResidentTaxBatch}). The businesses are not
 * in the desk product the bench belongs to (a town installs them from the p2 repository), so the bench does not
 * import their API: it finds the service by name and calls it by reflection. Both have the same shape:
 * {@code run(Operator, int year, Progress, BooleanSupplier cancelled)} returning a result with {@code computed()}.
 */
final class BusinessBatches {

    /** One business's batch: where its service and its year rule are, and how its figure is called. */
    record Batch(String id, String label, String business, String service, String yearClass, String yearMethod,
            String units, String missing) {
    }

    static final List<Batch> BATCHES = List.of(
            new Batch("batch.juminzei", "個人住民税 yearly batch (whole town)", "juminzei",
                    "jp.kiban.residenttax.ResidentTaxBatch", "jp.kiban.residenttax.ResidentTax", "taxYearOf", "taxpayers",
                    "the 個人住民税 bundles (jp.kiban.residenttax, p2 repository of business features) are not installed in this run"),
            new Batch("batch.kokuho", "国保税 yearly batch (whole town)", "kokuho", "jp.kiban.healthinsurance.KokuhoBatch",
                    "jp.kiban.healthinsurance.KokuhoNotices", "fiscalYearOf", "国保世帯",
                    "the 国保 bundles (jp.kiban.healthinsurance, p2 repository of business features) are not installed in this run"));

    private BusinessBatches() {
    }

    static List<Figure> measure(ServiceLookup services, String db, int size, int repeat, ZoneId zone, PrintStream log) {
        List<Figure> out = new ArrayList<>();
        for (Batch b : BATCHES) {
            if (!services.find(b.service(), 5_000)) {
                out.add(Figure.notMeasured(db, size, b.id(), b.label(), "s", "not measured: " + b.missing()));
                continue;
            }
            log.printf("[%d] %s …%n", size, b.label());
            try {
                out.add(run(services, b, db, size, repeat, zone));
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e instanceof InvocationTargetException i && i.getCause() != null ? i.getCause() : e;
                log.printf("[%d]   %s failed: %s%n", size, b.label(), cause);
                out.add(Figure.notMeasured(db, size, b.id(), b.label(), "s", "failed: " + cause));
            }
        }
        return out;
    }

    private static Figure run(ServiceLookup services, Batch b, String db, int size, int repeat, ZoneId zone)
            throws ReflectiveOperationException {
        // the business's own staff member
        Operator staff = new Operator("bench-" + b.business(), "ベンチマーク（" + b.business() + "）", "bench",
                Set.of(Role.BUSINESS), Set.of(b.business()));
        Object batch = services.object(b.service());
        ClassLoader loader = batch.getClass().getClassLoader();
        Class<?> api = Class.forName(b.service(), false, loader);
        Class<?> progress = Class.forName(b.service() + "$Progress", false, loader);
        Method run = api.getMethod("run", Operator.class, int.class, progress, BooleanSupplier.class);
        Object quiet = Proxy.newProxyInstance(loader, new Class<?>[] { progress }, (proxy, method, args) -> switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "bench progress";
            default -> null;
        });
        int year = (Integer) Class.forName(b.yearClass(), false, loader).getMethod(b.yearMethod(), LocalDate.class)
                .invoke(null, LocalDate.now(zone));
        BooleanSupplier never = () -> false;
        double[] seconds = new double[repeat];
        Object last = null;
        for (int r = 0; r < repeat; r++) {
            long t = System.nanoTime();
            last = run.invoke(batch, staff, year, quiet, never);
            seconds[r] = (System.nanoTime() - t) / 1e9;
        }
        int computed = ((Number) accessor(last, "computed")).intValue();
        long totalTax = ((Number) accessor(last, "totalTax")).longValue();
        String extra = switch (b.business()) {
        case "kokuho" -> ", " + accessor(last, "reduced") + " with 軽減";
        case "juminzei" -> ", " + accessor(last, "exempt") + " exempt (非課税), " + accessor(last, "perCapitaOnly") + " 均等割 only";
        default -> "";
        };
        String note = String.format(Locale.ROOT, "year %d: %d %s computed and stored (%.0f/s)%s, total ¥%,d%s", year, computed,
                b.units(), computed / Math.max(seconds[repeat - 1], 1e-9), extra, totalTax,
                repeat > 1 ? "; the first run inserts, the others replace" : "");
        return Figure.of(db, size, b.id(), b.label(), "s", seconds, null, note);
    }

    private static Object accessor(Object record, String name) throws ReflectiveOperationException {
        return record.getClass().getMethod(name).invoke(record);
    }
}
