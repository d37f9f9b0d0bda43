package jp.kiban.residenttax.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;

/**
 * Who was on the resident register on 1 January (賦課期日, 地方税法第318条), read through the resident base's
 * services only. A person whose current snapshot took effect by that day and who is still on the register was on
 * it then with that snapshot; for everyone else (removed since, or changed after the day) the register is asked
 * for the snapshot valid that day.
 */
final class Register {
    /** A person on the register on 1 January: the snapshot of that day and today's. */
    record OnAssessmentDate(ResidentRecord then, ResidentRecord now) {
    }

    private Register() {
    }

    /**
     * The whole register is read on behalf of the clerk (the export needs {@code ADMINISTER}; the resident base
     * writes it to the access log as one export under the clerk's id).
     */
    static Operator reader(Operator clerk) {
        return new Operator(clerk.id(), clerk.name(), clerk.terminal(), Set.of(Role.ADMINISTRATOR));
    }

    static List<OnAssessmentDate> residents(ResidentRegistry registry, Operator clerk, int taxYear) {
        Operator reader = reader(clerk);
        LocalDate day = Store.assessmentDate(taxYear);
        List<OnAssessmentDate> out = new ArrayList<>();
        List<ResidentRecord> ask = new ArrayList<>();
        registry.exportCurrent(reader, true, r -> {
            if (r.status().onRegister() && !r.change().changeDate().isAfter(day)) {
                out.add(new OnAssessmentDate(r, r));
            } else if (r.status().onRegister() || r.removedOn().map(d -> !d.isBefore(day)).orElse(true)) {
                ask.add(r); // changed since, or removed on or after the day
            }
        });
        for (ResidentRecord r : ask) {
            onDay(registry, reader, r, day).ifPresent(out::add);
        }
        return out;
    }

    static Optional<OnAssessmentDate> onDay(ResidentRegistry registry, Operator reader, ResidentRecord current,
            LocalDate day) {
        return registry.asOf(reader, current.addresseeNumber(), day).filter(then -> then.status().onRegister())
                .map(then -> new OnAssessmentDate(then, current));
    }
}
