package jp.kiban.resident;

import java.time.Instant;
import java.util.List;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * One access to resident data, as given to {@link ResidentAccessListener}s (the access log of the
 * security issue: 照会, 異動, with 対象者 and whether the 個人番号 was shown).
 *
 * @param persons               the 宛名番号 seen or changed (for a search: the hits)
 * @param individualNumberShown whether 個人番号 were part of what the operator received or searched by
 * @param detail                English, for the log: the change id, the query kind …; never a 個人番号
 */
public record ResidentAccess(Instant at, Operator operator, Kind kind, List<AddresseeNumber> persons,
        boolean individualNumberShown, String detail) {

    public enum Kind {
        VIEW, HISTORY, HOUSEHOLD, SEARCH, EXPORT, CHANGE_REGISTERED, CHANGE_CONFIRMED, CHANGE_REJECTED, REFUSED,
        /** A 支援措置 set or cleared (the detail never holds its reason). */
        SUPPORT_MEASURE
    }

    public ResidentAccess {
        persons = List.copyOf(persons);
    }
}
