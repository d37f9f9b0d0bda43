package jp.kiban.childallowance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * A child of a recipient (対象児童), or an older child counted for the order.
 *
 * @param person        the 宛名番号 when the child is on this town's register (empty: lives elsewhere, 別居監護)
 * @param fromMonth     the first month counted with this recipient
 * @param untilMonth    the last month (empty while the child stays)
 * @param supportedFrom the month from which care and support after high-school age is confirmed (監護相当・生計費の負担)
 */
public record AllowanceChild(UUID id, Optional<jp.kiban.core.id.AddresseeNumber> person, String name, String furigana,
        LocalDate birthDate, String relationship, YearMonth fromMonth, Optional<YearMonth> untilMonth,
        Optional<YearMonth> supportedFrom, Optional<ChildEndReason> endReason) {

    public ChildFacts facts() {
        return new ChildFacts(id.toString(), birthDate, fromMonth, untilMonth, supportedFrom);
    }

    public boolean attachedIn(YearMonth month) {
        return facts().attachedIn(month);
    }
}
