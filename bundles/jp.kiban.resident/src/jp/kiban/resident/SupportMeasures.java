package jp.kiban.resident;

import java.time.LocalDate;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;

/**
 * 支援措置 (住民記録システム標準仕様書 1.1.16, 抑止設定): one measure at a time per person, kept with its
 * history (a cleared measure stays on record with who cleared it). Setting and clearing need
 * {@link #SUPERVISOR} (審査・決裁); anyone who may view residents may ask whether a measure is in force,
 * but only supervisors get its reason. Refusals are {@link ResidentException}s.
 */
public interface SupportMeasures {

    /** The permission of a supervisor: sets, clears and reads the reason of support measures. */
    Permission SUPERVISOR = Permission.VIEW_SUPPORT_MEASURE_REASONS;

    /**
     * Sets (or replaces) the measure of a person on the register or removed (除票 are protected too).
     *
     * @param until inclusive end; {@code null} = until cleared
     */
    SupportMeasure set(Operator operator, AddresseeNumber person, String reason, LocalDate from, LocalDate until);

    /** Ends the person's measure now; refused if the person has none. */
    void clear(Operator operator, AddresseeNumber person, String note);

    /** The person's measure that is not cleared (in force, or starting later), reason withheld unless supervisor. */
    Optional<SupportMeasure> current(Operator operator, AddresseeNumber person);

    /** The measure protecting the person on {@code date}, if any (reason withheld unless supervisor). */
    default Optional<SupportMeasure> inForce(Operator operator, AddresseeNumber person, LocalDate date) {
        return current(operator, person).filter(m -> m.inForceOn(date));
    }
}
