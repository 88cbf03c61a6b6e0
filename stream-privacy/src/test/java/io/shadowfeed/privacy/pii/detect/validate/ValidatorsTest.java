package io.shadowfeed.privacy.pii.detect.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void cardsNeedLuhnAndAnIssuerRange() {
        assertThat(CreditCardValidator.issuerOf("4111 1111 1111 1111")).isEqualTo(CreditCardValidator.Issuer.VISA);
        assertThat(CreditCardValidator.issuerOf("5555555555554444")).isEqualTo(CreditCardValidator.Issuer.MASTERCARD);
        assertThat(CreditCardValidator.issuerOf("2223003122003222")).isEqualTo(CreditCardValidator.Issuer.MASTERCARD);
        assertThat(CreditCardValidator.issuerOf("378282246310005")).isEqualTo(CreditCardValidator.Issuer.AMEX);
        assertThat(CreditCardValidator.issuerOf("6011111111111117")).isEqualTo(CreditCardValidator.Issuer.DISCOVER);
        assertThat(CreditCardValidator.issuerOf("3530111333300000")).isEqualTo(CreditCardValidator.Issuer.JCB);
        assertThat(CreditCardValidator.issuerOf("30569309025904")).isEqualTo(CreditCardValidator.Issuer.DINERS);
        assertThat(CreditCardValidator.issuerOf("6200000000000005")).isEqualTo(CreditCardValidator.Issuer.UNIONPAY);
        assertThat(CreditCardValidator.isValid("4111 1111 1111 1112")).isFalse();
        assertThat(CreditCardValidator.isValid("1234567812345670")).as("Luhn-valid, no issuer").isFalse();
        assertThat(CreditCardValidator.isValid("3782 822463 1000x")).isFalse();
        assertThat(CreditCardValidator.isValid(null)).isFalse();
    }

    @Test
    void ibansNeedTheCountryLengthAndMod97() {
        assertThat(IbanValidator.isValid("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(IbanValidator.isValid("GB82WEST12345698765432")).isTrue();
        assertThat(IbanValidator.isValid("gb82 west 1234 5698 7654 32")).isTrue();
        assertThat(IbanValidator.isValid("DE89 3704 0044 0532 0130 01")).isFalse();
        assertThat(IbanValidator.isValid("DE89 3704 0044 0532 0130")).isFalse();
        assertThat(IbanValidator.isValid("XX89 3704 0044 0532 0130 00")).isFalse();
    }

    @Test
    void ssnRulesRejectImpossibleAreasGroupsAndSerials() {
        assertThat(UsSsnValidator.isValid("536-22-1234")).isTrue();
        assertThat(UsSsnValidator.isValid("536 22 1234")).isTrue();
        assertThat(UsSsnValidator.isValid("000-22-1234")).isFalse();
        assertThat(UsSsnValidator.isValid("666-22-1234")).isFalse();
        assertThat(UsSsnValidator.isValid("912-22-1234")).isFalse();
        assertThat(UsSsnValidator.isValid("536-00-1234")).isFalse();
        assertThat(UsSsnValidator.isValid("536-22-0000")).isFalse();
        assertThat(UsSsnValidator.isValid("123-45-6789")).isFalse();
        assertThat(UsSsnValidator.isValid("536-22 1234")).isFalse();
    }

    @Test
    void nationalIdsCarryTheirChecks() {
        assertThat(NhsNumberValidator.isValid("943 476 5919")).isTrue();
        assertThat(NhsNumberValidator.isValid("943 476 5918")).isFalse();
        assertThat(SpanishIdValidator.isValid("12345678Z")).isTrue();
        assertThat(SpanishIdValidator.isValid("12345678A")).isFalse();
        assertThat(SpanishIdValidator.isValid("X1234567L")).isTrue();
        assertThat(SpanishIdValidator.isValid("X1234567A")).isFalse();
        assertThat(CodiceFiscaleValidator.isValid("RSSMRA85T10A562S")).isTrue();
        assertThat(CodiceFiscaleValidator.isValid("RSSMRA85T10A562T")).isFalse();
        assertThat(PeselValidator.isValid("44051401359")).isTrue();
        assertThat(PeselValidator.birthDate("44051401359")).isEqualTo(LocalDate.of(1944, 5, 14));
        assertThat(PeselValidator.isValid("44051401358")).isFalse();
        assertThat(PeselValidator.isValid("44133101350")).as("month 13").isFalse();
    }

    @Test
    void walletsCarryRealChecksums() {
        assertThat(CryptoWalletValidator.kindOf("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"))
                .isEqualTo(CryptoWalletValidator.Kind.BITCOIN_BASE58);
        assertThat(CryptoWalletValidator.isValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isFalse();
        assertThat(CryptoWalletValidator.isValid("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")).isTrue();
        assertThat(CryptoWalletValidator.kindOf("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"))
                .isEqualTo(CryptoWalletValidator.Kind.BITCOIN_BECH32);
        assertThat(CryptoWalletValidator.isValid("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp")).isFalse();
        assertThat(CryptoWalletValidator.isValid(
                "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297")).as("taproot, bech32m").isTrue();
        assertThat(CryptoWalletValidator.isValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).as("EIP-55")
                .isTrue();
        assertThat(CryptoWalletValidator.isValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isFalse();
        assertThat(CryptoWalletValidator.isValid("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isTrue();
    }

    @Test
    void networkIdentifiers() {
        assertThat(NetworkValidators.isEmail("luisg@embraer.com.br")).isTrue();
        assertThat(NetworkValidators.isEmail("stanisław.wójcik@wp.pl")).isTrue();
        assertThat(NetworkValidators.isEmail("not an email")).isFalse();
        assertThat(NetworkValidators.isUrl("https://example.com/a?b=c")).isTrue();
        assertThat(NetworkValidators.isUrl("www.example.com")).isTrue();
        assertThat(NetworkValidators.isUrl("report.pdf")).isFalse();
        assertThat(NetworkValidators.isIp("192.168.0.1")).isTrue();
        assertThat(NetworkValidators.isIp("2001:db8::1")).isTrue();
        assertThat(NetworkValidators.isIp("::")).isFalse();
        assertThat(NetworkValidators.isIp("10.0.19045.2965")).isFalse();
        assertThat(MacAddressValidator.isValid("00:1A:2B:3C:4D:5E")).isTrue();
        assertThat(MacAddressValidator.isValid("00:1A-2B:3C:4D:5E")).isFalse();
        assertThat(MacAddressValidator.isValid("001a.2b3c.4d5e")).isTrue();
    }

    @Test
    void postcodesByCountry() {
        assertThat(PostcodeValidator.isValid("H2G 1A7", "CA")).isTrue();
        assertThat(PostcodeValidator.isValid("SW1V 3EN", "GB")).isTrue();
        assertThat(PostcodeValidator.isValid("70174", "DE")).isTrue();
        assertThat(PostcodeValidator.isValid("00-358", "PL")).isTrue();
        assertThat(PostcodeValidator.isValid("12227-000", "BR")).isTrue();
        assertThat(PostcodeValidator.isValid("H-1073", "HU")).isTrue();
        assertThat(PostcodeValidator.isValid("94043-1351", "US")).isTrue();
        assertThat(PostcodeValidator.isValid("94040-111", "US")).isFalse();
        assertThat(PostcodeValidator.isDistinctive("M6J 1V1")).isTrue();
        assertThat(PostcodeValidator.isDistinctive("70174")).as("a bare number is not distinctive").isFalse();
    }

    @Test
    void datesInManyForms() {
        LocalDate d = LocalDate.of(1985, 3, 12);
        assertThat(DateValues.parse("1985-03-12")).isEqualTo(d);
        assertThat(DateValues.parse("1985-03-12 00:00:00")).isEqualTo(d);
        assertThat(DateValues.parse("12.03.1985")).isEqualTo(d);
        assertThat(DateValues.parse("12/03/1985")).isEqualTo(d);
        assertThat(DateValues.parse("03/25/1985")).isEqualTo(LocalDate.of(1985, 3, 25));
        assertThat(DateValues.parse("12 March 1985")).isEqualTo(d);
        assertThat(DateValues.parse("March 12, 1985")).isEqualTo(d);
        assertThat(DateValues.parse("12. März 1985")).isEqualTo(d);
        assertThat(DateValues.parse("12 de marzo de 1985")).isEqualTo(d);
        assertThat(DateValues.parse("31.02.1985")).isNull();
        assertThat(DateValues.parse("1985")).isNull();
    }
}
