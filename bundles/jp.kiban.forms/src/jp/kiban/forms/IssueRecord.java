package jp.kiban.forms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kiban.core.id.AddresseeNumber;

/**
 * One line of the 交付履歴 (住民記録システム標準仕様書 1.3.8): a form issued, or an attempt refused.
 *
 * @param id               unique id of the line
 * @param at               交付年月日時
 * @param operatorId       who issued (ユーザID)
 * @param operatorName     that operator's name
 * @param terminal         端末名 (empty when not known, e.g. the CLI)
 * @param kind             証明書の種別
 * @param requestedFor     the person asked for (宛名番号)
 * @param persons          every person on the form (交付対象者), the requested one for a refusal
 * @param issueNumber      発行番号; empty for a refusal
 * @param pages            枚数 (0 for a refusal)
 * @param items            記載事項: the options as asked for, e.g. 世帯連記,続柄,履歴
 * @param individualNumber whether the 個人番号 was printed
 * @param refusal          for a refused attempt: the reason code (e.g. {@code support.measure}); empty if issued
 * @param disposal         処分情報: set when the certificate was issued by mistake and destroyed
 */
public record IssueRecord(String id, Instant at, String operatorId, String operatorName, String terminal,
        CertificateKind kind, AddresseeNumber requestedFor, List<AddresseeNumber> persons,
        Optional<String> issueNumber, int pages, String items, boolean individualNumber, Optional<String> refusal,
        Optional<Disposal> disposal) {

    /** A certificate issued by mistake and destroyed: when, by whom, why. */
    public record Disposal(Instant at, String operatorId, String note) {
    }

    public IssueRecord {
        persons = List.copyOf(persons);
    }

    public boolean refused() {
        return refusal.isPresent();
    }
}
