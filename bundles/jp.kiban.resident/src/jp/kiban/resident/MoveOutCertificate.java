package jp.kiban.resident;

import java.time.LocalDate;
import java.util.Objects;

import jp.kiban.core.id.LocalGovernmentCode;

/**
 * The 転出証明書 presented with a 国内転入 (or its data received by 転入届の特例). The other town's
 * code says where the 転入通知 goes.
 *
 * @param issuedBy          the 全国地方公共団体コード of the town the person moved out of
 * @param plannedMoveOutDate 転出予定日 on the certificate
 * @param plannedDestination 転出先 as declared there
 */
public record MoveOutCertificate(LocalGovernmentCode issuedBy, LocalDate plannedMoveOutDate, String plannedDestination) {
    public MoveOutCertificate {
        Objects.requireNonNull(issuedBy, "issuedBy");
        if (plannedMoveOutDate == null) {
            throw new ResidentException("input.blank", new jp.kiban.core.DomainException.Label("plannedMoveOutDate"));
        }
        plannedDestination = ResidentException.requireText(plannedDestination, "plannedDestination");
    }
}
