package jp.kiban.resident.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;

/**
 * A certificate issued about a registered person: what the 本人通知書 reports (交付年月日, 証明書の種別, 枚数,
 * 交付請求者区分).
 *
 * @param kind       the certificate's title as printed (住民票の写し …)
 * @param sentAt     when the 本人通知書 was printed
 */
public record IssueNotice(UUID id, UUID registration, AddresseeNumber person, String issueNumber, String kind,
        LocalDate issuedOn, int pages, RequesterClass requester, Optional<Instant> sentAt) {

    /** To be sent: not yet sent, and not asked for by the person themselves. */
    public boolean due() {
        return sentAt.isEmpty() && requester != RequesterClass.SELF;
    }
}
