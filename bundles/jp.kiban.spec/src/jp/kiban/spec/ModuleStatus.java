package jp.kiban.spec;

import java.util.List;
import java.util.Objects;

/**
 * One installed module (bundle) as the conformance check sees it.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param claims       what it claims ({@link ModuleClaims#HEADER})
 * @param problems     why it is refused; empty when it is accepted
 */
public record ModuleStatus(String symbolicName, String version, List<String> claims, List<ClaimProblem> problems) {
    public ModuleStatus {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        claims = List.copyOf(claims);
        problems = List.copyOf(problems);
    }

    public boolean refused() {
        return !problems.isEmpty();
    }
}
