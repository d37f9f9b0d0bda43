package jp.kiban.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.security.Holidays;
import jp.kiban.security.impl.PasswordHasher;
import jp.kiban.security.impl.Totp;

/** Japanese holidays, TOTP against RFC 6238's vectors, the password hash format. */
class PrimitivesTest {

    @Test
    void japaneseHolidays() {
        assertEquals(Optional.of("元日"), Holidays.name(LocalDate.of(2026, 1, 1)));
        assertEquals(Optional.of("成人の日"), Holidays.name(LocalDate.of(2026, 1, 12)));
        assertEquals(Optional.of("春分の日"), Holidays.name(LocalDate.of(2025, 3, 20)));
        assertEquals(Optional.of("春分の日"), Holidays.name(LocalDate.of(2026, 3, 20)));
        assertEquals(Optional.of("秋分の日"), Holidays.name(LocalDate.of(2025, 9, 23)));
        assertEquals(Optional.of("振替休日"), Holidays.name(LocalDate.of(2024, 5, 6)), "こどもの日 2024 was a Sunday");
        assertEquals(Optional.of("振替休日"), Holidays.name(LocalDate.of(2026, 5, 6)), "憲法記念日 2026 was a Sunday");
        assertEquals(Optional.of("国民の休日"), Holidays.name(LocalDate.of(2026, 9, 22)), "between 敬老の日 and 秋分の日");
        assertEquals(Optional.of("海の日"), Holidays.name(LocalDate.of(2021, 7, 22)));
        assertEquals(Optional.of("スポーツの日"), Holidays.name(LocalDate.of(2026, 10, 12)));
        assertEquals(Optional.of("天皇誕生日"), Holidays.name(LocalDate.of(2026, 2, 23)));
        assertEquals(Optional.empty(), Holidays.name(LocalDate.of(2026, 6, 3)));
        assertTrue(Holidays.officeClosed(LocalDate.of(2026, 6, 6)), "Saturday");
        assertTrue(Holidays.officeClosed(LocalDate.of(2026, 12, 29)), "年末年始");
        assertTrue(Holidays.officeClosed(LocalDate.of(2027, 1, 3)), "年末年始");
        assertFalse(Holidays.officeClosed(LocalDate.of(2027, 1, 4)));
        long holidays2026 = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(d -> Holidays.name(d).isPresent()).count();
        assertEquals(18, holidays2026, "2026: 16 holidays + 振替休日 5/6 + 国民の休日 9/22");
    }

    @Test
    void totpMatchesTheRfc6238Vectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        // RFC 6238 appendix B, SHA-1, 8 digits
        assertEquals("94287082", Totp.code(key, 59 / 30, 8));
        assertEquals("07081804", Totp.code(key, 1111111109L / 30, 8));
        assertEquals("14050471", Totp.code(key, 1111111111L / 30, 8));
        assertEquals("89005924", Totp.code(key, 1234567890L / 30, 8));
        assertEquals("69279037", Totp.code(key, 2000000000L / 30, 8));
        // the same secret in Base32, as an authenticator app gets it
        String b32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertEquals("287082", Totp.codeAt(b32, Instant.ofEpochSecond(59)));
        Totp totp = new Totp();
        Instant now = Instant.ofEpochSecond(1111111109L);
        assertEquals(1111111109L / 30, totp.verify(b32, "081804", now, -1));
        assertEquals(-1, totp.verify(b32, "081804", now, 1111111109L / 30), "not twice");
        assertEquals(-1, totp.verify(b32, "12345", now, -1));
        assertEquals(-1, totp.verify(b32, "abcdef", now, -1));
        assertEquals(1111111109L / 30 - 1, totp.verify(b32, Totp.codeAt(b32, now.minusSeconds(30)), now, -1), "one step of drift");
        assertEquals(-1, totp.verify(b32, Totp.codeAt(b32, now.minusSeconds(90)), now, -1));
    }

    @Test
    void passwordHashesCarryTheirParameters() {
        PasswordHasher h = new PasswordHasher(20_000);
        String a = h.hash("correct horse 1".toCharArray());
        String b = h.hash("correct horse 1".toCharArray());
        assertTrue(a.startsWith("pbkdf2-sha256$20000$"), a);
        assertNotEquals(a, b, "a salt per password");
        assertTrue(h.matches("correct horse 1".toCharArray(), a));
        assertFalse(h.matches("correct horse 2".toCharArray(), a));
        assertFalse(h.matches("x".toCharArray(), "garbage"));
        assertFalse(h.needsRehash(a));
        assertTrue(new PasswordHasher(30_000).needsRehash(a), "raised later: rehash at the next login");
        assertTrue(new PasswordHasher(30_000).matches("correct horse 1".toCharArray(), a), "old hashes still verify");
        assertEquals(PasswordHasher.MIN_ITERATIONS, new PasswordHasher(1).iterations());
        assertEquals(600_000, PasswordHasher.DEFAULT_ITERATIONS);
    }
}
