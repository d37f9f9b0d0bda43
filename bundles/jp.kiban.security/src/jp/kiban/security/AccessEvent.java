package jp.kiban.security;

import java.util.List;
import java.util.Objects;

import jp.kiban.platform.Operator;

/**
 * What a module reports to the {@link AccessLog}.
 *
 * @param operatorId            who (a login id, or the id tried at a failed login)
 * @param operatorName          display name, may be empty
 * @param terminal              the terminal id
 * @param kind                  the category
 * @param action                short English action, e.g. {@code resident.view}, {@code cert.residentCopy}
 * @param persons               the 宛名番号 of the persons concerned (target persons), may be empty
 * @param individualNumberShown whether a 個人番号 was shown, searched by, printed or exported
 * @param detail                English free text for the auditor; never a 個人番号 or a password
 */
public record AccessEvent(String operatorId, String operatorName, String terminal, AccessKind kind, String action,
        List<String> persons, boolean individualNumberShown, String detail) {
    public AccessEvent {
        Objects.requireNonNull(kind, "kind");
        operatorId = operatorId == null ? "" : operatorId;
        operatorName = operatorName == null ? "" : operatorName;
        terminal = terminal == null ? "" : terminal;
        action = action == null ? "" : action;
        persons = persons == null ? List.of() : List.copyOf(persons);
        detail = detail == null ? "" : detail;
    }

    public static AccessEvent of(Operator operator, AccessKind kind, String action, List<String> persons,
            boolean individualNumberShown, String detail) {
        return new AccessEvent(operator.id(), operator.name(), operator.terminal(), kind, action, persons,
                individualNumberShown, detail);
    }

    public static AccessEvent of(Operator operator, AccessKind kind, String action, String detail) {
        return of(operator, kind, action, List.of(), false, detail);
    }
}
