package jp.kiban.security.impl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Component;

import jp.kiban.security.SecondFactor;

/**
 * TOTP (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits, as every authenticator
 * app reads from an {@code otpauth://} URI. One step of clock drift either way is accepted; a code is
 * never accepted twice (the step used is stored).
 */
@Component(service = SecondFactor.class)
public class Totp implements SecondFactor {
    public static final String KIND = "totp";
    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "確認コード（認証アプリ）";
    }

    @Override
    public Enrolment enrol(String userId, String issuer) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        String b32 = Base32.encode(secret);
        String label = enc(issuer) + ":" + enc(userId);
        String uri = "otpauth://totp/" + label + "?secret=" + b32 + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
        return new Enrolment(KIND, b32, b32, uri);
    }

    @Override
    public long verify(String enrolled, String response, Instant now, long lastUsed) {
        if (response == null) {
            return -1;
        }
        String code = response.strip().replace(" ", "");
        if (!code.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        byte[] key;
        try {
            key = Base32.decode(enrolled);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        long step = now.getEpochSecond() / STEP_SECONDS;
        for (long s = step - 1; s <= step + 1; s++) {
            if (s > lastUsed && code.equals(code(key, s, DIGITS))) {
                return s;
            }
        }
        return -1;
    }

    /** HOTP value of the given counter (RFC 4226, dynamic truncation), zero-padded. */
    public static String code(byte[] key, long counter, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
            int o = h[h.length - 1] & 0x0f;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            int mod = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", bin % mod);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** The current code for a Base32 secret (tests, and a help text for administrators). */
    public static String codeAt(String base32Secret, Instant at) {
        return code(Base32.decode(base32Secret), at.getEpochSecond() / STEP_SECONDS, DIGITS);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
