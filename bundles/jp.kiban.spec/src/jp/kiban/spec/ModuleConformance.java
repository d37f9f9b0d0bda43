package jp.kiban.spec;

import java.util.List;

/**
 * The platform's whitelist enforcement, as an OSGi service: which Kiban modules are installed, which were
 * refused and why. A refused module is kept from resolving, so it never activates (see
 * {@code jp.kiban.spec.impl}).
 */
public interface ModuleConformance {

    SpecCatalogue catalogue();

    /** Every Kiban module installed in this framework, accepted or refused, sorted by name. */
    List<ModuleStatus> modules();

    default List<ModuleStatus> refused() {
        return modules().stream().filter(ModuleStatus::refused).toList();
    }

    default ConformanceReport report() {
        return ConformanceReport.of(catalogue(), modules());
    }
}
