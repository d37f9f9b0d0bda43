package jp.kiban.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jp.kiban.core.csv.Csv;

/**
 * The conformance report: per business, every {@link Tier#MUST} function and the modules providing it
 * (or missing), the {@link Tier#OPTIONAL} functions installed, and every refused module with its reasons.
 * Only accepted modules count as providers.
 */
public record ConformanceReport(List<Row> rows, List<ModuleStatus> refusedModules) {

    public enum Status {
        /** A must function some accepted module provides. */
        PROVIDED,
        /** A must function nobody provides. */
        MISSING,
        /** An optional function some accepted module provides. */
        INSTALLED
    }

    public record Row(Business business, SpecFunction function, Status status, List<String> modules) {
        public Row {
            modules = List.copyOf(modules);
        }
    }

    public ConformanceReport {
        rows = List.copyOf(rows);
        refusedModules = List.copyOf(refusedModules);
    }

    public static ConformanceReport of(SpecCatalogue catalogue, List<ModuleStatus> modules) {
        Map<String, TreeSet<String>> providers = new LinkedHashMap<>();
        for (ModuleStatus m : modules) {
            if (!m.refused()) {
                for (String id : m.claims()) {
                    providers.computeIfAbsent(id, k -> new TreeSet<>()).add(m.symbolicName());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Business b : catalogue.businesses()) {
            for (SpecFunction f : catalogue.functions(b.id())) {
                List<String> by = List.copyOf(providers.getOrDefault(f.id(), new TreeSet<>()));
                if (f.tier() == Tier.MUST) {
                    rows.add(new Row(b, f, by.isEmpty() ? Status.MISSING : Status.PROVIDED, by));
                } else if (f.tier() == Tier.OPTIONAL && !by.isEmpty()) {
                    rows.add(new Row(b, f, Status.INSTALLED, by));
                }
            }
        }
        return new ConformanceReport(rows, modules.stream().filter(ModuleStatus::refused).toList());
    }

    public long count(String business, Status status) {
        return rows.stream().filter(r -> r.business().id().equals(business) && r.status() == status).count();
    }

    /** Plain text for the console or a file, in the given language. */
    public String toText(Locale locale) {
        boolean ja = Locale.JAPANESE.getLanguage().equals(locale.getLanguage());
        StringBuilder out = new StringBuilder();
        out.append(ja ? "標準仕様書 準拠レポート" : "Specification conformance report").append('\n');
        Business current = null;
        for (Row r : rows) {
            if (!r.business().equals(current)) {
                current = r.business();
                String id = current.id();
                out.append('\n').append(current.name(locale)).append(" (").append(id).append(") — ").append(current.source()).append('\n');
                out.append(ja
                        ? String.format("  実装すべき機能: 提供 %d / 未提供 %d, 導入済みの任意機能: %d%n", count(id, Status.PROVIDED), count(id, Status.MISSING), count(id, Status.INSTALLED))
                        : String.format("  must functions: %d provided, %d missing; optional functions installed: %d%n", count(id, Status.PROVIDED), count(id, Status.MISSING), count(id, Status.INSTALLED)));
            }
            out.append(String.format("  %-9s %-24s %-40s %s%n", statusLabel(r.status(), ja), r.function().id(),
                    r.function().section() + " " + r.function().title(), r.modules().isEmpty() ? (ja ? "（なし）" : "-") : String.join(", ", r.modules())));
        }
        out.append('\n').append(ja ? "導入を拒否したモジュール: " : "Refused modules: ").append(refusedModules.size()).append('\n');
        for (ModuleStatus m : refusedModules) {
            out.append("  ").append(m.symbolicName()).append(' ').append(m.version()).append('\n');
            for (ClaimProblem p : m.problems()) {
                out.append("    - ").append(p.message(locale)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * RFC 4180 CSV (UTF-8 text): {@code business,function,section,title,tier,status,modules,reason}; one row
     * per listed function, then one row per refused module (status {@code REFUSED}, reasons in English).
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        out.append(Csv.format(List.of("business", "function", "section", "title", "tier", "status", "modules", "reason"))).append("\r\n");
        for (Row r : rows) {
            SpecFunction f = r.function();
            out.append(Csv.format(List.of(r.business().id(), f.id(), f.section(), f.title(), f.tier().code(), r.status().name(),
                    String.join(";", r.modules()), ""))).append("\r\n");
        }
        for (ModuleStatus m : refusedModules) {
            out.append(Csv.format(List.of("", String.join(";", m.claims()), "", "", "", "REFUSED", m.symbolicName(),
                    String.join("; ", m.problems().stream().map(ClaimProblem::message).toList())))).append("\r\n");
        }
        return out.toString();
    }

    private static String statusLabel(Status s, boolean ja) {
        if (!ja) {
            return s.name();
        }
        return switch (s) {
            case PROVIDED -> "提供";
            case MISSING -> "未提供";
            case INSTALLED -> "導入済";
        };
    }
}
