package jp.kiban.forms;

import java.util.List;

import jp.kiban.core.id.AddresseeNumber;

/**
 * What a 住民票の写し shows. 続柄, 本籍・筆頭者, 住民票コード and 個人番号 are omitted unless asked
 * for; the 個人番号 also needs {@code Permission.USE_INDIVIDUAL_NUMBER}.
 *
 * @param household          the whole household (世帯連記式) instead of the one person
 * @param members            with {@code household}: only these members (empty = every member)
 * @param relationship       print 続柄 (世帯主との続柄)
 * @param domicile           print 本籍・筆頭者
 * @param residentRecordCode print 住民票コード
 * @param individualNumber   print 個人番号
 * @param furigana           print the フリガナ in brackets after the name (標準仕様書 5.3)
 * @param omitResidenceDetails leave out a foreign resident's 第30条の45 items (区分, 在留資格, 在留期間, 満了日,
 *                           在留カード等番号), printed unless asked to omit them (標準仕様書 5.1)
 * @param history            print every earlier change of the person (住所の変遷, 世帯・続柄の変更 …) from the snapshots
 */
public record ResidentCopyOptions(boolean household, List<AddresseeNumber> members, boolean relationship,
        boolean domicile, boolean residentRecordCode, boolean individualNumber, boolean furigana, boolean omitResidenceDetails, boolean history) {

    public ResidentCopyOptions {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** One person, every optional item omitted. */
    public static ResidentCopyOptions person() {
        return new ResidentCopyOptions(false, List.of(), false, false, false, false, false, false, false);
    }

    /** The whole household, every optional item omitted. */
    public static ResidentCopyOptions wholeHousehold() {
        return new ResidentCopyOptions(true, List.of(), false, false, false, false, false, false, false);
    }

    public ResidentCopyOptions withRelationship() {
        return new ResidentCopyOptions(household, members, true, domicile, residentRecordCode, individualNumber,
                furigana, omitResidenceDetails, history);
    }

    public ResidentCopyOptions withDomicile() {
        return new ResidentCopyOptions(household, members, relationship, true, residentRecordCode, individualNumber,
                furigana, omitResidenceDetails, history);
    }

    public ResidentCopyOptions withResidentRecordCode() {
        return new ResidentCopyOptions(household, members, relationship, domicile, true, individualNumber,
                furigana, omitResidenceDetails, history);
    }

    public ResidentCopyOptions withIndividualNumber() {
        return new ResidentCopyOptions(household, members, relationship, domicile, residentRecordCode, true, furigana, omitResidenceDetails, history);
    }

    public ResidentCopyOptions withMembers(List<AddresseeNumber> chosen) {
        return new ResidentCopyOptions(true, chosen, relationship, domicile, residentRecordCode, individualNumber,
                furigana, omitResidenceDetails, history);
    }

    public ResidentCopyOptions withHistory() {
        return new ResidentCopyOptions(household, members, relationship, domicile, residentRecordCode, individualNumber,
                furigana, omitResidenceDetails, true);
    }

    public ResidentCopyOptions withFurigana() {
        return new ResidentCopyOptions(household, members, relationship, domicile, residentRecordCode, individualNumber,
                true, omitResidenceDetails, history);
    }

    public ResidentCopyOptions withoutResidenceDetails() {
        return new ResidentCopyOptions(household, members, relationship, domicile, residentRecordCode, individualNumber,
                furigana, true, history);
    }
}
