package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.keys.KeyProviders;
import io.shadowfeed.privacy.keys.KeyRing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pseudonyms, ciphertexts and fakes are persisted in effect: topics written yesterday join with topics written today
 * only if the same input and key id give the same output after a restart, in another JVM, on another machine. These
 * golden values pin that. A change here breaks every existing anonymized dataset: it needs a new subkey label
 * ({@code .../v2}) and a migration note, never an edit of the expected values. (Fakes also depend on the datafaker and
 * libphonenumber versions: upgrading them changes fakes and must be treated the same way.)
 */
class PolicyCompatibilityTest {

    private static final PolicyParser GOLDEN = FieldPolicies.parser()
            .keys(KeyProviders.inMemory(KeyRing.single("golden", key())))
            .keyId("golden")
            .build();

    @Test
    void pseudonymsAndCiphertextsAreStable() {
        assertThat(GOLDEN.parse("pseudonymize").apply("leonekohler@surfeu.de"))
                .isEqualTo("gtbnzvrfozar46c753ysmct2ze");
        assertThat(GOLDEN.parse("pseudonymize:digits").apply(4711L)).isEqualTo(6529L);
        assertThat(GOLDEN.parse("pseudonymize:digits").apply("+49 0711 2842222")).isEqualTo("+26 9535 2699199");
        assertThat(GOLDEN.parse("pseudonymize:uuid").apply(2)).isEqualTo("a172b7b7-b733-8d97-80f9-201154b138f2");
        assertThat(GOLDEN.parse("encrypt").apply("4111 1111 1111 1111")).isEqualTo("3562 9792 0239 3259");
        assertThat(GOLDEN.parse("encrypt").apply(2)).isEqualTo(920332747);
    }

    @Test
    void fakesAreStable() {
        RowLayout layout = RowLayout.builder(List.of("CustomerId", "Country")).entityScope("customer").build();
        RowContext row = RowContext.of(layout, new Object[] {2, "Germany"}, 2);
        String phone = "+49 0711 2842222";
        assertThat(GOLDEN.parse("fake:full_name").apply(phone, row)).isEqualTo("Mia Götz");
        assertThat(GOLDEN.parse("fake:email").apply(phone, row)).isEqualTo("mia.gotz98@example.net");
        assertThat(GOLDEN.parse("fake:phone").apply(phone, row)).isEqualTo("+49 1596 8501702");
        assertThat(GOLDEN.parse("fake:city").apply(phone, row)).isEqualTo("Ost Jacobbrunn");
        assertThat(GOLDEN.parse("fake:postcode").apply(phone, row)).isEqualTo("68133");
        assertThat(GOLDEN.parse("fake:street_address").apply(phone, row)).isEqualTo("Poststr. 98b");
        assertThat(GOLDEN.parse("fake:first_name").apply("Leonie")).isEqualTo("Genevie");
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }
}
