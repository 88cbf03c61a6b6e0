package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.pii.fpe.FpeDomainException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static io.shadowfeed.privacy.pii.policy.TestKeys.parse;
import static io.shadowfeed.privacy.pii.policy.TestKeys.parser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptPolicyTest {

    @Test
    void encryptsCardAndPhoneDigitsInPlaceAndDecrypts() {
        EncryptPolicy encrypt = (EncryptPolicy) parse("encrypt");
        assertThat(encrypt.spec()).isEqualTo("encrypt:digits@k1");
        assertThat(encrypt.outputShape()).isEqualTo(OutputShape.SAME_TYPE);
        for (String value : new String[] {"4111 1111 1111 1111", "+49 0711 2842222", "+55 (12) 3923-5555",
                "DE89 3704 0044 0532 0130 00"}) {
            String encrypted = (String) encrypt.apply(value);
            assertThat(encrypted).isNotEqualTo(value).hasSameSizeAs(value);
            for (int i = 0; i < value.length(); i++) {
                assertThat(Character.isDigit(encrypted.charAt(i))).isEqualTo(Character.isDigit(value.charAt(i)));
                if (!Character.isDigit(value.charAt(i))) {
                    assertThat(encrypted.charAt(i)).isEqualTo(value.charAt(i));
                }
            }
            assertThat(encrypt.decrypt(encrypted)).isEqualTo(value);
        }
    }

    @Test
    void roundTripsRandomTextAndIntegersInEveryAlphabet() {
        SplittableRandom random = new SplittableRandom(11);
        String symbols = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -./";
        for (String spec : new String[] {"encrypt:digits", "encrypt:alnum62", "encrypt:alnum62:orders"}) {
            EncryptPolicy policy = (EncryptPolicy) parse(spec);
            for (int i = 0; i < 300; i++) {
                StringBuilder text = new StringBuilder();
                int length = 8 + random.nextInt(40);
                for (int j = 0; j < length; j++) {
                    text.append(symbols.charAt(random.nextInt(symbols.length())));
                }
                String value = text.toString();
                Object encrypted = policy.apply(value);
                if (countIn(value, policy) >= policy.alphabet().minLength()) {
                    assertThat(policy.decrypt(encrypted)).as(spec + " " + value).isEqualTo(value);
                }
                int n = random.nextInt();
                assertThat(policy.decrypt(policy.apply(n))).isEqualTo(n);
                long l = random.nextLong();
                assertThat(policy.decrypt(policy.apply(l))).isEqualTo(l);
            }
        }
        EncryptPolicy alnum = (EncryptPolicy) parse("encrypt:alnum");
        assertThat(alnum.decrypt(alnum.apply("AB12-CD34"))).isEqualTo("ab12-cd34");
    }

    @Test
    void integersStayIntegersOfTheSameSignAndNeverCollide() {
        EncryptPolicy policy = (EncryptPolicy) parse("encrypt");
        Set<Object> seen = new HashSet<>();
        for (int i = -500; i < 5000; i++) {
            Object out = policy.apply(i);
            assertThat(out).isInstanceOf(Integer.class);
            assertThat(Integer.signum((Integer) out) >= 0).isEqualTo(i >= 0);
            assertThat(seen.add(out)).isTrue();
        }
        for (int edge : new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThat(policy.decrypt(policy.apply(edge))).isEqualTo(edge);
        }
        for (long edge : new long[] {0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(policy.decrypt(policy.apply(edge))).isEqualTo(edge);
        }
        assertThat(policy.decrypt(policy.apply(true))).isEqualTo(true);
    }

    @Test
    void shortValuesArePseudonymizedOneWayAndDecryptSaysSo() {
        EncryptPolicy policy = (EncryptPolicy) parse("encrypt");
        String out = (String) policy.apply("12-34");
        assertThat(out).matches("\\d{2}-\\d{2}");
        assertThat(policy.apply("12-34")).isEqualTo(out);
        assertThatThrownBy(() -> policy.decrypt(out))
                .isInstanceOf(FpeDomainException.class)
                .hasMessage("a value with 4 characters of the 'digits' alphabet is below FF1's minimum of 6; "
                        + "encrypt pseudonymized it one-way and it cannot be decrypted");
        assertThat(policy.apply(12.5)).isInstanceOf(Double.class);
        assertThatThrownBy(() -> policy.decrypt(12.5)).isInstanceOf(FpeDomainException.class);
    }

    @Test
    void keyIdAndTweakChangeTheCiphertextAndPinnedIdsDecryptOldData() {
        String card = "4111111111111111";
        Object underK1 = parser("k1").parse("encrypt").apply(card);
        Object underK2 = parser("k2").parse("encrypt").apply(card);
        assertThat(underK1).isNotEqualTo(underK2);
        assertThat(parse("encrypt:digits:t1").apply(card)).isNotEqualTo(underK1);
        EncryptPolicy reader = (EncryptPolicy) parser("k2").parse("encrypt@k1");
        assertThat(reader.decrypt(underK1)).isEqualTo(card);
        assertThat(TestKeys.roundTrip(reader).decrypt(underK1)).isEqualTo(card);
    }

    private static int countIn(String value, EncryptPolicy policy) {
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            if (policy.alphabet().valueOf(value.charAt(i)) >= 0) {
                count++;
            }
        }
        return count;
    }
}
