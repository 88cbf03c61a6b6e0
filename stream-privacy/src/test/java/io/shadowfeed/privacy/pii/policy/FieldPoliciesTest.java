package io.shadowfeed.privacy.pii.policy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldPoliciesTest {

    @Test
    void parsesEveryKnownPolicy() {
        assertThat(FieldPolicies.parse("keep").outputShape()).isEqualTo(OutputShape.SAME_TYPE);
        assertThat(FieldPolicies.parse("drop").outputShape()).isEqualTo(OutputShape.REMOVED);
        assertThat(FieldPolicies.parse("null").outputShape()).isEqualTo(OutputShape.ALWAYS_NULL);
        assertThat(FieldPolicies.parse("mask").spec()).isEqualTo("mask:4");
        assertThat(FieldPolicies.parse(" mask:2 ").spec()).isEqualTo("mask:2");
    }

    @Test
    void rejectsUnknownPoliciesWithTheListOfKnownOnes() {
        assertThatThrownBy(() -> FieldPolicies.parse("pseudonymise"))
                .isInstanceOf(UnknownPolicyException.class)
                .hasMessage("unknown policy 'pseudonymise'; known: [keep, drop, null, mask, mask:<k>]");
        assertThatThrownBy(() -> FieldPolicies.parse("mask:-1"))
                .hasMessage("mask:<k> needs a non-negative integer k. Provided value: mask:-1");
        assertThatThrownBy(() -> FieldPolicies.parse("keep:3"))
                .hasMessage("policy 'keep' takes no argument. Provided value: keep:3");
        assertThatThrownBy(() -> FieldPolicies.parse("")).isInstanceOf(UnknownPolicyException.class);
    }

    @Test
    void maskKeepsFormatAndTheLastCharacters() {
        FieldPolicy mask = FieldPolicies.mask(4);
        assertThat(mask.apply("+49 0711 2842222")).isEqualTo("+** **** ***2222");
        assertThat(mask.apply("luisg@embraer.com.br")).isEqualTo("*****@*******.*om.br");
        assertThat(mask.apply("abc")).isEqualTo("abc");
        assertThat(FieldPolicies.mask(0).apply("Köhler")).isEqualTo("******");
        assertThat(mask.apply(4111111111111111L)).isEqualTo("************1111");
        assertThat(mask.apply("AB12".getBytes(StandardCharsets.UTF_8))).isEqualTo("AB12");
    }

    @Test
    void maskIsTotalOnHostileText() {
        FieldPolicy mask = FieldPolicies.mask(1);
        assertThat(mask.apply(null)).isNull();
        assertThat(mask.apply("")).isEqualTo("");
        // emoji (surrogate pair) and an unpaired surrogate are single symbols, never split
        assertThat(mask.apply("a😀b")).isEqualTo("**b");
        assertThat(mask.apply("x\uD800y")).isEqualTo("**y");
        // right-to-left Hebrew and mixed scripts
        assertThat(mask.apply("שלום-Ω1")).isEqualTo("****-*1");
        String big = "9".repeat(1 << 20);
        assertThat((String) mask.apply(big)).hasSize(1 << 20).endsWith("*9").doesNotContain("99");
    }

    @Test
    void keepDropAndNullDoWhatTheySay() {
        assertThat(FieldPolicies.keep().apply("x")).isEqualTo("x");
        assertThat(FieldPolicies.drop().apply("x")).isNull();
        assertThat(FieldPolicies.nullify().apply(42)).isNull();
    }
}
