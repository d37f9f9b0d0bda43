package jp.kiban.childallowance;

import java.time.LocalDate;
import java.util.UUID;

import jp.kiban.platform.Operator;

/**
 * Notices of the 児童手当 as PDF, laid out by the forms' notice writer: the 認定通知書 (or 額改定通知書 / 消滅通知書 for
 * the latest step), with the 受給者, the 支給開始月, the 手当月額 and its children, the 支払予定 and the 教示. Business
 * staff of {@value ChildAllowance#BUSINESS}, supervisors and administrators; every print goes to the access log and
 * is recorded with the recipient.
 */
public interface AllowanceNotices {

    /** The notice of the recipient's latest step (認定, 額改定 or 消滅). */
    byte[] notice(Operator operator, UUID recipient, LocalDate noticeDate);
}
