package jp.kiban.childallowance;

import java.time.LocalDate;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;

/**
 * A child as the clerk enters it on a 請求. A child on this town's register is named by its 宛名番号 (name, furigana
 * and birth date then come from the register); a child living elsewhere (別居監護, 留学) is entered with name and
 * birth date.
 *
 * @param supportedAfterHighSchool the recipient declared care and support after high-school age (監護相当・生計費の
 *                                 負担についての確認書); needed for an older child to count
 */
public record ChildEntry(Optional<AddresseeNumber> person, String name, String furigana, Optional<LocalDate> birthDate,
        String relationship, boolean supportedAfterHighSchool) {
    public ChildEntry {
        person = person == null ? Optional.empty() : person;
        name = name == null ? "" : name.strip();
        furigana = furigana == null ? "" : furigana.strip();
        birthDate = birthDate == null ? Optional.empty() : birthDate;
        relationship = relationship == null || relationship.isBlank() ? "子" : relationship.strip();
    }

    public static ChildEntry resident(AddresseeNumber person, boolean supportedAfterHighSchool) {
        return new ChildEntry(Optional.of(person), "", "", Optional.empty(), "子", supportedAfterHighSchool);
    }

    public static ChildEntry elsewhere(String name, String furigana, LocalDate birthDate, String relationship,
            boolean supportedAfterHighSchool) {
        return new ChildEntry(Optional.empty(), name, furigana, Optional.ofNullable(birthDate), relationship,
                supportedAfterHighSchool);
    }
}
