package jp.kiban.cli;

/** Where the CLI gets its services (the OSGi registry in the product, the same in tests). */
public interface Services {
    <T> T get(Class<T> type);
}
