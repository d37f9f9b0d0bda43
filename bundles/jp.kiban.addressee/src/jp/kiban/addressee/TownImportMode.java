package jp.kiban.addressee;

/** How a CSV import changes the 住所辞書. */
public enum TownImportMode {
    /** The file becomes the whole dictionary: entries whose code is not in the file are removed. */
    REPLACE,
    /** Entries in the file are added or updated (by code); the others stay. */
    ADD_OR_UPDATE
}
