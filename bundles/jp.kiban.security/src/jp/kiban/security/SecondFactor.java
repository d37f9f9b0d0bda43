package jp.kiban.security;

import java.time.Instant;

/**
 * SPI: a second authentication factor (the standard specification expects an IC card or similar).
 * Kiban ships TOTP (RFC 6238, an authenticator app); a town adds its IC-card reader by registering
 * another implementation as an OSGi service with its own {@link #kind()}. The user store keeps, per
 * user, the kind and the opaque {@code enrolled} data the implementation returns at enrolment (for
 * TOTP the secret; for a card the certificate's serial or public key).
 */
public interface SecondFactor {

    /** Stable id stored with the user, e.g. {@code totp} or {@code iccard}. */
    String kind();

    /** Japanese label for the desk, e.g. 確認コード（認証アプリ）. */
    String label();

    /** Creates the enrolment for a user: what to store and what to show the user once. */
    Enrolment enrol(String userId, String issuer);

    /**
     * Checks the response the user gave (a 6-digit code, or what the card reader returned).
     *
     * @param enrolled the data stored at enrolment
     * @param response what the user entered or the device answered
     * @param lastUsed the time step / counter used last (replay protection), or -1
     * @return the time step or counter used (to be stored), or -1 if the response is wrong
     */
    long verify(String enrolled, String response, Instant now, long lastUsed);

    /**
     * @param kind     the factor's kind
     * @param enrolled what the user store keeps (secret)
     * @param shown    what the user is shown once, e.g. the Base32 secret
     * @param uri      a provisioning URI (e.g. {@code otpauth://totp/...}) for a QR code, or empty
     */
    record Enrolment(String kind, String enrolled, String shown, String uri) {
        @Override
        public String toString() {
            return "Enrolment[" + kind + "]"; // never the secret in logs
        }
    }
}
