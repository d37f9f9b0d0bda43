package jp.kiban.resident;

import java.util.Optional;

import jp.kiban.core.DomainException.Label;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.ResidentRecordCode;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;

/**
 * A person's own items (not the household's, not the address): what a 転入届 or 出生届 gives and
 * what a 職権修正 / 誤記修正 replaces. Use {@link #builder()} from forms and imports.
 * <p>
 * Japanese residents may carry {@link #domicile()} and no {@link #foreign()}; foreign residents
 * must carry {@link #alphabetName()} and {@link #foreign()} and no domicile (第30条の45).
 * {@link #name()} of a foreign resident holds the name as registered (kanji, or katakana/Latin).
 *
 * @param formerSurname         旧氏 (family name part only), with its reading
 * @param commonName            通称 (foreign residents), with its reading
 * @param individualNumber      個人番号; shown only to operators with {@code USE_INDIVIDUAL_NUMBER}
 */
public record PersonData(ResidentType type, KanjiName name, Furigana furigana, Optional<String> formerSurname,
        Optional<Furigana> formerSurnameFurigana, Optional<KanjiName> commonName, Optional<Furigana> commonNameFurigana,
        Optional<AlphabetName> alphabetName, RecordedDate birthDate, Sex sex, Optional<Domicile> domicile,
        Optional<ForeignResidence> foreign, Optional<IndividualNumber> individualNumber,
        Optional<ResidentRecordCode> residentRecordCode) {

    public PersonData {
        require(type, "residentType");
        require(name, "name");
        require(furigana, "furigana");
        require(birthDate, "birthDate");
        require(sex, "sex");
        formerSurname = opt(formerSurname).map(s -> KanjiName.of(s, "").family());
        formerSurnameFurigana = opt(formerSurnameFurigana);
        commonName = opt(commonName);
        commonNameFurigana = opt(commonNameFurigana);
        alphabetName = opt(alphabetName);
        domicile = opt(domicile);
        foreign = opt(foreign);
        individualNumber = opt(individualNumber);
        residentRecordCode = opt(residentRecordCode);
        if (type == ResidentType.JAPANESE) {
            if (foreign.isPresent() || commonName.isPresent()) {
                throw new ResidentException("person.foreignItemsForJapanese");
            }
        } else {
            if (domicile.isPresent()) {
                throw new ResidentException("person.domicileForForeign");
            }
            if (foreign.isEmpty()) {
                throw new ResidentException("input.blank", new Label("nationality"));
            }
            if (alphabetName.isEmpty()) {
                throw new ResidentException("input.blank", new Label("alphabetName"));
            }
        }
        if (formerSurnameFurigana.isPresent() && formerSurname.isEmpty()) {
            throw new ResidentException("input.blank", new Label("formerSurname"));
        }
        if (commonNameFurigana.isPresent() && commonName.isEmpty()) {
            throw new ResidentException("input.blank", new Label("commonName"));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this person's items, e.g. to correct one of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.name = name;
        b.furigana = furigana;
        b.formerSurname = formerSurname.orElse(null);
        b.formerSurnameFurigana = formerSurnameFurigana.orElse(null);
        b.commonName = commonName.orElse(null);
        b.commonNameFurigana = commonNameFurigana.orElse(null);
        b.alphabetName = alphabetName.orElse(null);
        b.birthDate = birthDate;
        b.sex = sex;
        b.domicile = domicile.orElse(null);
        b.foreign = foreign.orElse(null);
        b.individualNumber = individualNumber.orElse(null);
        b.residentRecordCode = residentRecordCode.orElse(null);
        return b;
    }

    /** The name shown first: 通称 if the foreign resident has one registered, else the name. */
    public KanjiName displayName() {
        return commonName.orElse(name);
    }

    private static void require(Object value, String label) {
        if (value == null) {
            throw new ResidentException("input.blank", new Label(label));
        }
    }

    private static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** Mutable builder; {@code null} means "not given". Type defaults to {@link ResidentType#JAPANESE}. */
    public static final class Builder {
        private ResidentType type = ResidentType.JAPANESE;
        private KanjiName name;
        private Furigana furigana;
        private String formerSurname;
        private Furigana formerSurnameFurigana;
        private KanjiName commonName;
        private Furigana commonNameFurigana;
        private AlphabetName alphabetName;
        private RecordedDate birthDate;
        private Sex sex;
        private Domicile domicile;
        private ForeignResidence foreign;
        private IndividualNumber individualNumber;
        private ResidentRecordCode residentRecordCode;

        private Builder() {
        }

        public Builder type(ResidentType v) { type = v; return this; }
        public Builder name(KanjiName v) { name = v; return this; }
        /** 氏 and 名 as typed (validated by {@link KanjiName}). */
        public Builder name(String family, String given) { name = KanjiName.of(family, given); return this; }
        public Builder furigana(Furigana v) { furigana = v; return this; }
        /** Reading as typed (hiragana, half-width … are normalised by {@link Furigana}). */
        public Builder furigana(String v) { furigana = Furigana.of(v); return this; }
        public Builder formerSurname(String v, Furigana reading) { formerSurname = v; formerSurnameFurigana = reading; return this; }
        public Builder commonName(KanjiName v, Furigana reading) { commonName = v; commonNameFurigana = reading; return this; }
        public Builder alphabetName(AlphabetName v) { alphabetName = v; return this; }
        public Builder birthDate(RecordedDate v) { birthDate = v; return this; }
        /** 和暦 or 西暦 text, also partly unknown dates (see {@link RecordedDate#parse(String)}). */
        public Builder birthDate(String v) { birthDate = RecordedDate.parse(v); return this; }
        public Builder sex(Sex v) { sex = v; return this; }
        public Builder domicile(Domicile v) { domicile = v; return this; }
        public Builder foreign(ForeignResidence v) { foreign = v; return this; }
        public Builder individualNumber(IndividualNumber v) { individualNumber = v; return this; }
        public Builder residentRecordCode(ResidentRecordCode v) { residentRecordCode = v; return this; }

        public PersonData build() {
            return new PersonData(type, name, furigana, Optional.ofNullable(formerSurname),
                    Optional.ofNullable(formerSurnameFurigana), Optional.ofNullable(commonName),
                    Optional.ofNullable(commonNameFurigana), Optional.ofNullable(alphabetName), birthDate, sex,
                    Optional.ofNullable(domicile), Optional.ofNullable(foreign), Optional.ofNullable(individualNumber),
                    Optional.ofNullable(residentRecordCode));
        }
    }
}
