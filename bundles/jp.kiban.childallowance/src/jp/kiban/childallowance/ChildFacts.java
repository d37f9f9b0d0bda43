package jp.kiban.childallowance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * What the calculation needs of one child of a recipient.
 *
 * @param key            identifies the child in the result (its id)
 * @param birthDate      生年月日 (exact)
 * @param from           the first month the child belongs to the recipient's allowance (対象となった月)
 * @param until          the last month (empty while the child stays)
 * @param supportedFrom  from which month the recipient's care and support after high-school age is confirmed
 *                       (監護相当・生計費の負担の確認); empty if not
 */
public record ChildFacts(String key, LocalDate birthDate, YearMonth from, Optional<YearMonth> until,
        Optional<YearMonth> supportedFrom) {
    public ChildFacts {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(from, "from");
        until = until == null ? Optional.empty() : until;
        supportedFrom = supportedFrom == null ? Optional.empty() : supportedFrom;
    }

    boolean attachedIn(YearMonth month) {
        return !month.isBefore(from) && until.map(u -> !month.isAfter(u)).orElse(true);
    }
}
