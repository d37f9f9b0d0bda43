package jp.kiban.resident;

import java.util.List;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;

/**
 * What a registered, confirmed or rejected change did.
 *
 * @param persons    the 宛名番号 of every person the change wrote a snapshot for (new persons too)
 * @param households every 世帯番号 involved, new ones included
 * @param snapshots  the snapshots written (provisional ones for a provisional change)
 */
public record ChangeResult(UUID changeId, ChangeReason reason, ChangeState state, List<AddresseeNumber> persons,
        List<HouseholdNumber> households, List<ResidentRecord> snapshots) {
    public ChangeResult {
        persons = List.copyOf(persons);
        households = List.copyOf(households);
        snapshots = List.copyOf(snapshots);
    }
}
