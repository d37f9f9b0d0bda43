package jp.kiban.resident.ui.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.Household;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.Sex;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/** The 異動 a clerk starts from a person's detail: 転居, 転出, 出生, 死亡, 世帯分離, 世帯主変更, 誤記修正, 取消. */
final class ChangeDialogs {
    private ChangeDialogs() {
    }

    /** 続柄 to the new 世帯主 when the 世帯主 changes: a default the clerk can correct later by 職権修正. */
    static Map<AddresseeNumber, Relationship> relationshipsTo(ResidentRecord newHead, Household household) {
        Map<AddresseeNumber, Relationship> map = new HashMap<>();
        boolean spouseOfOldHead = newHead.relationship() == Relationship.WIFE
                || newHead.relationship() == Relationship.HUSBAND;
        for (ResidentRecord m : household.members()) {
            if (m.addresseeNumber().equals(newHead.addresseeNumber())) {
                map.put(m.addresseeNumber(), Relationship.HEAD);
            } else if (m.isHead()) {
                map.put(m.addresseeNumber(), spouseOfOldHead ? (newHead.relationship() == Relationship.WIFE
                        ? Relationship.HUSBAND : Relationship.WIFE) : newHead.relationship() == Relationship.CHILD
                                ? (m.person().sex() == Sex.MALE ? Relationship.FATHER : Relationship.MOTHER)
                                : Relationship.RELATIVE);
            } else if (spouseOfOldHead && m.relationship() == Relationship.CHILD) {
                map.put(m.addresseeNumber(), Relationship.CHILD);
            } else {
                map.put(m.addresseeNumber(), Relationship.RELATIVE);
            }
        }
        return map;
    }

    private static final String[] MEMBER_RELATIONSHIPS = java.util.Arrays.stream(Relationship.values())
            .filter(r -> !r.isHead()).map(Relationship::label).toArray(String[]::new);

    /**
     * One 続柄 choice per member who stays (all but {@code leaving}), pre-set to a likely value the clerk
     * checks: the new 世帯主's own row is hidden.
     */
    static void relationshipRows(Form form, Household household, ResidentRecord newHead, AddresseeNumber leaving) {
        form.section(Messages.get("change.relationshipsToNewHead"));
        for (ResidentRecord m : household.members()) {
            if (!m.addresseeNumber().equals(leaving)) {
                form.choice("rel." + m.addresseeNumber().value(), m.person().displayName().fullName() + "（現在 "
                        + m.relationship().label() + "）", MEMBER_RELATIONSHIPS);
            }
        }
        presetRelationships(form, household, newHead, leaving);
    }

    static void presetRelationships(Form form, Household household, ResidentRecord newHead, AddresseeNumber leaving) {
        Map<AddresseeNumber, Relationship> defaults = relationshipsTo(newHead, household);
        for (ResidentRecord m : household.members()) {
            if (m.addresseeNumber().equals(leaving)) {
                continue;
            }
            String key = "rel." + m.addresseeNumber().value();
            boolean isNewHead = m.addresseeNumber().equals(newHead.addresseeNumber());
            form.show(key, !isNewHead);
            if (!isNewHead) {
                ((org.eclipse.swt.widgets.Combo) form.input(key)).setText(defaults.get(m.addresseeNumber()).label());
            }
        }
        form.body().getShell().layout(true, true);
    }

    static Map<AddresseeNumber, Relationship> readRelationships(Form form, Household household, ResidentRecord newHead,
            AddresseeNumber leaving) {
        Map<AddresseeNumber, Relationship> map = new HashMap<>();
        for (ResidentRecord m : household.members()) {
            if (m.addresseeNumber().equals(leaving)) {
                continue;
            }
            map.put(m.addresseeNumber(), m.addresseeNumber().equals(newHead.addresseeNumber()) ? Relationship.HEAD
                    : Relationship.ofLabel(form.value("rel." + m.addresseeNumber().value())));
        }
        return map;
    }

    static final class MoveWithin extends ChangeDialog {
        private final Household household;
        private final jp.kiban.addressee.TownDictionary dictionary;
        private Button whole;

        MoveWithin(Shell s, ResidentChanges c, Session session, ResidentRecord p, Household h,
                jp.kiban.addressee.TownDictionary dictionary) {
            super(s, c, session, p);
            this.household = h;
            this.dictionary = dictionary;
        }

        @Override
        String title() {
            return "転居届";
        }

        @Override
        void fields() {
            org.eclipse.swt.widgets.Text town = form.text("town", Messages.get("movein.town"), 16);
            form.text("lot", Messages.get("movein.lot"), 24);
            org.eclipse.swt.widgets.Text postal = form.text("postal", Messages.get("movein.postal"), 8);
            if (dictionary != null) {
                TownCompletion.attach(town, postal, dictionary);
            }
            form.date("changeDate", Messages.get("change.date.move"), false);
            notificationField();
            whole = new Button(form.body(), SWT.CHECK);
            whole.setText(Messages.get("change.wholeHousehold", household.members().size()));
            whole.setSelection(true);
            whole.setData(UiKeys.KEY, "change.whole");
        }

        @Override
        Optional<ChangeRequest> request() {
            String town = form.required("town").orElse("");
            Optional<Address> address = form.parse("lot", lot -> Address.of(person.address().prefecture(),
                    person.address().municipality(), town, lot), true);
            Optional<PostalCode> postal = form.parse("postal", PostalCode::of, false);
            Optional<Dates> dates = dates();
            if (address.isEmpty() || dates.isEmpty()) {
                return Optional.empty();
            }
            if (whole.getSelection()) {
                List<AddresseeNumber> all = household.members().stream().map(ResidentRecord::addresseeNumber).toList();
                return Optional.of(ChangeRequest.MoveWithinTown.of(dates.get().change(), dates.get().notified(), all, address.get(), postal));
            }
            return Optional.of(new ChangeRequest.MoveWithinTown(dates.get().change(), dates.get().notified(),
                    List.of(person.addresseeNumber()), address.get(), postal, Optional.of(person.addresseeNumber()),
                    Map.of(person.addresseeNumber(), Relationship.HEAD)));
        }
    }

    static final class MoveOut extends ChangeDialog {
        private final Household household;
        private Button whole;
        private Button abroad;

        MoveOut(Shell s, ResidentChanges c, Session session, ResidentRecord p, Household h) {
            super(s, c, session, p);
            this.household = h;
        }

        @Override
        String title() {
            return "転出届";
        }

        @Override
        void fields() {
            form.date("changeDate", Messages.get("change.date.moveOut"), false);
            notificationField();
            form.text("destination", Messages.get("change.destination"), 30);
            abroad = new Button(form.body(), SWT.CHECK);
            abroad.setText(Messages.get("change.abroad"));
            new org.eclipse.swt.widgets.Label(form.body(), SWT.NONE);
            new org.eclipse.swt.widgets.Label(form.body(), SWT.NONE);
            whole = new Button(form.body(), SWT.CHECK);
            whole.setText(Messages.get("change.wholeHousehold", household.members().size()));
            whole.setSelection(true);
        }

        @Override
        Optional<ChangeRequest> request() {
            Optional<Dates> dates = dates();
            String destination = form.required("destination").orElse("");
            if (dates.isEmpty() || destination.isEmpty()) {
                return Optional.empty();
            }
            List<AddresseeNumber> persons = whole.getSelection()
                    ? household.members().stream().map(ResidentRecord::addresseeNumber).toList()
                    : List.of(person.addresseeNumber());
            return Optional.of(new ChangeRequest.MoveOut(dates.get().change(), dates.get().notified(), persons, destination,
                    abroad.getSelection(), Optional.empty(), Map.of()));
        }
    }

    static final class Birth extends ChangeDialog {
        private final CharacterInput characters;

        Birth(Shell s, ResidentChanges c, Session session, ResidentRecord p, CharacterInput characters) {
            super(s, c, session, p);
            this.characters = characters;
        }

        @Override
        String title() {
            return "出生届";
        }

        @Override
        void fields() {
            characters.nameField(form, "family", Messages.get("movein.family"), 10, "familyName");
            characters.nameField(form, "given", Messages.get("movein.given"), 10, "givenName");
            form.text("furigana", Messages.get("movein.furigana"), 20);
            form.date("birth", Messages.get("movein.birth"), false);
            form.choice("sex", Messages.get("movein.sex"), Sex.MALE.label(), Sex.FEMALE.label());
            notificationField();
            ((org.eclipse.swt.widgets.Text) form.input("family")).setText(person.person().name().family());
        }

        @Override
        Optional<ChangeRequest> request() {
            String given = form.value("given");
            Optional<KanjiName> name = form.parse("family", f -> KanjiName.of(f, given), true);
            name = characters.checked(form, "family", "given", name);
            Optional<Furigana> kana = form.parse("furigana", Furigana::of, true);
            Optional<LocalDate> born = form.parseDate("birth", true);
            Optional<LocalDate> notified = form.parseDate("notifiedOn", true);
            if (name.isEmpty() || kana.isEmpty() || born.isEmpty() || notified.isEmpty()) {
                return Optional.empty();
            }
            PersonData child = PersonData.builder().name(name.get()).furigana(kana.get())
                    .birthDate(RecordedDate.exact(born.get()))
                    .sex(form.value("sex").equals(Sex.MALE.label()) ? Sex.MALE : Sex.FEMALE).build();
            Relationship rel = person.isHead() || person.relationship() == Relationship.WIFE
                    || person.relationship() == Relationship.HUSBAND ? Relationship.CHILD : Relationship.GRANDCHILD;
            return Optional.of(new ChangeRequest.Birth(notified.get(), person.householdNumber(), child, rel));
        }
    }

    static final class Death extends ChangeDialog {
        private final Household household;

        Death(Shell s, ResidentChanges c, Session session, ResidentRecord p, Household h) {
            super(s, c, session, p);
            this.household = h;
        }

        @Override
        String title() {
            return "死亡届";
        }

        @Override
        void fields() {
            form.date("changeDate", Messages.get("change.date.death"), false);
            notificationField();
            if (person.isHead() && household.members().size() > 1) {
                List<ResidentRecord> others = household.members().stream().filter(m -> !m.isHead()).toList();
                org.eclipse.swt.widgets.Combo newHead = form.choice("newHead", Messages.get("change.newHead"),
                        others.stream().map(m -> m.person().displayName().fullName() + "（" + m.relationship().label() + "）")
                                .toArray(String[]::new));
                relationshipRows(form, household, others.get(0), person.addresseeNumber());
                newHead.addListener(SWT.Selection, e -> presetRelationships(form, household,
                        others.get(Math.max(0, newHead.getSelectionIndex())), person.addresseeNumber()));
            }
        }

        @Override
        Optional<ChangeRequest> request() {
            Optional<Dates> dates = dates();
            if (dates.isEmpty()) {
                return Optional.empty();
            }
            if (person.isHead() && household.members().size() > 1) {
                List<ResidentRecord> others = household.members().stream().filter(m -> !m.isHead()).toList();
                int index = ((org.eclipse.swt.widgets.Combo) form.input("newHead")).getSelectionIndex();
                ResidentRecord newHead = others.get(Math.max(0, index));
                Map<AddresseeNumber, Relationship> rel = readRelationships(form, household, newHead, person.addresseeNumber());
                return Optional.of(new ChangeRequest.Death(dates.get().change(), dates.get().notified(), person.addresseeNumber(),
                        Optional.of(newHead.addresseeNumber()), rel));
            }
            return Optional.of(new ChangeRequest.Death(dates.get().change(), dates.get().notified(), person.addresseeNumber(),
                    Optional.empty(), Map.of()));
        }
    }

    static final class HeadChange extends ChangeDialog {
        private final Household household;

        HeadChange(Shell s, ResidentChanges c, Session session, ResidentRecord p, Household h) {
            super(s, c, session, p);
            this.household = h;
        }

        @Override
        String title() {
            return "世帯主変更届";
        }

        @Override
        void fields() {
            form.date("changeDate", Messages.get("change.date.generic"), false);
            notificationField();
            relationshipRows(form, household, person, null);
        }

        @Override
        Optional<ChangeRequest> request() {
            Optional<Dates> dates = dates();
            if (dates.isEmpty()) {
                return Optional.empty();
            }
            Map<AddresseeNumber, Relationship> rel = readRelationships(form, household, person, null);
            rel.remove(person.addresseeNumber());
            return Optional.of(new ChangeRequest.HeadChange(dates.get().change(), dates.get().notified(), person.householdNumber(),
                    person.addresseeNumber(), rel));
        }
    }

    static final class Split extends ChangeDialog {
        private final Household household;
        private List<ResidentRecord> stay = List.of();

        Split(Shell s, ResidentChanges c, Session session, ResidentRecord p, Household h) {
            super(s, c, session, p);
            this.household = h;
        }

        @Override
        String title() {
            return "世帯分離届";
        }

        @Override
        void fields() {
            form.date("changeDate", Messages.get("change.date.generic"), false);
            notificationField();
            if (person.isHead() && household.members().size() > 1) {
                // the 世帯主 leaves: those who stay need a new 世帯主 and their 続柄 to him or her
                stay = household.members().stream().filter(m -> !m.isHead()).toList();
                org.eclipse.swt.widgets.Combo newHead = form.choice("newHead", Messages.get("change.newHeadOfStaying"),
                        stay.stream().map(m -> m.person().displayName().fullName() + "（" + m.relationship().label() + "）")
                                .toArray(String[]::new));
                relationshipRows(form, household, stay.get(0), person.addresseeNumber());
                newHead.addListener(SWT.Selection, e -> presetRelationships(form, household,
                        stay.get(Math.max(0, newHead.getSelectionIndex())), person.addresseeNumber()));
            }
        }

        @Override
        Optional<ChangeRequest> request() {
            Optional<Dates> dates = dates();
            if (dates.isEmpty()) {
                return Optional.empty();
            }
            Map<AddresseeNumber, Relationship> rel = new HashMap<>();
            if (!stay.isEmpty()) {
                int index = ((org.eclipse.swt.widgets.Combo) form.input("newHead")).getSelectionIndex();
                rel.putAll(readRelationships(form, household, stay.get(Math.max(0, index)), person.addresseeNumber()));
            }
            rel.put(person.addresseeNumber(), Relationship.HEAD);
            return Optional.of(new ChangeRequest.HouseholdSplit(dates.get().change(), dates.get().notified(),
                    List.of(person.addresseeNumber()), person.addresseeNumber(), rel));
        }
    }

    /** 世帯合併: this person's whole household joins another household at the same address. */
    static final class Merge extends ChangeDialog {
        private final Household household;

        Merge(Shell s, ResidentChanges c, Session session, ResidentRecord p, Household h) {
            super(s, c, session, p);
            this.household = h;
        }

        @Override
        String title() {
            return "世帯合併届";
        }

        @Override
        void fields() {
            form.text("into", Messages.get("change.intoHousehold"), 12);
            form.date("changeDate", Messages.get("change.date.generic"), false);
            notificationField();
            form.section(Messages.get("change.newRelationships"));
            String[] rels = java.util.Arrays.stream(Relationship.values()).filter(r -> !r.isHead())
                    .map(Relationship::label).toArray(String[]::new);
            for (ResidentRecord m : household.members()) {
                form.choice("rel." + m.addresseeNumber().value(), m.person().displayName().fullName(), rels);
            }
        }

        @Override
        Optional<ChangeRequest> request() {
            Optional<jp.kiban.core.id.HouseholdNumber> into = form.parse("into", jp.kiban.core.id.HouseholdNumber::of, true);
            Optional<Dates> dates = dates();
            if (into.isEmpty() || dates.isEmpty()) {
                return Optional.empty();
            }
            Map<AddresseeNumber, Relationship> rel = new HashMap<>();
            for (ResidentRecord m : household.members()) {
                rel.put(m.addresseeNumber(), Relationship.ofLabel(form.value("rel." + m.addresseeNumber().value())));
            }
            return Optional.of(new ChangeRequest.HouseholdMerge(dates.get().change(), dates.get().notified(), person.householdNumber(),
                    into.get(), rel));
        }
    }

    static final class Correction extends ChangeDialog {
        private final CharacterInput characters;
        private Button clerical;

        Correction(Shell s, ResidentChanges c, Session session, ResidentRecord p, CharacterInput characters) {
            super(s, c, session, p);
            this.characters = characters;
        }

        @Override
        String title() {
            return "記載事項の修正";
        }

        @Override
        void fields() {
            PersonData p = person.person();
            set(characters.nameField(form, "family", Messages.get("movein.family"), 10, "familyName"), p.name().family());
            set(characters.nameField(form, "given", Messages.get("movein.given"), 10, "givenName"), p.name().given());
            set(form.text("furigana", Messages.get("movein.furigana"), 20), p.furigana().value());
            set(form.date("birth", Messages.get("movein.birth"), true), p.birthDate().format());
            form.date("changeDate", Messages.get("change.date.generic"), false)
                    .setText(jp.kiban.core.date.WarekiDate.of(LocalDate.now()).formatShort());
            form.text("note", Messages.get("change.note"), 30);
            clerical = new Button(form.body(), SWT.CHECK);
            clerical.setText(Messages.get("change.clerical"));
            clerical.setSelection(true);
        }

        private static void set(org.eclipse.swt.widgets.Text t, String v) {
            t.setText(v);
        }

        @Override
        Optional<ChangeRequest> request() {
            String given = form.value("given");
            Optional<KanjiName> name = form.parse("family", f -> KanjiName.of(f, given), true);
            name = characters.checked(form, "family", "given", name);
            Optional<Furigana> kana = form.parse("furigana", Furigana::of, true);
            Optional<RecordedDate> birth = form.parse("birth", RecordedDate::parse, true);
            Optional<LocalDate> date = form.parseDate("changeDate", true);
            String note = form.required("note").orElse("");
            if (name.isEmpty() || kana.isEmpty() || birth.isEmpty() || date.isEmpty() || note.isEmpty()) {
                return Optional.empty();
            }
            PersonData corrected = person.person().toBuilder().name(name.get()).furigana(kana.get())
                    .birthDate(birth.get()).build();
            return Optional.of(new ChangeRequest.Correction(person.addresseeNumber(), date.get(), corrected,
                    clerical.getSelection(), note));
        }
    }

    static final class Cancel extends ChangeDialog {
        private final ResidentRecord latest;

        Cancel(Shell s, ResidentChanges c, Session session, ResidentRecord p, ResidentRecord latest) {
            super(s, c, session, p);
            this.latest = latest;
        }

        @Override
        String title() {
            return "異動の取消し";
        }

        @Override
        void fields() {
            form.section(Messages.get("change.cancelWhat", latest.change().reason().label(),
                    PersonPart.wareki(latest.change().changeDate())));
            form.text("note", Messages.get("change.note"), 30);
        }

        @Override
        Optional<ChangeRequest> request() {
            String note = form.required("note").orElse("");
            if (note.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ChangeRequest.Cancellation(latest.change().changeId(), note));
        }
    }
}
