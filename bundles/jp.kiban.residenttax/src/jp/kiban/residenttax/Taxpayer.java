package jp.kiban.residenttax;

import java.time.LocalDate;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;

/**
 * A taxpayer of one tax year as this business keeps it (its own copy, taken from the resident register as of
 * 1 January, or entered by the clerk for a 住登外 taxpayer).
 *
 * @param birthDate    empty when not known (a 住登外 person with 年月日不詳)
 * @param female       for the 調整控除 of a ひとり親 (mother 5万円, father 1万円); empty when not known
 * @param address      where the 納税通知書 goes (today's address; for a person who left after 1 January the
 *                     declared destination)
 * @param household    世帯番号 on 1 January (empty for 住登外)
 * @param livesInTown  still on the register today (false after a 転出 or death after 1 January)
 */
public record Taxpayer(int taxYear, AddresseeNumber person, TaxpayerKind kind, String name, String furigana,
        Optional<LocalDate> birthDate, Optional<Boolean> female, String postalCode, String address,
        Optional<String> household, boolean livesInTown) {
}
