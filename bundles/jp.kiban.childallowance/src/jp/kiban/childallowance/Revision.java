package jp.kiban.childallowance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * One 認定, 額改定 or 消滅 of a recipient.
 *
 * @param effectiveMonth  the first month the new amount applies (for a 消滅: the first month no longer paid)
 * @param monthlyAmount   the 手当月額 in the effective month
 * @param applicationDate the day of the 請求 (認定・増額), empty for what needs none (減額・消滅)
 * @param eventDate       the day of the fact (出生, 転入, 転出, 死亡 …), if any
 */
public record Revision(UUID id, RevisionKind kind, YearMonth effectiveMonth, long monthlyAmount,
        Optional<LocalDate> applicationDate, Optional<LocalDate> eventDate, String detail, String recordedBy,
        Instant recordedAt) {
}
