package jp.kiban.forms;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kiban.core.id.AddresseeNumber;

/**
 * What a 住民票記載事項証明書 proves: 氏名, 生年月日, 性別 and 住所 always, and the {@link StatedItem}s asked for.
 *
 * @param household one certificate for the members of the person's household (世帯連記式)
 * @param members   with {@code household}: only these members (empty = every member)
 * @param items     the items asked for besides the four always printed
 */
public record StatedItemsOptions(boolean household, List<AddresseeNumber> members, Set<StatedItem> items) {

    public StatedItemsOptions {
        members = members == null ? List.of() : List.copyOf(members);
        items = items == null || items.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(items));
    }

    /** One person with the given items. */
    public static StatedItemsOptions person(StatedItem... items) {
        return new StatedItemsOptions(false, List.of(), Set.of(items));
    }

    /** The whole household (or the chosen members) with the given items. */
    public static StatedItemsOptions household(List<AddresseeNumber> members, StatedItem... items) {
        return new StatedItemsOptions(true, members, Set.of(items));
    }

    public boolean has(StatedItem item) {
        return items.contains(item);
    }
}
