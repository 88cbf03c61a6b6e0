package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.keys.KeyReference;
import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.fpe.FpeAlphabet;

import java.math.BigDecimal;
import java.util.List;

/** Parses the policy names of a pipeline spec, and builds policies in code. */
public final class FieldPolicies {

    /** The default number of trailing characters {@code mask} keeps, as card and phone masks usually do. */
    public static final int DEFAULT_MASK_KEEP_LAST = 4;

    /** Policy names that pipeline specs may use; keyed ones (pseudonymize, encrypt, fake) take {@code @<key-id>}. */
    public static final List<String> KNOWN = List.of("keep", "drop", "null", "mask", "mask:<k>",
            "pseudonymize[:token[:<prefix>]|:digits|:uuid]", "encrypt[:digits|:alnum|:alnum62][:<tweak>]",
            "fake:<kind>[:<locale>]", "generalize:age<k>", "generalize:month", "generalize:postcode:<n>",
            "generalize:bucket:<width>[:range]", "redact");

    private static final class DefaultParser {
        static final PolicyParser INSTANCE = PolicyParser.defaults();
    }

    private FieldPolicies() {}

    public static FieldPolicy keep() {
        return KeepPolicy.INSTANCE;
    }

    public static FieldPolicy drop() {
        return DropPolicy.INSTANCE;
    }

    public static FieldPolicy nullify() {
        return NullPolicy.INSTANCE;
    }

    /** Replaces the PII spans of free text with {@code <TYPE>} tags. */
    public static FieldPolicy redact() {
        return RedactPolicy.INSTANCE;
    }

    public static FieldPolicy mask(int keepLast) {
        return new MaskPolicy(keepLast);
    }

    public static PseudonymizePolicy pseudonymize(PseudonymizePolicy.Format format, KeyReference key) {
        return new PseudonymizePolicy(format, "", key);
    }

    /** A token pseudonym with a prefix such as {@code cus_}. */
    public static PseudonymizePolicy pseudonymizeToken(String prefix, KeyReference key) {
        return new PseudonymizePolicy(PseudonymizePolicy.Format.TOKEN, prefix, key);
    }

    public static EncryptPolicy encrypt(FpeAlphabet alphabet, String tweak, KeyReference key) {
        return new EncryptPolicy(alphabet, tweak, key);
    }

    /** @param defaultLocale country name, ISO code or locale tag for rows without one; null: the USA */
    public static FakePolicy fake(FakeKind kind, String defaultLocale, KeyReference key) {
        return new FakePolicy(kind, defaultLocale, key);
    }

    public static FieldPolicy ageBand(int width) {
        return new AgeBandPolicy(width);
    }

    public static FieldPolicy month() {
        return MonthPolicy.INSTANCE;
    }

    public static FieldPolicy postcodePrefix(int keepFirst) {
        return new PostcodePrefixPolicy(keepFirst);
    }

    public static FieldPolicy bucket(BigDecimal width, boolean range) {
        return new BucketPolicy(width, range);
    }

    /**
     * Parses with {@link PolicyParser#defaults()}: keyed policies take their keys from {@code SHADOWFEED_KEYS_FILE}
     * or {@code SHADOWFEED_KEYS} where they run. Jobs should use a {@link PolicyParser} with a pinned key id.
     *
     * @param spec such as {@code keep}, {@code mask:2}, {@code pseudonymize:digits}, {@code fake:email}
     * @throws UnknownPolicyException with a message that lists what is known
     */
    public static FieldPolicy parse(String spec) {
        return DefaultParser.INSTANCE.parse(spec);
    }

    /** A parser with its own key source and key id. */
    public static PolicyParser.Builder parser() {
        return PolicyParser.builder();
    }

    /**
     * The spec an {@code auto} field of a detected type gets: fakes for what has a realistic fake, a keyed pseudonym
     * for identifiers, a mask for network identifiers, drop for free text (span replacement is the detector's job).
     */
    public static String defaultSpecFor(PiiType type) {
        return switch (type) {
            case EMAIL -> "fake:email";
            case PHONE -> "fake:phone";
            case CREDIT_CARD -> "fake:credit_card";
            case IBAN -> "fake:iban";
            case US_SSN -> "fake:ssn";
            case DATE_OF_BIRTH -> "fake:date_of_birth";
            case PERSON_NAME -> "fake:full_name";
            case FIRST_NAME -> "fake:first_name";
            case LAST_NAME -> "fake:last_name";
            case STREET_ADDRESS -> "fake:street_address";
            case POSTCODE -> "fake:postcode";
            case CITY -> "fake:city";
            case COMPANY -> "fake:company";
            case NATIONAL_ID, CRYPTO_WALLET -> "pseudonymize:token";
            case IP_ADDRESS, MAC_ADDRESS, URL -> "mask:0";
            case FREE_TEXT -> "redact";
            case NONE -> "keep";
            // a type added later: the safe choice until it gets its own default
            default -> "drop";
        };
    }
}
