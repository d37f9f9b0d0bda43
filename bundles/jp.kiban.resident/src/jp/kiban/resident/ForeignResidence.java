package jp.kiban.resident;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The items of 住民基本台帳法 第30条の45 beyond those shared with Japanese residents.
 *
 * @param nationality        国籍・地域, as written (e.g. 中国, 米国, 台湾)
 * @param category           中長期在留者, 特別永住者, 一時庇護 … (see {@link Category})
 * @param residenceStatus    在留資格, e.g. 技術・人文知識・国際業務; empty for 特別永住者
 * @param periodOfStay       在留期間 as written, e.g. 3年; empty for 特別永住者 and 永住者
 * @param stayExpiresOn      在留期間の満了日
 * @param cardNumber         在留カード番号 (2 letters, 8 digits, 2 letters) or 特別永住者証明書番号
 */
public record ForeignResidence(String nationality, Category category, Optional<String> residenceStatus,
        Optional<String> periodOfStay, Optional<LocalDate> stayExpiresOn, Optional<String> cardNumber) {

    /** 第30条の45 の区分. */
    public enum Category {
        MID_TO_LONG_TERM("中長期在留者"),
        SPECIAL_PERMANENT("特別永住者"),
        TEMPORARY_REFUGE("一時庇護許可者"),
        PROVISIONAL_STAY("仮滞在許可者"),
        BIRTH_OR_LOSS_OF_NATIONALITY("出生による経過滞在者又は国籍喪失による経過滞在者");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ForeignResidence {
        nationality = ResidentException.requireText(nationality, "nationality");
        if (category == null) {
            throw new ResidentException("input.blank", new jp.kiban.core.DomainException.Label("foreignCategory"));
        }
        residenceStatus = clean(residenceStatus);
        periodOfStay = clean(periodOfStay);
        stayExpiresOn = stayExpiresOn == null ? Optional.empty() : stayExpiresOn;
        cardNumber = clean(cardNumber).map(c -> jp.kiban.core.CounterInput.toHalfWidth(c).replace(" ", "")
                .toUpperCase(java.util.Locale.ROOT));
        if (cardNumber.isPresent() && category == Category.MID_TO_LONG_TERM
                && !cardNumber.get().matches("[A-Z]{2}\\d{8}[A-Z]{2}")) {
            throw new ResidentException("foreign.cardNumber");
        }
        if (category == Category.MID_TO_LONG_TERM && residenceStatus.isEmpty()) {
            throw new ResidentException("input.blank", new jp.kiban.core.DomainException.Label("residenceStatus"));
        }
    }

    /** A 中長期在留者 with a 在留カード. */
    public static ForeignResidence midToLongTerm(String nationality, String residenceStatus, String periodOfStay,
            LocalDate expiresOn, String cardNumber) {
        return new ForeignResidence(nationality, Category.MID_TO_LONG_TERM, Optional.ofNullable(residenceStatus),
                Optional.ofNullable(periodOfStay), Optional.ofNullable(expiresOn), Optional.ofNullable(cardNumber));
    }

    /** A 特別永住者 with a 特別永住者証明書. */
    public static ForeignResidence specialPermanent(String nationality, String certificateNumber) {
        return new ForeignResidence(nationality, Category.SPECIAL_PERMANENT, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.ofNullable(certificateNumber));
    }

    private static Optional<String> clean(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
    }
}
