package jp.kiban.healthinsurance;

import java.time.LocalDate;
import java.util.List;

import jp.kiban.core.id.AddresseeNumber;

/**
 * A member of a 国保世帯 as this business keeps it (its own copy of the resident items it needs), with the
 * 資格 history, oldest first. A 擬制世帯主 appears with {@code head} set and no qualification.
 *
 * @param relationship 続柄 as on the 住民票 (Japanese label)
 * @param lateElderlySince the day of the move to 後期高齢者医療 while in this household (特定同一世帯所属者)
 */
public record InsuredPerson(AddresseeNumber number, String name, String furigana, LocalDate birthDate,
        String relationship, boolean head, boolean resident, List<Qualification> qualifications,
        java.util.Optional<LocalDate> lateElderlySince) {
    public InsuredPerson {
        qualifications = List.copyOf(qualifications);
    }

    public boolean insuredOn(LocalDate day) {
        return qualifications.stream().anyMatch(q -> q.period().covers(day)) && day.isBefore(birthDate.plusYears(75));
    }
}
