package jp.kiban.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jp.kiban.core.csv.Csv;

/**
 * One measured figure for one town size: the spread of its samples (min, p50, p95, p99, max) and,
 * for the counter searches, the median of the same query as plain SQL. A figure that cannot be
 * measured yet has no samples and says why in {@code note}.
 *
 * @param db     the database engine ({@code derby} or {@code postgresql})
 * @param size   the town size asked for (residents)
 * @param id     stable key, e.g. {@code search.kana}
 * @param label  what it is, for the table
 * @param unit   ms, s, MB, persons/s …
 * @param sqlP50 median of the same query as plain JDBC, or null
 */
public record Figure(String db, int size, String id, String label, String unit, int samples, Double min, Double p50,
        Double p95, Double p99, Double max, Double sqlP50, String note) {

    /** The columns of results.csv, in order. */
    public static final List<String> COLUMNS = List.of("db", "size", "figure", "label", "unit", "samples", "min", "p50",
            "p95", "p99", "max", "sql_p50", "ratio", "note");

    /** Below this many samples p95 and p99 are left blank: they would only repeat the maximum. */
    static final int PERCENTILE_SAMPLES = 20;

    public Figure {
        note = note == null ? "" : note;
    }

    public static Figure of(String db, int size, String id, String label, String unit, double[] values, Double sqlP50,
            String note) {
        if (values.length == 0) {
            return notMeasured(db, size, id, label, unit, note);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        boolean tails = v.length >= PERCENTILE_SAMPLES;
        return new Figure(db, size, id, label, unit, v.length, v[0], percentile(v, 50), tails ? percentile(v, 95) : null,
                tails ? percentile(v, 99) : null, v[v.length - 1], sqlP50, note);
    }

    public static Figure notMeasured(String db, int size, String id, String label, String unit, String why) {
        return new Figure(db, size, id, label, unit, 0, null, null, null, null, null, null, why);
    }

    /** Nearest-rank percentile of sorted values; the median of an even count is the mean of the middle two. */
    public static double percentile(double[] sorted, double p) {
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public boolean measured() {
        return samples > 0;
    }

    /** The service's median over the plain SQL median, or null. */
    public Double ratio() {
        return p50 == null || sqlP50 == null || sqlP50 <= 0 ? null : p50 / sqlP50;
    }

    public List<String> csvFields() {
        List<String> f = new ArrayList<>();
        f.add(db);
        f.add(Integer.toString(size));
        f.add(id);
        f.add(label);
        f.add(unit);
        f.add(Integer.toString(samples));
        for (Double d : new Double[] { min, p50, p95, p99, max, sqlP50, ratio() }) {
            f.add(d == null ? "" : String.format(Locale.ROOT, "%.4f", d));
        }
        f.add(note);
        return f;
    }

    public String csvLine() {
        return Csv.format(csvFields());
    }

    /** Reads a line written by {@link #csvLine()} (the ratio column is derived, so it is not read back). */
    public static Figure fromCsv(List<String> f) {
        if (f.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("Expected " + COLUMNS.size() + " columns, found " + f.size() + ": " + f);
        }
        return new Figure(f.get(0), Integer.parseInt(f.get(1)), f.get(2), f.get(3), f.get(4), Integer.parseInt(f.get(5)),
                number(f.get(6)), number(f.get(7)), number(f.get(8)), number(f.get(9)), number(f.get(10)),
                number(f.get(11)), f.get(13));
    }

    private static Double number(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s);
    }
}
