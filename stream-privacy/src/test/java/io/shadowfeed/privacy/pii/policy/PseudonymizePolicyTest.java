package io.shadowfeed.privacy.pii.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.shadowfeed.privacy.pii.policy.TestKeys.parse;
import static io.shadowfeed.privacy.pii.policy.TestKeys.parser;
import static org.assertj.core.api.Assertions.assertThat;

class PseudonymizePolicyTest {

    @Test
    void formatsHaveTheirShapes() {
        assertThat((String) parse("pseudonymize").apply("alice@example.com")).matches("[a-z2-7]{26}");
        assertThat((String) parse("pseudonymize:token:cus_").apply(42)).matches("cus_[a-z2-7]{26}");
        assertThat((String) parse("pseudonymize:uuid").apply("alice"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(parse("pseudonymize:token").outputShape()).isEqualTo(OutputShape.STRING);
        assertThat(parse("pseudonymize:uuid").outputShape()).isEqualTo(OutputShape.STRING);
        assertThat(parse("pseudonymize:digits").outputShape()).isEqualTo(OutputShape.SAME_TYPE);
    }

    @Test
    void isDeterministicAcrossInstancesSerializationAndThreads() throws Exception {
        FieldPolicy policy = parse("pseudonymize:digits");
        FieldPolicy other = parser("k1").parse("pseudonymize:digits");
        FieldPolicy shipped = TestKeys.roundTrip(policy);
        assertThat(other).isEqualTo(policy);
        assertThat(shipped).isEqualTo(policy);
        List<Object> inputs = List.of("+49 0711 2842222", 4711, 4711L, "DE89 3704 0044 0532 0130 00", -12);
        for (Object input : inputs) {
            assertThat(other.apply(input)).isEqualTo(policy.apply(input));
            assertThat(shipped.apply(input)).isEqualTo(policy.apply(input));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Object input = inputs.get(i % inputs.size());
                results.add(pool.submit(() -> shipped.apply(input)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(policy.apply(inputs.get(i % inputs.size())));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void keyIdsSeparateAndTypesJoin() {
        FieldPolicy k1 = parser("k1").parse("pseudonymize");
        FieldPolicy k2 = parser("k2").parse("pseudonymize");
        assertThat(k1.apply("alice")).isNotEqualTo(k2.apply("alice"));
        assertThat(k1).isNotEqualTo(k2);
        assertThat(parser("k2").parse("pseudonymize@k1")).isEqualTo(k1);
        assertThat(k1.spec()).isEqualTo("pseudonymize:token@k1");
        // an id stored as int in one topic and as text in another stays joinable
        assertThat(k1.apply(42)).isEqualTo(k1.apply(42L)).isEqualTo(k1.apply("42"));
        FieldPolicy digits = parse("pseudonymize:digits");
        assertThat(digits.apply("4711")).isEqualTo(String.valueOf(digits.apply(4711)));
        assertThat(digits.apply("-4711")).isEqualTo(String.valueOf(digits.apply(-4711L)));
        // formats are separate domains: token and uuid of one value share no bytes
        assertThat(parse("pseudonymize:uuid").apply("x").toString().substring(0, 8))
                .isNotEqualTo(firstFourBytesHex((String) parse("pseudonymize").apply("x")));
    }

    @Test
    void digitsKeepTypeLayoutAndDigitCount() {
        FieldPolicy digits = parse("pseudonymize:digits");
        assertThat((String) digits.apply("+49 0711 2842222")).matches("\\+\\d{2} \\d{4} \\d{7}");
        assertThat((String) digits.apply("0171")).matches("\\d{4}");
        assertThat((String) digits.apply("AB-12")).matches("[1-9]\\d-\\d{2}");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            int value = random.nextInt(Integer.MAX_VALUE);
            Object out = digits.apply(value);
            assertThat(out).isInstanceOf(Integer.class);
            assertThat(String.valueOf(out)).hasSameSizeAs(String.valueOf(value));
            long longValue = random.nextLong();
            Object longOut = digits.apply(longValue);
            assertThat(longOut).isInstanceOf(Long.class);
            assertThat(Long.signum((Long) longOut)).isEqualTo(Long.signum(longValue));
            assertThat(Long.toString(Math.abs((Long) longOut)).length())
                    .isEqualTo(Long.toString(longValue).replace("-", "").length());
        }
        for (int edge : new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 9, 1_000_000_000}) {
            assertThat(digits.apply(edge)).isInstanceOf(Integer.class);
        }
        assertThat((Long) digits.apply(Long.MIN_VALUE)).isNegative();
        assertThat((Long) digits.apply(Long.MAX_VALUE)).isGreaterThanOrEqualTo(1_000_000_000_000_000_000L);
        assertThat(digits.apply(true)).isInstanceOf(Boolean.class);
        assertThat(digits.apply(12.5)).isInstanceOf(Double.class);
        assertThat(digits.apply(new BigDecimal("123.45"))).isInstanceOf(BigDecimal.class);
        assertThat(digits.apply(Double.NaN)).isEqualTo(Double.NaN);
        assertThat(digits.apply("12".getBytes())).isInstanceOf(byte[].class);
    }

    /**
     * Every digit position of 8-digit pseudonyms is uniform: chi-squared over 10 cells (9 for the leading digit)
     * stays under the 0.999 quantile (27.88 for 9 degrees of freedom, 26.12 for 8) with a fixed input sequence.
     */
    @Test
    void digitsAreUniformByChiSquared() {
        FieldPolicy digits = parse("pseudonymize:digits");
        int samples = 20_000;
        int[][] counts = new int[8][10];
        for (int i = 0; i < samples; i++) {
            String out = (String) digits.apply(String.valueOf(10_000_000 + i));
            for (int p = 0; p < 8; p++) {
                counts[p][out.charAt(p) - '0']++;
            }
        }
        assertThat(counts[0][0]).isZero();
        assertThat(chiSquared(counts[0], 1, samples)).isLessThan(26.12);
        for (int p = 1; p < 8; p++) {
            assertThat(chiSquared(counts[p], 0, samples)).as("position %d", p).isLessThan(27.88);
        }
        // whole-range uniformity of 10-digit ints mapped into [1e9, Integer.MAX_VALUE]: 10 equal-width cells
        int[] cells = new int[10];
        for (int i = 0; i < samples; i++) {
            int out = (Integer) digits.apply(1_500_000_000 + i);
            cells[(int) ((out - 1_000_000_000L) * 10 / (Integer.MAX_VALUE - 1_000_000_000L + 1))]++;
        }
        assertThat(chiSquared(cells, 0, samples)).isLessThan(27.88);
    }

    @Test
    void tokensDoNotCollideOnManyInputs() {
        FieldPolicy token = parse("pseudonymize");
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            assertThat(seen.add(token.apply("user-" + i))).isTrue();
        }
    }

    private static double chiSquared(int[] counts, int from, int samples) {
        int cells = counts.length - from;
        double expected = (double) samples / cells;
        double sum = 0;
        for (int i = from; i < counts.length; i++) {
            sum += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        return sum;
    }

    /** The first 4 bytes a base32 token encodes, as hex (the first 7 characters carry 35 bits). */
    private static String firstFourBytesHex(String token) {
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 5) | "abcdefghijklmnopqrstuvwxyz234567".indexOf(token.charAt(i));
        }
        return String.format("%08x", bits >>> 3);
    }
}
