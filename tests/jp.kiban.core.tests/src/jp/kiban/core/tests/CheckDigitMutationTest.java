package jp.kiban.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.CorporateNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.id.ResidentRecordCode;

/**
 * Exhaustive single-digit substitutions and adjacent transpositions around many valid numbers.
 * The formulas are re-implemented here from DOMAIN.md (independently of the production code), and
 * every change the production code lets through must be one the arithmetic cannot see.
 */
class CheckDigitMutationTest {

    /**
     * A scheme as DOMAIN.md states it. {@code remainder} is the weighted sum of the payload modulo
     * {@code modulus}; {@code checkFor} maps it to the written check digit; {@code foldClass} is the
     * pair of remainders that share a check digit (empty if the mapping is injective).
     */
    record Scheme(String name, int length, int checkIndex, int modulus, ToIntFunction<String> remainder,
            IntUnaryOperator checkFor, Set<Integer> foldClass, Predicate<String> inScope, Function<String, ?> parse,
            List<String> published) {

        boolean valid(String n) {
            return checkFor.applyAsInt(remainder.applyAsInt(n)) == digit(n, checkIndex);
        }

        /** Refused because of the check digit (other refusals fail the test). */
        boolean detected(String n) {
            try {
                parse.apply(n);
                return false;
            } catch (DomainException e) {
                assertEquals("id.checkDigit", e.code(), name + " " + n);
                return true;
            }
        }

        /** The pure checksum: payload sum plus check digit with weight 1; 0 unless the check digit is folded. */
        int pureChecksum(String n) {
            return Math.floorMod(remainder.applyAsInt(n) + digit(n, checkIndex), modulus);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Mutation(String number, boolean touchesCheckDigit, String description) {
    }

    static int digit(String n, int index) {
        return n.charAt(index) - '0';
    }

    static final IntUnaryOperator MOD11_ZERO_FOR_R_LE_1 = r -> r <= 1 ? 0 : 11 - r;

    static int individualRemainder(String n) { // P(k) = k-th of the first 11 digits from the right
        int sum = 0;
        for (int k = 1; k <= 11; k++) {
            sum += digit(n, 11 - k) * (k <= 6 ? k + 1 : k - 5);
        }
        return sum % 11;
    }

    static int localGovernmentRemainder(String n) {
        return (6 * digit(n, 0) + 5 * digit(n, 1) + 4 * digit(n, 2) + 3 * digit(n, 3) + 2 * digit(n, 4)) % 11;
    }

    static int corporateRemainder(String n) { // P(k) = k-th of the last 12 digits from the right
        int sum = 0;
        for (int k = 1; k <= 12; k++) {
            sum += digit(n, 13 - k) * (k % 2 == 1 ? 1 : 2);
        }
        return sum % 9;
    }

    static int residentRemainder(String n) {
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        return IntStream.range(0, 10).map(i -> digit(n, i) * weights[i]).sum() % 11;
    }

    static int serialRemainder(String n) { // weights 2..7 cycling from the digit left of the check digit
        int sum = 0;
        for (int k = 1; k <= 10; k++) {
            sum += digit(n, 10 - k) * (2 + (k - 1) % 6);
        }
        return sum % 11;
    }

    static boolean realPrefecture(String n) {
        int prefecture = Integer.parseInt(n.substring(0, 2));
        return prefecture >= 1 && prefecture <= 47;
    }

    static Stream<Scheme> mod11Schemes() {
        Predicate<String> all = n -> true;
        Predicate<String> nonZeroSerial = n -> !n.startsWith("0000000000");
        return Stream.of(
                new Scheme("個人番号", 12, 11, 11, CheckDigitMutationTest::individualRemainder, MOD11_ZERO_FOR_R_LE_1,
                        Set.of(0, 1), all, IndividualNumber::of, List.of("621498320257", "983205673214")),
                new Scheme("地方公共団体コード", 6, 5, 11, CheckDigitMutationTest::localGovernmentRemainder,
                        r -> (11 - r) % 10, Set.of(0, 10), CheckDigitMutationTest::realPrefecture,
                        LocalGovernmentCode::of, List.of("131016", "011002", "182079")),
                new Scheme("住民票コード", 11, 10, 11, CheckDigitMutationTest::residentRemainder, MOD11_ZERO_FOR_R_LE_1,
                        Set.of(0, 1), all, ResidentRecordCode::of, List.of("24727059608")),
                new Scheme("宛名番号", 11, 10, 11, CheckDigitMutationTest::serialRemainder, MOD11_ZERO_FOR_R_LE_1,
                        Set.of(0, 1), nonZeroSerial, AddresseeNumber::of, List.of()),
                new Scheme("世帯番号", 11, 10, 11, CheckDigitMutationTest::serialRemainder, MOD11_ZERO_FOR_R_LE_1,
                        Set.of(0, 1), nonZeroSerial, HouseholdNumber::of, List.of()));
    }

    static final Scheme CORPORATE = new Scheme("法人番号", 13, 0, 9, CheckDigitMutationTest::corporateRemainder,
            r -> 9 - r, Set.of(), n -> true, CorporateNumber::of, List.of("5835678256246"));

    /** The published examples plus 300 pseudo-random valid numbers built with the DOMAIN.md formula. */
    static List<String> bases(Scheme s) {
        List<String> bases = new ArrayList<>(s.published());
        Random random = new Random(20240401);
        while (bases.size() < s.published().size() + 300) {
            StringBuilder n = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                n.append(i == s.checkIndex() ? 0 : random.nextInt(10));
            }
            if (s.checkIndex() == 5) { // local government code: a real prefecture
                n.replace(0, 2, String.format("%02d", 1 + random.nextInt(47)));
            }
            n.setCharAt(s.checkIndex(), (char) ('0' + s.checkFor().applyAsInt(s.remainder().applyAsInt(n.toString()))));
            if (s.inScope().test(n.toString())) {
                bases.add(n.toString());
            }
        }
        for (String base : bases) {
            assertTrue(s.valid(base), s + " published example fails the DOMAIN.md formula: " + base);
            assertFalse(s.detected(base), s + " refuses valid " + base);
        }
        Set<Integer> remainders = new HashSet<>();
        bases.forEach(b -> remainders.add(s.remainder().applyAsInt(b)));
        assertEquals(s.modulus(), remainders.size(), "bases must cover every remainder, including the folded ones");
        return bases;
    }

    static List<Mutation> mutations(String n, int checkIndex) {
        List<Mutation> result = new ArrayList<>();
        for (int i = 0; i < n.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != n.charAt(i)) {
                    String m = n.substring(0, i) + d + n.substring(i + 1);
                    result.add(new Mutation(m, i == checkIndex, n + ": digit " + (i + 1) + " -> " + d));
                }
            }
        }
        for (int i = 0; i + 1 < n.length(); i++) {
            if (n.charAt(i) != n.charAt(i + 1)) {
                String m = n.substring(0, i) + n.charAt(i + 1) + n.charAt(i) + n.substring(i + 2);
                result.add(new Mutation(m, i == checkIndex || i + 1 == checkIndex, n + ": swap " + (i + 1) + "/" + (i + 2)));
            }
        }
        return result;
    }

    /**
     * Modulus 11: every change alters the pure checksum (all adjacent weights differ mod 11, the check
     * digit counting with weight 1), so a change can only slip through where the scheme folds two
     * remainders onto one digit (r ≤ 1 → 0; for the local government code r = 0 and r = 10 → 1).
     * Payload-only changes slip through exactly when they move r inside that fold class.
     */
    @ParameterizedTest
    @MethodSource("mod11Schemes")
    void mod11CatchesEverythingExceptChangesWithinTheFold(Scheme s) {
        int undetected = 0;
        int caught = 0;
        for (String base : bases(s)) {
            for (Mutation m : mutations(base, s.checkIndex())) {
                if (!s.inScope().test(m.number())) {
                    assertThrows(DomainException.class, () -> s.parse().apply(m.number()), m.description());
                    continue;
                }
                boolean detected = s.detected(m.number());
                assertEquals(!s.valid(m.number()), detected, s + " disagrees with DOMAIN.md for " + m.description());
                assertNotEquals(s.pureChecksum(base), s.pureChecksum(m.number()), "pure mod 11 misses " + m.description());
                int before = s.remainder().applyAsInt(base);
                int after = s.remainder().applyAsInt(m.number());
                boolean withinFold = before != after && Set.of(before, after).equals(s.foldClass());
                if (!m.touchesCheckDigit()) {
                    assertEquals(!withinFold, detected, m.description() + " r " + before + " -> " + after);
                } else {
                    boolean folded = s.pureChecksum(base) != 0 || s.pureChecksum(m.number()) != 0;
                    assertTrue(detected || folded, "unexplained miss: " + m.description());
                }
                if (detected) {
                    caught++;
                } else {
                    undetected++;
                }
            }
        }
        assertTrue(undetected > 0, "the fold must show up in the analysis");
        assertTrue(undetected * 50 < caught, s + ": " + undetected + " undetected of " + (caught + undetected));
    }

    /**
     * Modulus 9 with weights 1 and 2: a digit change by 9 (0 ↔ 9) changes the sum by 9 or 18 and a
     * swap of adjacent 0 and 9 by ±9, all ≡ 0 mod 9; exactly those payload changes go undetected.
     * The check digit (1–9) itself never accepts a wrong value.
     */
    @Test
    void corporateNumberCatchesEverythingExceptZeroNineExchanges() {
        Scheme s = CORPORATE;
        int undetected = 0;
        for (String base : bases(s)) {
            for (Mutation m : mutations(base, s.checkIndex())) {
                boolean detected = s.detected(m.number());
                assertEquals(!s.valid(m.number()), detected, "disagrees with DOMAIN.md for " + m.description());
                boolean zeroNine = !m.touchesCheckDigit() && IntStream.range(1, 13).allMatch(i ->
                        base.charAt(i) == m.number().charAt(i) || "09".indexOf(base.charAt(i)) >= 0
                                && "09".indexOf(m.number().charAt(i)) >= 0);
                assertEquals(!zeroNine, detected, m.description());
                undetected += detected ? 0 : 1;
            }
        }
        assertTrue(undetected > 0);
        for (int c = 0; c <= 8; c++) {
            assertEquals(9 - c, s.checkFor().applyAsInt(c)); // 1..9: a leading 0 is never valid
        }
        assertTrue(s.detected("0" + "835678256246"));
    }
}
