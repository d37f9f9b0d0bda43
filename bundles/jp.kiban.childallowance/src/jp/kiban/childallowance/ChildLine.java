package jp.kiban.childallowance;

/**
 * One child in one month.
 *
 * @param order  the child's place among those counted (1 = the eldest counted), 0 when not counted
 * @param amount the allowance for the child in yen (0 for a counted older child)
 */
public record ChildLine(String key, Band band, int order, long amount) {
}
