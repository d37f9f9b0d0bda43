package jp.kiban.core.address;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/** The 47 都道府県 in JIS X 0401 order, so that {@link #code()} is the JIS prefecture code. */
public enum Prefecture {

    HOKKAIDO("北海道"),
    AOMORI("青森県"),
    IWATE("岩手県"),
    MIYAGI("宮城県"),
    AKITA("秋田県"),
    YAMAGATA("山形県"),
    FUKUSHIMA("福島県"),
    IBARAKI("茨城県"),
    TOCHIGI("栃木県"),
    GUNMA("群馬県"),
    SAITAMA("埼玉県"),
    CHIBA("千葉県"),
    TOKYO("東京都"),
    KANAGAWA("神奈川県"),
    NIIGATA("新潟県"),
    TOYAMA("富山県"),
    ISHIKAWA("石川県"),
    FUKUI("福井県"),
    YAMANASHI("山梨県"),
    NAGANO("長野県"),
    GIFU("岐阜県"),
    SHIZUOKA("静岡県"),
    AICHI("愛知県"),
    MIE("三重県"),
    SHIGA("滋賀県"),
    KYOTO("京都府"),
    OSAKA("大阪府"),
    HYOGO("兵庫県"),
    NARA("奈良県"),
    WAKAYAMA("和歌山県"),
    TOTTORI("鳥取県"),
    SHIMANE("島根県"),
    OKAYAMA("岡山県"),
    HIROSHIMA("広島県"),
    YAMAGUCHI("山口県"),
    TOKUSHIMA("徳島県"),
    KAGAWA("香川県"),
    EHIME("愛媛県"),
    KOCHI("高知県"),
    FUKUOKA("福岡県"),
    SAGA("佐賀県"),
    NAGASAKI("長崎県"),
    KUMAMOTO("熊本県"),
    OITA("大分県"),
    MIYAZAKI("宮崎県"),
    KAGOSHIMA("鹿児島県"),
    OKINAWA("沖縄県");

    private static final Label LABEL = new Label("prefecture");

    private final String kanji;

    Prefecture(String kanji) {
        this.kanji = kanji;
    }

    /** JIS X 0401 code, "01" to "47". */
    public String code() {
        return String.format("%02d", ordinal() + 1);
    }

    /** Name with suffix, e.g. 東京都. */
    public String kanji() {
        return kanji;
    }

    /** By JIS code, 1 to 47. */
    public static Prefecture ofCode(int code) {
        if (code < 1 || code > 47) {
            throw new DomainException("address.prefectureCode", code);
        }
        return values()[code - 1];
    }

    /** By JIS code as text: "13", "1", "01", "１３". */
    public static Prefecture ofCode(String code) {
        String digits = CounterInput.digits(code, LABEL);
        if (digits.length() > 2) {
            throw new DomainException("address.prefectureCode", digits);
        }
        return ofCode(Integer.parseInt(digits));
    }

    /** By name, with or without the 都/府/県 suffix: 東京都, 東京, 北海道. */
    public static Prefecture ofName(String name) {
        String text = CounterInput.requireText(name, LABEL);
        for (Prefecture p : values()) {
            if (p.kanji.equals(text) || (p != HOKKAIDO && p.kanji.substring(0, p.kanji.length() - 1).equals(text))) {
                return p;
            }
        }
        throw new DomainException("address.prefectureName", text);
    }
}
