package jp.kiban.resident;

/**
 * 戸籍の表示 (本籍 and 筆頭者), Japanese residents only. Kept as written text: the 本籍 is the
 * 戸籍's address, which may be a former place name, so it is not an {@link jp.kiban.core.address.Address}.
 *
 * @param registeredDomicile 本籍, e.g. 東京都千代田区霞が関二丁目1番地
 * @param headOfFamilyRegister 筆頭者 name
 */
public record Domicile(String registeredDomicile, String headOfFamilyRegister) {
    public Domicile {
        registeredDomicile = ResidentException.requireText(registeredDomicile, "domicile");
        headOfFamilyRegister = ResidentException.requireText(headOfFamilyRegister, "domicileHead");
    }
}
