package jp.kiban.addressee;

/** Whom a 宛名番号 belongs to. */
public enum AddresseeKind {
    /** A person in the town's resident register (住民記録), current or removed. */
    RESIDENT,
    /** 住登外者: taxed or served by the town without living there. */
    NON_RESIDENT
}
