package jp.kiban.resident.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;

/**
 * One 事前登録 of the 本人通知制度.
 *
 * @param name        the person's name when registered (for the list)
 * @param until       the end of the registration period, if one was set
 * @param endedOn     the day the registration was ended (廃止), if it was
 */
public record Registration(UUID id, AddresseeNumber person, String name, LocalDate from, Optional<LocalDate> until,
        Optional<LocalDate> endedOn, Optional<String> endReason, String note, String registeredBy, Instant registeredAt) {

    /** In force on that day: started, not past its period, not ended. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(from) && until.map(u -> !day.isAfter(u)).orElse(true)
                && endedOn.map(e -> day.isBefore(e)).orElse(true);
    }
}
