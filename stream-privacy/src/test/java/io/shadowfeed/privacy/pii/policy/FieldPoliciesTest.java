package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.keys.KeyConfigurationException;
import io.shadowfeed.privacy.pii.PiiType;
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
                .hasMessage("unknown policy 'pseudonymise'; known: [keep, drop, null, mask, mask:<k>, "
                        + "pseudonymize[:token[:<prefix>]|:digits|:uuid], encrypt[:digits|:alnum|:alnum62][:<tweak>], "
                        + "fake:<kind>[:<locale>], generalize:age<k>, generalize:month, generalize:postcode:<n>, "
                        + "generalize:bucket:<width>[:range], redact]");
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

    @Test
    void parsesEveryPolicyNameToItsCanonicalSpec() {
        PolicyParser parser = TestKeys.parser("k1");
        String[][] cases = {
                {"pseudonymize", "pseudonymize:token@k1"},
                {"pseudonymize:token:cus_", "pseudonymize:token:cus_@k1"},
                {"pseudonymize:digits@k2", "pseudonymize:digits@k2"},
                {"pseudonymize:uuid", "pseudonymize:uuid@k1"},
                {"encrypt", "encrypt:digits@k1"},
                {"encrypt:alnum62:orders", "encrypt:alnum62:orders@k1"},
                {"fake:email", "fake:email@k1"},
                {"fake:phone:pt-BR", "fake:phone:pt-BR@k1"},
                {"generalize:age5", "generalize:age5"},
                {"generalize:month", "generalize:month"},
                {"generalize:postcode:2", "generalize:postcode:2"},
                {"generalize:bucket:10", "generalize:bucket:10"},
                {"generalize:bucket:0.50:range", "generalize:bucket:0.5:range"},
        };
        for (String[] c : cases) {
            assertThat(parser.parse(c[0]).spec()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(FieldPolicies.parse("pseudonymize:digits").spec()).isEqualTo("pseudonymize:digits");
        assertThat(parser.parse("fake:email").usesRowContext()).isTrue();
        assertThat(parser.parse("pseudonymize").usesRowContext()).isFalse();
    }

    @Test
    void explainsWhatIsWrongWithAKeyedOrGeneralizingSpec() {
        assertThatThrownBy(() -> FieldPolicies.parse("pseudonymize:hash"))
                .isInstanceOf(UnknownPolicyException.class)
                .hasMessage("unknown pseudonym format 'hash'; known: [token, digits, uuid] (in policy "
                        + "'pseudonymize:hash')");
        assertThatThrownBy(() -> FieldPolicies.parse("fake"))
                .hasMessage("fake needs a kind: fake:<kind>[:<locale>] with kind one of [first_name, last_name, "
                        + "full_name, email, phone, street_address, city, postcode, country, company, iban, "
                        + "credit_card, date_of_birth, ssn]. Provided value: fake");
        assertThatThrownBy(() -> FieldPolicies.parse("fake:name"))
                .hasMessageStartingWith("unknown fake kind 'name'; known: [first_name,");
        assertThatThrownBy(() -> FieldPolicies.parse("fake:city:Atlantis"))
                .hasMessageStartingWith("fake:city: unknown locale 'Atlantis'; use a country name, ISO code or "
                        + "locale tag of: [US (en-US), BR (pt-BR), DE (de-DE),");
        assertThatThrownBy(() -> FieldPolicies.parse("encrypt:base64"))
                .hasMessage("unknown alphabet 'base64'; known: [digits, alnum, alnum62] (in policy "
                        + "'encrypt:base64')");
        assertThatThrownBy(() -> FieldPolicies.parse("mask@k1"))
                .hasMessage("policy 'mask' takes no key id; only pseudonymize, encrypt and fake do. Provided value: "
                        + "mask@k1");
        assertThatThrownBy(() -> FieldPolicies.parse("pseudonymize@bad id"))
                .hasMessage("key id after '@' must be 1 to 64 characters of [A-Za-z0-9._-]. Provided value: "
                        + "pseudonymize@bad id");
        assertThatThrownBy(() -> FieldPolicies.parse("generalize:decade"))
                .hasMessage("generalize needs a rule: age<k>, month, postcode:<n> or bucket:<width>[:range]. "
                        + "Provided value: generalize:decade");
        assertThatThrownBy(() -> FieldPolicies.parse("generalize:bucket:-5"))
                .hasMessage("bucket width must be > 0. Provided value: -5 (in policy 'generalize:bucket:-5')");
        assertThatThrownBy(() -> FieldPolicies.parse("generalize:age0"))
                .hasMessage("age band width must be in [1, 90]. Provided value: 0 (in policy 'generalize:age0')");
        assertThatThrownBy(() -> FieldPolicies.parse("pseudonymize:digits:x"))
                .hasMessageStartingWith("a pseudonym prefix must be 1 to 16 characters of [A-Za-z0-9_.-] and is "
                        + "only allowed for tokens.");
    }

    @Test
    void parsingReadsNoKeysAndOpenSaysHowToConfigureThem() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SHADOWFEED_KEYS") == null
                && System.getenv("SHADOWFEED_KEYS_FILE") == null);
        FieldPolicy policy = FieldPolicies.parse("pseudonymize");
        assertThatThrownBy(policy::open)
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageStartingWith("no keys configured: set SHADOWFEED_KEYS_FILE");
        assertThat(policy.apply(null)).isNull();
    }

    @Test
    void everyPiiTypeHasADefaultPolicyThatParses() {
        for (PiiType type : PiiType.values()) {
            assertThat(TestKeys.parse(FieldPolicies.defaultSpecFor(type))).as(type.name()).isNotNull();
        }
        assertThat(FieldPolicies.defaultSpecFor(PiiType.EMAIL)).isEqualTo("fake:email");
        assertThat(FieldPolicies.defaultSpecFor(PiiType.NONE)).isEqualTo("keep");
    }

    @Test
    void aTokenPrefixNamesAKeySpace() {
        var keys = io.shadowfeed.privacy.keys.KeyProviders.inMemory(
                io.shadowfeed.privacy.keys.KeyRing.single("k1", new byte[32]));
        PolicyParser parser = PolicyParser.builder().keys(keys).keyId("k1").build();
        Object customer = parser.parse("pseudonymize:token:customer-").apply(1);
        Object invoice = parser.parse("pseudonymize:token:invoice-").apply(1);
        Object plain = parser.parse("pseudonymize:token").apply(1);
        assertThat(customer.toString()).startsWith("customer-");
        assertThat(customer.toString().substring(9)).isNotEqualTo(invoice.toString().substring(8))
                .isNotEqualTo(plain);
        assertThat(parser.parse("pseudonymize:token:customer-").apply(1)).isEqualTo(customer);
    }

    @Test
    void redactReplacesOnlyTheSpans() {
        FieldPolicy redact = FieldPolicies.parse("redact");
        assertThat(redact.outputShape()).isEqualTo(OutputShape.STRING);
        assertThat(redact.apply("write to jane.doe@example.org about order 1234"))
                .isEqualTo("write to <EMAIL> about order 1234");
        assertThat(redact.apply(null)).isNull();
    }
}
