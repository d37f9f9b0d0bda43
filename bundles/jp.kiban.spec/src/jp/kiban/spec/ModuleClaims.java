package jp.kiban.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a module says it implements: the manifest header {@value #HEADER}, a comma-separated list of
 * catalogue function ids, e.g. {@code Kiban-Spec-Functions: juki:8.1.1/optional, juki:8.1.3/optional}.
 */
public final class ModuleClaims {

    /** The manifest header every Kiban module carries. */
    public static final String HEADER = "Kiban-Spec-Functions";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*:[A-Za-z0-9.-]+/(must|optional|must-not)");

    private ModuleClaims() {
    }

    /**
     * Whether the whitelist applies to a bundle: its symbolic name starts with {@code jp.kiban.}, or it carries
     * {@link #HEADER}, or it imports, requires or attaches to anything of Kiban's ({@code jp.kiban.*}), so that a
     * third-party business bundle cannot escape the check by its name. Used on installed bundles and, before an
     * install, on the manifests in a p2 repository.
     *
     * @param symbolicName the bundle's symbolic name (without directives), or {@code null}
     * @param headers      the bundle's manifest headers by name ({@code null} for an absent header)
     */
    public static boolean isKibanModule(String symbolicName, Function<String, String> headers) {
        if (symbolicName != null && symbolicName.startsWith("jp.kiban.")) {
            return true;
        }
        if (headers.apply(HEADER) != null) {
            return true;
        }
        for (String h : List.of("Import-Package", "DynamicImport-Package", "Require-Bundle", "Fragment-Host")) {
            String value = headers.apply(h);
            if (value != null && value.contains("jp.kiban.")) {
                return true;
            }
        }
        return false;
    }

    /** The claimed ids of a header value ({@code null} or blank: none), in order, without duplicates. */
    public static List<String> parse(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                String id = part.strip();
                if (!id.isEmpty() && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * Checks a module's claims against the catalogue: it must claim at least one function, every claim
     * must be a catalogue function, and none may be {@link Tier#MUST_NOT}.
     *
     * @return the problems; empty when the module conforms
     */
    public static List<ClaimProblem> check(SpecCatalogue catalogue, List<String> claims) {
        List<ClaimProblem> problems = new ArrayList<>();
        if (claims.isEmpty()) {
            problems.add(ClaimProblem.of(ClaimProblem.Code.NO_CLAIM));
        }
        for (String id : claims) {
            if (!ID.matcher(id).matches()) {
                problems.add(ClaimProblem.of(ClaimProblem.Code.MALFORMED, printable(id)));
                continue;
            }
            SpecFunction f = catalogue.function(id).orElse(null);
            if (f == null) {
                problems.add(ClaimProblem.of(ClaimProblem.Code.UNKNOWN_FUNCTION, id));
            } else if (f.tier() == Tier.MUST_NOT) {
                problems.add(ClaimProblem.of(ClaimProblem.Code.MUST_NOT, id, f.section() + " " + f.title()));
            }
        }
        return problems;
    }

    /** Keeps a hostile manifest value from writing control characters into the log or a table. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
