package jp.kiban.resident.impl;

import java.util.Optional;

import jp.kiban.core.address.Address;
import jp.kiban.core.name.KanjiName;

/** For the tests (x-friends): the search-key functions, which are otherwise internal. */
public final class SearchKeysAccess {

    private SearchKeysAccess() {
    }

    public static String fold(String text) {
        return SearchKeys.fold(text);
    }

    public static String nameKey(KanjiName name) {
        return SearchKeys.nameKey(name, Optional.empty(), Optional.empty());
    }

    public static Optional<String> kanaInput(String input) {
        return SearchKeys.kanaInput(input);
    }

    public static String addressKey(Address address) {
        return SearchKeys.addressKey(address);
    }

    public static String addressInput(String input) {
        return SearchKeys.addressInput(input);
    }
}
