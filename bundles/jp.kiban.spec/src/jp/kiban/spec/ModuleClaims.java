package jp.kiban.spec;

import java.util.ArrayList;
import java.util.List;
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
