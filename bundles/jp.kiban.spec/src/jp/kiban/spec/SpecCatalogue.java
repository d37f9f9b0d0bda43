package jp.kiban.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The specification catalogue: for each business its functions with section and tier. It is the
 * whitelist: a module may only claim functions listed here, and never a {@link Tier#MUST_NOT} one.
 * <p>
 * The bundled catalogue ({@link #bundled()}) is read from {@code catalogue/*.tsv} in this bundle;
 * {@code juki-1.0.tsv} is generated from the text of 住民記録システム標準仕様書 第1.0版 by
 * {@code releng/spec-catalogue/generate_juki.py}.
 */
public final class SpecCatalogue {

    private static volatile SpecCatalogue bundled;

    private final Map<String, Business> businesses;
    private final Map<String, SpecFunction> functions;

    public SpecCatalogue(List<Business> businesses, List<SpecFunction> functions) {
        Map<String, Business> b = new LinkedHashMap<>();
        for (Business x : businesses) {
            if (b.putIfAbsent(x.id(), x) != null) {
                throw new IllegalArgumentException("business " + x.id() + " listed twice");
            }
        }
        Map<String, SpecFunction> f = new LinkedHashMap<>();
        for (SpecFunction x : functions) {
            if (!b.containsKey(x.business())) {
                throw new IllegalArgumentException("function " + x.id() + " of an unknown business");
            }
            if (f.putIfAbsent(x.id(), x) != null) {
                throw new IllegalArgumentException("function " + x.id() + " listed twice");
            }
        }
        this.businesses = Collections.unmodifiableMap(b);
        this.functions = Collections.unmodifiableMap(f);
    }

    /** The catalogue shipped with this version of Kiban. */
    public static SpecCatalogue bundled() {
        SpecCatalogue c = bundled;
        if (c == null) {
            synchronized (SpecCatalogue.class) {
                c = bundled;
                if (c == null) {
                    bundled = c = load();
                }
            }
        }
        return c;
    }

    public List<Business> businesses() {
        return List.copyOf(businesses.values());
    }

    public Optional<Business> business(String id) {
        return Optional.ofNullable(businesses.get(id));
    }

    public Optional<SpecFunction> function(String id) {
        return Optional.ofNullable(functions.get(id));
    }

    public List<SpecFunction> functions() {
        return List.copyOf(functions.values());
    }

    /** The functions of one business, in the specification's order. */
    public List<SpecFunction> functions(String business) {
        return functions.values().stream().filter(f -> f.business().equals(business)).toList();
    }

    private static SpecCatalogue load() {
        List<Business> businesses = new ArrayList<>();
        List<SpecFunction> functions = new ArrayList<>();
        List<String[]> rows = read("businesses.tsv", 5);
        for (String[] r : rows) {
            businesses.add(new Business(r[0], r[1], r[2], r[4]));
            for (String[] f : read(r[3], 7)) {
                functions.add(new SpecFunction(f[0], f[1], f[2], f[3], Tier.ofCode(f[4]), Integer.parseInt(f[5]), f[6]));
            }
        }
        return new SpecCatalogue(businesses, functions);
    }

    /** Rows of a tab-separated catalogue file, without comment lines ({@code #}) and the header row. */
    private static List<String[]> read(String file, int columns) {
        String path = "/catalogue/" + file;
        try (InputStream in = SpecCatalogue.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("catalogue file missing from the bundle: " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            int number = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(path + " line " + number + ": " + cells.length + " columns, expected " + columns);
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
