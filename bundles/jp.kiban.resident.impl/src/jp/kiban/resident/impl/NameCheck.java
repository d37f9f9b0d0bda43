package jp.kiban.resident.impl;

import java.util.Optional;

import jp.kiban.core.DomainException.Label;
import jp.kiban.core.name.KanjiName;
import jp.kiban.core.name.NameCharacterPolicy;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeRequest.NewMember;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.ResidentException;

/**
 * Every name a change would store, checked against the {@link NameCharacterPolicy} (the 文字情報基盤
 * repertoire): 氏名, 旧氏, 通称 and the 筆頭者 of the 本籍. Runs at 仮登録 (and so at {@code apply}) before
 * anything is written. Names a change does not bring (other members' names copied as 世帯主氏名) are
 * not checked again.
 */
final class NameCheck {

    private NameCheck() {
    }

    static void check(NameCharacterPolicy policy, ChangeRequest request) {
        if (policy == null) {
            return;
        }
        switch (request) {
            case ChangeRequest.DomesticMoveIn r -> r.members().stream().map(NewMember::person).forEach(p -> person(policy, p));
            case ChangeRequest.MoveInFromAbroad r -> r.members().stream().map(NewMember::person).forEach(p -> person(policy, p));
            case ChangeRequest.Birth r -> person(policy, r.child());
            case ChangeRequest.Correction r -> person(policy, r.corrected());
            default -> {
            }
        }
    }

    private static void person(NameCharacterPolicy policy, PersonData p) {
        name(policy, p.name(), "familyName", "givenName");
        p.formerSurname().ifPresent(s -> text(policy, s, "formerSurname"));
        p.commonName().ifPresent(n -> name(policy, n, "commonName", "commonName"));
        p.domicile().ifPresent(d -> text(policy, d.headOfFamilyRegister(), "domicileHead"));
    }

    private static void name(NameCharacterPolicy policy, KanjiName name, String familyLabel, String givenLabel) {
        text(policy, name.family(), familyLabel);
        text(policy, name.given(), givenLabel);
    }

    private static void text(NameCharacterPolicy policy, String text, String label) {
        Optional<NameCharacterPolicy.Refused> refused = policy.firstRefused(text);
        if (refused.isPresent()) {
            NameCharacterPolicy.Refused r = refused.get();
            throw new ResidentException("name.notInRepertoire", new Label(label), r.character(),
                    NameCharacterPolicy.codes(r.character()), r.position());
        }
    }
}
