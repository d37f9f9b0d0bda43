package jp.kiban.childallowance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;

/**
 * A 認定請求 (児童手当法第7条): the 請求者 (on this town's register on the day of the 請求), the day, why (for the
 * 15日特例) and the children.
 */
public record Application(AddresseeNumber applicant, LocalDate applicationDate, ApplicationTrigger trigger,
        Optional<LocalDate> eventDate, List<ChildEntry> children) {
    public Application {
        trigger = trigger == null ? ApplicationTrigger.NORMAL : trigger;
        eventDate = eventDate == null ? Optional.empty() : eventDate;
        children = children == null ? List.of() : List.copyOf(children);
    }
}
