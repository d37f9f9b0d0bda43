package jp.kiban.addressee;

/** 男女の別, where it is known. */
public enum Gender {
    MALE,
    FEMALE
}
