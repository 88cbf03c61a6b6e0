package io.shadowfeed.privacy.pii.fpe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ff1Test {

    private static final String KEY_128 = "2B7E151628AED2A6ABF7158809CF4F3C";
    private static final String KEY_192 = KEY_128 + "EF4359D8D580AA4F";
    private static final String KEY_256 = KEY_192 + "7F036D6F04FC6A94";

    /**
     * The nine FF1 samples NIST publishes with SP 800-38G: "FF1samples.pdf", Cryptographic Standards and Guidelines,
     * Examples with Intermediate Values, https://csrc.nist.gov/CSRC/media/Projects/
     * Cryptographic-Standards-and-Guidelines/documents/examples/FF1samples.pdf
     * (also used by Bouncy Castle's SP80038GTest). Radix 36 uses the alphabet 0-9a-z.
     */
    @ParameterizedTest(name = "NIST FF1 sample {0}")
    @CsvSource({
            "1, " + KEY_128 + ", 10, '', 0123456789, 2433477484",
            "2, " + KEY_128 + ", 10, 39383736353433323130, 0123456789, 6124200773",
            "3, " + KEY_128 + ", 36, 3737373770717273373737, 0123456789abcdefghi, a9tv40mll9kdu509eum",
            "4, " + KEY_192 + ", 10, '', 0123456789, 2830668132",
            "5, " + KEY_192 + ", 10, 39383736353433323130, 0123456789, 2496655549",
            "6, " + KEY_192 + ", 36, 3737373770717273373737, 0123456789abcdefghi, xbj3kv35jrawxv32ysr",
            "7, " + KEY_256 + ", 10, '', 0123456789, 6657667009",
            "8, " + KEY_256 + ", 10, 39383736353433323130, 0123456789, 1001623463",
            "9, " + KEY_256 + ", 36, 3737373770717273373737, 0123456789abcdefghi, xs8a0azh2avyalyzuwd",
    })
    void passesNistSamples(int sample, String keyHex, int radix, String tweakHex, String plaintext,
            String ciphertext) {
        Ff1 ff1 = Ff1.withKey(HexFormat.of().parseHex(keyHex));
        byte[] tweak = HexFormat.of().parseHex(tweakHex);
        FpeAlphabet alphabet = radix == 10 ? FpeAlphabet.DIGITS : FpeAlphabet.ALNUM;

        assertThat(toText(ff1.encrypt(toNumerals(plaintext, alphabet), radix, tweak), alphabet))
                .as("sample %d encrypt", sample).isEqualTo(ciphertext);
        assertThat(toText(ff1.decrypt(toNumerals(ciphertext, alphabet), radix, tweak), alphabet))
                .as("sample %d decrypt", sample).isEqualTo(plaintext);
        FpeText text = new FpeText(ff1, alphabet, tweak);
        assertThat(text.encrypt(plaintext)).isEqualTo(ciphertext);
        assertThat(text.decrypt(ciphertext)).isEqualTo(plaintext);
    }

    @Test
    void roundTripsRandomInputsInEveryRadixAndBothArithmeticPaths() {
        SplittableRandom random = new SplittableRandom(7);
        for (int radix : new int[] {2, 10, 26, 36, 62, 256, 65536}) {
            for (int trial = 0; trial < 60; trial++) {
                byte[] key = new byte[new int[] {16, 24, 32}[trial % 3]];
                random.nextBytes(key);
                Ff1 ff1 = Ff1.withKey(key);
                int length = Ff1.minLength(radix) + random.nextInt(trial % 5 == 0 ? 200 : 30);
                int[] plain = new int[length];
                for (int i = 0; i < length; i++) {
                    plain[i] = random.nextInt(radix);
                }
                byte[] tweak = new byte[random.nextInt(20)];
                random.nextBytes(tweak);
                int[] cipher = ff1.encrypt(plain, radix, tweak);
                assertThat(cipher).hasSize(length);
                assertThat(java.util.Arrays.stream(cipher).allMatch(d -> d >= 0 && d < radix)).isTrue();
                assertThat(ff1.decrypt(cipher, radix, tweak)).as("radix %d length %d", radix, length)
                        .isEqualTo(plain);
            }
        }
    }

    @Test
    void isAPermutationOnASmallDomain() {
        // radix 10, 6 digits: the smallest domain NIST allows; check that no two of 20,000 inputs collide
        Ff1 ff1 = Ff1.withKey(new byte[16]);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int x = 0; x < 20_000; x++) {
            int[] numerals = new int[6];
            for (int i = 5, v = x; i >= 0; i--, v /= 10) {
                numerals[i] = v % 10;
            }
            assertThat(seen.add(java.util.Arrays.toString(ff1.encrypt(numerals, 10, new byte[0])))).isTrue();
        }
    }

    @Test
    void refusesDomainsBelowOneMillionAndBadNumerals() {
        Ff1 ff1 = Ff1.withKey(new byte[16]);
        assertThat(Ff1.minLength(10)).isEqualTo(6);
        assertThat(Ff1.minLength(36)).isEqualTo(4);
        assertThat(Ff1.minLength(62)).isEqualTo(4);
        assertThat(Ff1.minLength(2)).isEqualTo(20);
        assertThatThrownBy(() -> ff1.encrypt(new int[5], 10, new byte[0]))
                .isInstanceOf(FpeDomainException.class)
                .hasMessage("FF1 needs radix^length >= 1000000 (NIST SP 800-38G): at radix 10 at least 6 numerals. "
                        + "Provided length: 5");
        assertThatThrownBy(() -> ff1.encrypt(new int[] {1, 2, 3, 4, 5, 10}, 10, new byte[0]))
                .isInstanceOf(FpeDomainException.class).hasMessage("numeral 10 is outside [0, 10)");
        assertThatThrownBy(() -> ff1.encrypt(new int[10], 1, new byte[0]))
                .hasMessage("radix must be in [2, 65536]. Provided value: 1");
        assertThatThrownBy(() -> Ff1.withKey(new byte[15]))
                .hasMessage("aesKey must be 16, 24 or 32 bytes. Provided length: 15");
    }

    @Test
    void textKeepsSeparatorsAndChunksLongInputs() {
        FpeText text = new FpeText(Ff1.withKey(new byte[32]), FpeAlphabet.DIGITS, new byte[0]);
        String card = "4111-1111-1111-1111";
        String encrypted = text.encrypt(card);
        assertThat(encrypted).matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}").isNotEqualTo(card);
        assertThat(text.decrypt(encrypted)).isEqualTo(card);

        String longDigits = "0123456789".repeat(1000);
        String longEncrypted = text.encrypt(longDigits);
        assertThat(longEncrypted).hasSize(longDigits.length()).matches("\\d+");
        assertThat(text.decrypt(longEncrypted)).isEqualTo(longDigits);

        FpeText alnum = new FpeText(Ff1.withKey(new byte[32]), FpeAlphabet.ALNUM, new byte[0]);
        assertThat(alnum.decrypt(alnum.encrypt("AB-12cd"))).isEqualTo("ab-12cd");
        FpeText cased = new FpeText(Ff1.withKey(new byte[32]), FpeAlphabet.ALNUM_CASED, new byte[0]);
        assertThat(cased.decrypt(cased.encrypt("AB-12cd"))).isEqualTo("AB-12cd");
        assertThat(text.isEncryptable("12-345")).isFalse();
        assertThatThrownBy(() -> text.encrypt("12-345")).isInstanceOf(FpeDomainException.class);
    }

    private static int[] toNumerals(String text, FpeAlphabet alphabet) {
        return text.chars().map(c -> alphabet.valueOf((char) c)).toArray();
    }

    private static String toText(int[] numerals, FpeAlphabet alphabet) {
        StringBuilder out = new StringBuilder();
        for (int numeral : numerals) {
            out.append(alphabet.symbol(numeral));
        }
        return out.toString();
    }
}
