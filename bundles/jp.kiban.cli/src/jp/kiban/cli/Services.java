package jp.kiban.cli;

import java.util.List;

/** Where the CLI gets its services (the OSGi registry in the product, the same in tests). */
public interface Services {
    <T> T get(Class<T> type);

    /** Every service of the type registered now (no waiting); empty when there is none. */
    default <T> List<T> all(Class<T> type) {
        return List.of();
    }
}
