package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.detect.SpanValidator.Validity;
import io.shadowfeed.privacy.pii.detect.validate.CodiceFiscaleValidator;
import io.shadowfeed.privacy.pii.detect.validate.CreditCardValidator;
import io.shadowfeed.privacy.pii.detect.validate.CryptoWalletValidator;
import io.shadowfeed.privacy.pii.detect.validate.DateValues;
import io.shadowfeed.privacy.pii.detect.validate.IbanValidator;
import io.shadowfeed.privacy.pii.detect.validate.MacAddressValidator;
import io.shadowfeed.privacy.pii.detect.validate.NetworkValidators;
import io.shadowfeed.privacy.pii.detect.validate.NhsNumberValidator;
import io.shadowfeed.privacy.pii.detect.validate.PeselValidator;
import io.shadowfeed.privacy.pii.detect.validate.SpanishIdValidator;
import io.shadowfeed.privacy.pii.detect.validate.UsSsnValidator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The validators a detector configuration can name ({@code "validator": "credit-card"}). */
public final class SpanValidators {

    private static final Map<String, SpanValidator> BY_NAME = Map.ofEntries(
            Map.entry("credit-card", SpanValidator.checksum(CreditCardValidator::isValid)),
            Map.entry("iban", SpanValidator.checksum(IbanValidator::isValid)),
            Map.entry("us-ssn", SpanValidator.rule(UsSsnValidator::isValid)),
            Map.entry("ipv4", SpanValidator.rule(NetworkValidators::isIpv4)),
            Map.entry("ipv6", SpanValidator.rule(NetworkValidators::isIpv6)),
            Map.entry("mac", SpanValidator.rule(MacAddressValidator::isValid)),
            Map.entry("email", SpanValidator.checksum(NetworkValidators::isEmail)),
            Map.entry("url", SpanValidator.checksum(NetworkValidators::isUrl)),
            Map.entry("btc-base58", SpanValidator.checksum(c -> CryptoWalletValidator.isBase58Bitcoin(c.toString()))),
            Map.entry("btc-bech32", SpanValidator.checksum(c -> CryptoWalletValidator.isBech32Bitcoin(c.toString()))),
            Map.entry("eth", SpanValidators::ethereum),
            Map.entry("uk-nhs", SpanValidator.checksum(NhsNumberValidator::isValid)),
            Map.entry("es-nif-nie", SpanValidator.checksum(SpanishIdValidator::isValid)),
            Map.entry("it-codice-fiscale", SpanValidator.checksum(CodiceFiscaleValidator::isValid)),
            Map.entry("pl-pesel", SpanValidator.checksum(PeselValidator::isValid)),
            Map.entry("birth-date", birthDate(Clock.systemUTC())));

    private SpanValidators() {}

    /** The validator registered under {@code name}. */
    public static SpanValidator byName(String name) {
        SpanValidator v = BY_NAME.get(name);
        if (v == null) {
            throw new IllegalArgumentException("validator must be one of " + names() + ". Provided value: " + name);
        }
        return v;
    }

    public static Set<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }

    /** A date that parses and lies between 120 years ago and today on {@code clock}. */
    public static SpanValidator birthDate(Clock clock) {
        return c -> {
            LocalDate d = DateValues.parse(c);
            LocalDate today = LocalDate.now(clock);
            return d != null && !d.isAfter(today) && d.isAfter(today.minusYears(120)) ? Validity.PLAUSIBLE
                    : Validity.INVALID;
        };
    }

    private static Validity ethereum(CharSequence c) {
        String s = c.toString();
        if (!CryptoWalletValidator.isEthereum(s)) {
            return Validity.INVALID;
        }
        String hex = s.substring(2);
        boolean mixed = !hex.equals(hex.toLowerCase(java.util.Locale.ROOT))
                && !hex.equals(hex.toUpperCase(java.util.Locale.ROOT));
        return mixed ? Validity.VALID : Validity.PLAUSIBLE;
    }
}
