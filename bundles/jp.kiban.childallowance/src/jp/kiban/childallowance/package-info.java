/**
 * 児童手当 (business id {@code jidoteate}): the API of the business. Recipients (受給者) and their children (対象児童)
 * with 認定請求, 額改定 and 消滅 ({@link ChildAllowance}), the amount by the rules in force from October 2024
 * ({@link AllowanceCalculator}, plain Java, 児童手当法 as amended by 令和6年法律第47号), the payment schedule and the
 * notices ({@link AllowanceNotices}).
 */
package jp.kiban.childallowance;
