package jp.kiban.provisioning;

import java.util.List;

/**
 * What an install or uninstall changed.
 *
 * @param featureId      the feature
 * @param version        its version
 * @param added          bundles added to the installation ({@code name version})
 * @param removed        bundles removed from the installation ({@code name version})
 * @param restartNeeded  whether the desk client and the command line must be started again to use the change
 */
public record ProvisioningResult(String featureId, String version, List<String> added, List<String> removed,
        boolean restartNeeded) {
    public ProvisioningResult {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
