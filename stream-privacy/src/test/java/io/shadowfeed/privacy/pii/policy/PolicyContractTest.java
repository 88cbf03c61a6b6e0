package io.shadowfeed.privacy.pii.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every policy promises: total, serializable without keys, true to its declared output shape. */
class PolicyContractTest {

    /** The value types of the job's records (FieldType), for which SAME_TYPE must hold exactly. */
    private static final java.util.Set<Class<?>> CORE_TYPES = java.util.Set.of(String.class, Integer.class,
            Long.class, Float.class, Double.class, Boolean.class, byte[].class, BigDecimal.class);

    static Stream<String> specs() {
        return Stream.of("keep", "drop", "null", "mask", "mask:0", "pseudonymize", "pseudonymize:token:cus_",
                "pseudonymize:digits", "pseudonymize:uuid", "encrypt", "encrypt:alnum", "encrypt:alnum62:t",
                "fake:first_name", "fake:last_name", "fake:full_name", "fake:email", "fake:phone",
                "fake:street_address", "fake:city", "fake:postcode", "fake:country", "fake:company", "fake:iban",
                "fake:credit_card", "fake:date_of_birth", "fake:ssn", "generalize:age5", "generalize:month",
                "generalize:postcode:2", "generalize:bucket:10", "generalize:bucket:10:range");
    }

    static List<Object> hostileValues() {
        List<Object> values = new ArrayList<>(List.of("", " ", "a", "x\uD800y", "\uDC00", "😀🎉👨‍👩‍👧", "שלום עולם",
                "مرحبا 123", "e\u0301\u0301", "\u0000\u001f", "4111 1111 1111 1111", "+49 0711 2842222",
                "2024-03-17", "-", "@@@", "9".repeat(1 << 20), "😀".repeat(1 << 18), 0, -1, 42, Integer.MAX_VALUE,
                Integer.MIN_VALUE, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 4.2, -0.0, Double.NaN,
                Double.POSITIVE_INFINITY, Float.MAX_VALUE, Double.MIN_VALUE, true, false,
                "hé".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, 0, (byte) 0xc3}, new byte[0],
                new BigDecimal("123.456"), LocalDate.of(2024, 3, 17)));
        values.add(null);
        return values;
    }

    @ParameterizedTest
    @MethodSource("specs")
    void isTotalAndKeepsItsShape(String spec) {
        FieldPolicy policy = TestKeys.parse(spec);
        RowContext row = RowContext.of(Map.of("Country", "Germany", "City", "x"), 7);
        for (Object value : hostileValues()) {
            Object out = policy.apply(value);
            Object withRow = policy.apply(value, row);
            if (value == null) {
                assertThat(out).as(spec).isNull();
                continue;
            }
            for (Object result : new Object[] {out, withRow}) {
                switch (policy.outputShape()) {
                    case ALWAYS_NULL, REMOVED -> assertThat(result).as(spec).isNull();
                    case STRING -> assertThat(result).as("%s of %s", spec, value.getClass())
                            .isInstanceOf(String.class);
                    case SAME_TYPE -> {
                        if (CORE_TYPES.contains(value.getClass())) {
                            assertThat(result).as("%s of %s", spec, value.getClass()).isInstanceOf(value.getClass());
                        } else {
                            assertThat(result).as("%s of %s", spec, value.getClass()).isNotNull();
                        }
                    }
                }
            }
            assertThat(policy.apply(value)).as("%s is deterministic", spec).isEqualTo(out);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void shipsWithoutKeysAndStaysEqual(String spec) {
        FieldPolicy policy = TestKeys.parse(spec);
        policy.open();
        policy.apply("warm up: resolves and caches the key");
        byte[] serialized = TestKeys.serialize(policy);
        for (byte[] secret : new byte[][] {TestKeys.K1, TestKeys.K2}) {
            assertThat(TestKeys.leaks(serialized, secret)).as(spec).isFalse();
            assertThat(TestKeys.leaks(policy.toString(), secret)).as(spec).isFalse();
        }
        FieldPolicy shipped = TestKeys.roundTrip(policy);
        assertThat(shipped).isEqualTo(policy);
        assertThat(shipped.hashCode()).isEqualTo(policy.hashCode());
        assertThat(shipped.spec()).isEqualTo(policy.spec());
        assertThat(TestKeys.parse(policy.spec())).as("spec() parses back").isEqualTo(policy);
        Object input = "+49 0711 2842222";
        assertThat(shipped.apply(input)).isEqualTo(policy.apply(input));
    }
}
