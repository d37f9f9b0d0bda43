package jp.kiban.forms;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * Issues certificates as PDF from the confirmed register. Every issued form gets a unique 発行番号 and a
 * line in the {@link IssueHistory}; a form that cannot be produced (e.g. a character the form font lacks)
 * is not issued and its number is given back. Refusals are {@link FormException}s (Japanese for the
 * counter with {@code getMessage(Locale.JAPANESE)}, English for logs with {@code getMessage()}) and are
 * recorded in the 交付履歴 as refused. A person under a 支援措置 (and a household copy that includes one)
 * is always refused ({@code support.measure}).
 */
public interface CertificateService {

    /**
     * 住民票の写し of one person, or of the person's household (世帯連記式), as of today. A removed person
     * is refused with a message pointing to {@link #removedResidentCopy}.
     *
     * @param person  the person asked for (宛名番号); with {@link ResidentCopyOptions#household()} any member
     * @param options which members and which items that are omitted by default
     */
    IssuedCertificate residentCopy(Operator operator, AddresseeNumber person, ResidentCopyOptions options);

    /**
     * 住民票の除票の写し of a removed person (転出, 死亡 …): the last record with the 消除 date and reason. With
     * {@link ResidentCopyOptions#household()}, the members of the person's household removed by the same
     * change (a whole household that moved out); people still on the register are never listed with them.
     */
    IssuedCertificate removedResidentCopy(Operator operator, AddresseeNumber person, ResidentCopyOptions options);

    /**
     * 住民票記載事項証明書 (or 住民票除票記載事項証明書 for a removed person): 氏名, 生年月日, 性別, 住所 and only
     * the items asked for.
     */
    IssuedCertificate statedItems(Operator operator, AddresseeNumber person, StatedItemsOptions options);

    /**
     * 転出証明書 from the person's confirmed 転出 (国内転出): 転出予定日, 転出先 and every member who moves with
     * the same 届出; refused if the person's last confirmed change is not a 国内転出.
     */
    IssuedCertificate moveOutCertificate(Operator operator, AddresseeNumber person);

    /**
     * The certificate {@code request} would issue, drawn as a draft for the preview at the counter before it is
     * issued: the same checks and refusals, 見本 across every page and in place of the 発行番号, no 発行番号 taken
     * and nothing recorded in the 交付履歴 (the access log records the view). Issue it afterwards with the same
     * call outside {@code draft}. Example:
     * {@code certificates.draft(() -> certificates.residentCopy(operator, person, options))}.
     */
    IssuedCertificate draft(java.util.function.Supplier<IssuedCertificate> request);
}
