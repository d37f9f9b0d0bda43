package jp.kiban.spec;

import java.util.Locale;

/**
 * The tier of a catalogue function, as the 標準仕様書 第1.0版 names them (later versions call them
 * 実装必須機能 / 標準オプション機能 / 実装不可機能).
 */
public enum Tier {
    /** 実装すべき機能: every conforming system has it. */
    MUST("must", "実装すべき機能", "must"),
    /** 実装してもしなくても良い機能: a town may install it. */
    OPTIONAL("optional", "実装してもしなくても良い機能", "optional"),
    /** 実装しない機能: no module may provide it. */
    MUST_NOT("must-not", "実装しない機能", "must not");

    private final String code;
    private final String japanese;
    private final String english;

    Tier(String code, String japanese, String english) {
        this.code = code;
        this.japanese = japanese;
        this.english = english;
    }

    /** The code used in catalogue ids and files: {@code must}, {@code optional}, {@code must-not}. */
    public String code() {
        return code;
    }

    public String label(Locale locale) {
        return Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? japanese : english;
    }

    public static Tier ofCode(String code) {
        for (Tier t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + code + "' (must, optional or must-not)");
    }
}
