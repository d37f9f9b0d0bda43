package jp.kiban.characters.tests;

import static jp.kiban.characters.tests.RepertoireTest.KATSU_E0100;
import static jp.kiban.characters.tests.RepertoireTest.KATSU_E0102;
import static jp.kiban.characters.tests.RepertoireTest.NOT_IN_FONT_BMP;
import static jp.kiban.characters.tests.RepertoireTest.NOT_IN_FONT_EXT_G;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.ChangeState;
import jp.kiban.resident.Domicile;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.Sex;

/**
 * The resident base asks the repertoire (through the core's NameCharacterPolicy service) at 仮登録 and
 * at apply: a name with a character the font lacks is refused with the character and its codes, and
 * nothing is stored.
 */
class NameRefusalTest {
    static final Operator COUNTER = new Operator("tanaka", "田中 一郎", "counter-01", Set.of(Role.COUNTER));
    static final Operator SUPERVISOR = new Operator("sato", "佐藤 花子", "counter-02", Set.of(Role.SUPERVISOR));
    static final LocalDate DAY = LocalDate.of(2025, 4, 1);

    static ResidentChanges changes;

    @BeforeAll
    static void town() throws Exception {
        MunicipalityService towns = Services.get(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        changes = Services.get(ResidentChanges.class);
    }

    static PersonData person(String family, String given, String domicileHead) {
        PersonData.Builder b = PersonData.builder().name(KanjiName.of(family, given)).furigana(Furigana.of("カツラギ　ハナコ"))
                .birthDate(RecordedDate.parse("1980-02-03")).sex(Sex.FEMALE);
        if (domicileHead != null) {
            b.domicile(new Domicile("奈良県葛城市柿本166番地", domicileHead));
        }
        return b.build();
    }

    static ChangeRequest moveIn(PersonData... members) {
        List<ChangeRequest.NewMember> list = new java.util.ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            list.add(new ChangeRequest.NewMember(members[i], i == 0 ? Relationship.HEAD : Relationship.CHILD));
        }
        Address address = Address.of(Prefecture.ofCode(Municipality.demoTown().code().prefectureCode()),
                Municipality.demoTown().name(), "本町一丁目", "7番地");
        return new ChangeRequest.MoveInFromAbroad(DAY, DAY, address, Optional.empty(), "アメリカ合衆国", Optional.empty(), list);
    }

    @Test
    void aNameWithACharacterTheFontLacksIsRefusedAtRegisterWithItsCode() {
        ResidentException e = assertThrows(ResidentException.class,
                () -> changes.register(COUNTER, moveIn(person("葛城", "花" + NOT_IN_FONT_BMP, null))));
        assertEquals("name.notInRepertoire", e.code());
        String ja = e.getMessage(Locale.JAPANESE);
        assertTrue(ja.startsWith("名の2文字目「" + NOT_IN_FONT_BMP + "」（U+9FA6）は文字情報基盤（IPAmj明朝）にない文字"), ja);
        assertTrue(changes.pending(SUPERVISOR).stream().noneMatch(p -> p.proposed().stream()
                .anyMatch(r -> r.person().name().family().equals("葛城"))), "nothing stored");
    }

    @Test
    void anIvsTheFontDoesNotRegisterIsRefusedWithBothCodesAtApply() {
        ResidentException e = assertThrows(ResidentException.class,
                () -> changes.apply(SUPERVISOR, moveIn(person("葛城", "花子", null), person(KATSU_E0100 + "城", "一", null))));
        String ja = e.getMessage(Locale.JAPANESE);
        assertTrue(ja.contains("氏の1文字目「" + KATSU_E0100 + "」（U+845B U+E0100）"), ja);
        assertTrue(e.getMessage().contains("(U+845B U+E0100) at position 1"), e.getMessage());
    }

    @Test
    void theDomicileHeadIsCheckedToo() {
        ResidentException e = assertThrows(ResidentException.class,
                () -> changes.register(COUNTER, moveIn(person("葛城", "花子", "葛城　" + NOT_IN_FONT_EXT_G))));
        assertTrue(e.getMessage(Locale.JAPANESE).startsWith("筆頭者の4文字目「" + NOT_IN_FONT_EXT_G + "」（U+30000）"),
                e.getMessage(Locale.JAPANESE));
    }

    @Test
    void covergedIvsNamesAndSurrogatePairsAreRegistered() throws Exception {
        ChangeResult r = changes.apply(SUPERVISOR, moveIn(person(KATSU_E0102 + "城", "\uD842\uDF9F子", "葛城　花子")));
        assertEquals(ChangeState.CONFIRMED, r.state());
        ResidentRegistry registry = Services.get(ResidentRegistry.class);
        assertEquals(KATSU_E0102 + "城", registry.current(SUPERVISOR, r.persons().get(0)).orElseThrow().person().name().family());
    }
}
