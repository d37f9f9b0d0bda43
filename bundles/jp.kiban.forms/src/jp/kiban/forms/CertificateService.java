package jp.kiban.forms;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * Issues certificates as PDF from the confirmed register. Every issued form gets a unique 発行番号;
 * a form that cannot be produced (e.g. a character the form font lacks) is not issued and its
 * number is given back. Refusals are {@link FormException}s (Japanese for the counter with
 * {@code getMessage(Locale.JAPANESE)}, English for logs with {@code getMessage()}).
 */
public interface CertificateService {

    /**
     * 住民票の写し of one person, or of the person's household (世帯連記式), as of today.
     *
     * @param person  the person asked for (宛名番号); with {@link ResidentCopyOptions#household()} any member
     * @param options which members and which items that are omitted by default
     */
    IssuedCertificate residentCopy(Operator operator, AddresseeNumber person, ResidentCopyOptions options);
}
