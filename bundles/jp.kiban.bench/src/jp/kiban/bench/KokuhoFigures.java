package jp.kiban.bench;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;

/**
 * 国保税 当初賦課 of the whole town ({@code KokuhoBatch.run}), as the 国保 staff starts it from the desk or
 * {@code kiban cli kokuho batch}. The 国保 bundles are not in the desk product the bench belongs to (a town installs
 * them from the p2 repository), so the bench does not import their API: it calls the service by reflection.
 */
final class KokuhoFigures {
    static final String SERVICE = "jp.kiban.healthinsurance.KokuhoBatch";
    static final String ID = "batch.kokuho";
    static final String LABEL = "国保税 yearly batch (whole town)";
    static final String BUSINESS = "kokuho";

    private KokuhoFigures() {
    }

    /** The business's own staff member who runs the batch. */
    private static final Operator STAFF = new Operator("bench-kokuho", "ベンチマーク（国保）", "bench", Set.of(Role.BUSINESS),
            Set.of(BUSINESS));

    static List<Figure> measure(ServiceLookup services, String db, int size, int repeat, ZoneId zone) throws ReflectiveOperationException {
        Object batch = services.object(SERVICE);
        ClassLoader loader = batch.getClass().getClassLoader();
        Class<?> api = Class.forName(SERVICE, false, loader);
        Class<?> progress = Class.forName(SERVICE + "$Progress", false, loader);
        Method run = api.getMethod("run", Operator.class, int.class, progress, BooleanSupplier.class);
        Object quiet = Proxy.newProxyInstance(loader, new Class<?>[] { progress }, (proxy, method, args) -> switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "bench progress";
            default -> null;
        });
        LocalDate today = LocalDate.now(zone);
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1; // 賦課年度 (April to March)
        BooleanSupplier never = () -> false;
        double[] seconds = new double[repeat];
        Object last = null;
        for (int r = 0; r < repeat; r++) {
            long t = System.nanoTime();
            last = run.invoke(batch, STAFF, year, quiet, never);
            seconds[r] = (System.nanoTime() - t) / 1e9;
        }
        int computed = ((Number) last.getClass().getMethod("computed").invoke(last)).intValue();
        int reduced = ((Number) last.getClass().getMethod("reduced").invoke(last)).intValue();
        long totalTax = ((Number) last.getClass().getMethod("totalTax").invoke(last)).longValue();
        String note = String.format(Locale.ROOT,
                "FY%d: %d 国保世帯 computed and stored (%.0f households/s), %d with 軽減, total ¥%,d; chunks of 200 per transaction%s",
                year, computed, computed / Math.max(seconds[repeat - 1], 1e-9), reduced, totalTax,
                repeat > 1 ? "; the first run inserts, the others replace" : "");
        return List.of(Figure.of(db, size, ID, LABEL, "s", seconds, null, note));
    }
}
