package jp.kiban.core.tests;

import static jp.kiban.core.tests.IdentifierTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.id.LocalGovernmentCode;

class AddressTest {

    @Test
    void prefectures() {
        assertEquals(47, Prefecture.values().length);
        assertEquals("01", Prefecture.HOKKAIDO.code());
        assertEquals("北海道", Prefecture.ofCode(1).kanji());
        assertEquals(Prefecture.TOKYO, Prefecture.ofCode("13"));
        assertEquals(Prefecture.KYOTO, Prefecture.ofCode("２６"));
        assertEquals("大阪府", Prefecture.ofCode(27).kanji());
        assertEquals("鹿児島県", Prefecture.ofCode(46).kanji());
        assertEquals("沖縄県", Prefecture.ofCode("47").kanji());
        assertEquals(Prefecture.TOKYO, Prefecture.ofName("東京都"));
        assertEquals(Prefecture.TOKYO, Prefecture.ofName("東京"));
        assertEquals(Prefecture.KYOTO, Prefecture.ofName("京都"));
        assertEquals(Prefecture.KANAGAWA, Prefecture.ofName("神奈川県"));
        for (Prefecture p : Prefecture.values()) {
            assertEquals(p, Prefecture.ofCode(p.code()));
            assertEquals(p, Prefecture.ofName(p.kanji()));
        }
        refused("address.prefectureCode", () -> Prefecture.ofCode(0));
        refused("address.prefectureCode", () -> Prefecture.ofCode("48"));
        refused("address.prefectureCode", () -> Prefecture.ofCode("013"));
        refused("address.prefectureName", () -> Prefecture.ofName("北海"));
        refused("address.prefectureName", () -> Prefecture.ofName("東京府"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100-8926", "1008926", "〒100-8926", "〒 100-8926", "１００－８９２６", "〒１００ー８９２６", " 100 8926 "})
    void postalCodeForms(String input) {
        PostalCode code = PostalCode.of(input);
        assertEquals("1008926", code.value());
        assertEquals("100-8926", code.format());
        assertEquals(PostalCode.of("1008926"), code);
    }

    @Test
    void postalCodeRefusals() {
        refused("input.digitCount", () -> PostalCode.of("100-892"));
        refused("input.digitCount", () -> PostalCode.of("100-89260"));
        refused("address.postalCodeForm", () -> PostalCode.of("10-08926"));
        refused("address.postalCodeForm", () -> PostalCode.of("100--8926"));
        refused("input.character", () -> PostalCode.of("100-892a"));
        refused("input.character", () -> PostalCode.of("100-8926〒"));
        refused("input.blank", () -> PostalCode.of(""));
    }

    @Test
    void formatsTheWrittenAddress() {
        Address a = Address.of(Prefecture.TOKYO, "千代田区", "霞が関二丁目", "１番２号").withBuilding("○○ビル３階");
        assertEquals("東京都千代田区霞が関二丁目1番2号\u3000○○ビル3階", a.format());
        assertEquals("1番2号", a.lotNumber());
        assertEquals(Optional.of("○○ビル3階"), a.building());
        Address plain = Address.of(Prefecture.HOKKAIDO, "札幌市中央区", "北一条西", "2");
        assertEquals("北海道札幌市中央区北一条西2", plain.format());
        assertEquals(Optional.empty(), plain.building());
        assertEquals(plain, plain.withBuilding("  "));
    }

    @Test
    void normalisesNumbersInLotNumber() {
        Address a = Address.of(Prefecture.OSAKA, "大阪市北区", "梅田", "１２ー３");
        assertEquals("12-3", a.lotNumber());
        assertEquals(a, Address.of(Prefecture.OSAKA, "大阪市北区", "梅田", "12-3"));
        assertEquals(a, Address.of(Prefecture.OSAKA, "大阪市北区", "梅田", "12－3"));
        assertEquals("1番地2", Address.of(Prefecture.OSAKA, "大阪市北区", "梅田", "１番地２").lotNumber());
        assertEquals("コーポ2-101", a.withBuilding("コーポ２ー１０１").building().orElseThrow());
        assertNotEquals(a, a.withBuilding("101"));
    }

    @Test
    void localGovernmentCodeMustMatchThePrefecture() {
        Address a = Address.of(Prefecture.TOKYO, "千代田区", "霞が関二丁目", "1番2号");
        LocalGovernmentCode chiyoda = LocalGovernmentCode.of("13101");
        assertEquals(Optional.of(chiyoda), a.withLocalGovernmentCode(chiyoda).localGovernmentCode());
        assertNotEquals(a, a.withLocalGovernmentCode(chiyoda));
        refused("address.codeMismatch", () -> Address.of(Prefecture.OSAKA, "千代田区", "霞が関二丁目", "1")
                .withLocalGovernmentCode(chiyoda));
    }

    @Test
    void requiredParts() {
        refused("input.blank", () -> Address.of(Prefecture.TOKYO, " ", "霞が関二丁目", "1"));
        refused("input.blank", () -> Address.of(Prefecture.TOKYO, "千代田区", null, "1"));
        refused("input.blank", () -> Address.of(Prefecture.TOKYO, "千代田区", "霞が関二丁目", "　"));
        refused("input.character", () -> Address.of(Prefecture.TOKYO, "千代田区", "霞が関\n二丁目", "1"));
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                () -> Address.of(null, "千代田区", "霞が関二丁目", "1"));
    }
}
