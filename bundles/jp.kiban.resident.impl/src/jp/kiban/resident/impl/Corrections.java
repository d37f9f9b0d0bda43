package jp.kiban.resident.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jp.kiban.resident.Domicile;
import jp.kiban.resident.ForeignResidence;
import jp.kiban.resident.PersonData;

/**
 * What a 職権修正 / 誤記修正 changed, as Japanese text for the history (e.g. 氏名: 髙橋　一郎 → 高橋　一郎).
 * 個人番号 and 住民票コード are named but never shown.
 */
final class Corrections {

    private Corrections() {
    }

    static List<String> describe(PersonData before, PersonData after) {
        List<String> out = new ArrayList<>();
        shown(out, "住民種別", before, after, p -> p.type().label());
        shown(out, "氏名", before, after, p -> p.name().fullName());
        shown(out, "フリガナ", before, after, p -> p.furigana().value());
        shown(out, "旧氏", before, after, p -> p.formerSurname().orElse(""));
        shown(out, "旧氏フリガナ", before, after, p -> p.formerSurnameFurigana().map(Object::toString).orElse(""));
        shown(out, "通称", before, after, p -> p.commonName().map(Object::toString).orElse(""));
        shown(out, "通称フリガナ", before, after, p -> p.commonNameFurigana().map(Object::toString).orElse(""));
        shown(out, "アルファベット氏名", before, after, p -> p.alphabetName().map(Object::toString).orElse(""));
        shown(out, "生年月日", before, after, p -> p.birthDate().format());
        shown(out, "性別", before, after, p -> p.sex().label());
        shown(out, "本籍", before, after, p -> p.domicile().map(Domicile::registeredDomicile).orElse(""));
        shown(out, "筆頭者", before, after, p -> p.domicile().map(Domicile::headOfFamilyRegister).orElse(""));
        shown(out, "国籍・地域", before, after, p -> p.foreign().map(ForeignResidence::nationality).orElse(""));
        shown(out, "在留資格等", before, after, p -> p.foreign().map(Corrections::stay).orElse(""));
        hidden(out, "個人番号", before, after, p -> p.individualNumber().map(n -> n.value()));
        hidden(out, "住民票コード", before, after, p -> p.residentRecordCode().map(c -> c.value()));
        return out;
    }

    private static String stay(ForeignResidence f) {
        return f.category().label() + " " + f.residenceStatus().orElse("") + " " + f.periodOfStay().orElse("") + " "
                + f.stayExpiresOn().map(Object::toString).orElse("") + " " + f.cardNumber().orElse("");
    }

    private static void shown(List<String> out, String label, PersonData before, PersonData after,
            Function<PersonData, String> item) {
        String a = item.apply(before);
        String b = item.apply(after);
        if (!a.equals(b)) {
            out.add(label + ": " + (a.isEmpty() ? "（なし）" : a) + " → " + (b.isEmpty() ? "（なし）" : b));
        }
    }

    private static void hidden(List<String> out, String label, PersonData before, PersonData after,
            Function<PersonData, Optional<String>> item) {
        if (!Objects.equals(item.apply(before), item.apply(after))) {
            out.add(label + "を修正");
        }
    }
}
