package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.keys.KeyIds;
import io.shadowfeed.privacy.keys.KeyProvider;
import io.shadowfeed.privacy.keys.KeyProviders;
import io.shadowfeed.privacy.keys.KeyReference;
import io.shadowfeed.privacy.pii.fpe.FpeAlphabet;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the policy names of a pipeline spec into policies, with the key source and key id that keyed policies
 * ({@code pseudonymize}, {@code encrypt}, {@code fake}) use. Parsing never reads keys: keyed policies resolve them
 * where they run ({@link FieldPolicy#open()}).
 *
 * <p>Grammar ({@code @<key-id>} only on keyed policies; it overrides the parser's key id for that field, e.g. to
 * read data written under an older key):
 * <pre>
 * keep | drop | null | mask[:k]
 * pseudonymize[:token[:prefix] | :digits | :uuid][@key-id]
 * encrypt[:digits | :alnum | :alnum62][:tweak][@key-id]
 * fake:kind[:locale][@key-id]
 * generalize:age&lt;k&gt; | generalize:month | generalize:postcode:&lt;n&gt; | generalize:bucket:&lt;width&gt;[:range]
 * </pre>
 * Immutable and thread-safe.
 */
public final class PolicyParser {

    private static final Pattern AGE = Pattern.compile("age(\\d{1,2})");

    private final KeyProvider keys;
    private final String keyId;

    private PolicyParser(KeyProvider keys, String keyId) {
        this.keys = keys;
        this.keyId = keyId;
    }

    /**
     * Keys from {@code SHADOWFEED_KEYS_FILE} or {@code SHADOWFEED_KEYS} ({@link KeyProviders#auto()}), resolved on
     * the side that applies the policies, with the active key id as the source marks it there.
     */
    public static PolicyParser defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public KeyProvider keys() {
        return keys;
    }

    /** The key id keyed policies use unless a spec names one; null: the source's active id. */
    public String keyId() {
        return keyId;
    }

    /**
     * @throws UnknownPolicyException naming the spec, what is wrong and what is known
     */
    public FieldPolicy parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new UnknownPolicyException("policy must not be empty; known: " + FieldPolicies.KNOWN);
        }
        String name = spec.strip();
        String fieldKeyId = null;
        int at = name.lastIndexOf('@');
        if (at >= 0) {
            fieldKeyId = name.substring(at + 1);
            name = name.substring(0, at);
            if (!KeyIds.isValid(fieldKeyId)) {
                throw new UnknownPolicyException("key id after '@' must be 1 to 64 characters of [A-Za-z0-9._-]. "
                        + "Provided value: " + spec);
            }
        }
        int colon = name.indexOf(':');
        String kind = colon < 0 ? name : name.substring(0, colon);
        String argument = colon < 0 ? null : name.substring(colon + 1);
        if (fieldKeyId != null && !isKeyed(kind)) {
            throw new UnknownPolicyException("policy '" + kind + "' takes no key id; only pseudonymize, encrypt and "
                    + "fake do. Provided value: " + spec);
        }
        try {
            return switch (kind) {
                case "keep", "drop", "null" -> {
                    if (argument != null) {
                        throw new UnknownPolicyException("policy '" + kind + "' takes no argument. Provided value: "
                                + spec);
                    }
                    yield kind.equals("keep") ? FieldPolicies.keep()
                            : kind.equals("drop") ? FieldPolicies.drop() : FieldPolicies.nullify();
                }
                case "mask" -> mask(argument, spec);
                case "redact" -> {
                    if (argument != null) {
                        throw new UnknownPolicyException("policy 'redact' takes no argument. Provided value: " + spec);
                    }
                    yield FieldPolicies.redact();
                }
                case "pseudonymize" -> pseudonymize(argument, key(fieldKeyId));
                case "encrypt" -> encrypt(argument, key(fieldKeyId));
                case "fake" -> fake(argument, key(fieldKeyId), spec);
                case "generalize" -> generalize(argument, spec);
                default -> throw new UnknownPolicyException("unknown policy '" + kind + "'; known: "
                        + FieldPolicies.KNOWN);
            };
        } catch (UnknownPolicyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UnknownPolicyException(e.getMessage() + " (in policy '" + spec + "')");
        }
    }

    /** The reference keyed policies get: the given id, else the parser's, else the active one. */
    public KeyReference key(String id) {
        String chosen = id != null ? id : keyId;
        return chosen == null ? KeyReference.active(keys) : KeyReference.of(keys, chosen);
    }

    private static boolean isKeyed(String kind) {
        return kind.equals("pseudonymize") || kind.equals("encrypt") || kind.equals("fake");
    }

    private static FieldPolicy mask(String argument, String spec) {
        if (argument == null) {
            return FieldPolicies.mask(FieldPolicies.DEFAULT_MASK_KEEP_LAST);
        }
        try {
            int keepLast = Integer.parseInt(argument);
            if (keepLast < 0) {
                throw new NumberFormatException();
            }
            return FieldPolicies.mask(keepLast);
        } catch (NumberFormatException e) {
            throw new UnknownPolicyException("mask:<k> needs a non-negative integer k. Provided value: " + spec);
        }
    }

    private static FieldPolicy pseudonymize(String argument, KeyReference key) {
        if (argument == null) {
            return new PseudonymizePolicy(PseudonymizePolicy.Format.TOKEN, "", key);
        }
        int colon = argument.indexOf(':');
        String format = colon < 0 ? argument : argument.substring(0, colon);
        String prefix = colon < 0 ? "" : argument.substring(colon + 1);
        if (colon >= 0 && prefix.isEmpty()) {
            throw new IllegalArgumentException("pseudonymize:token:<prefix> needs a prefix after the colon");
        }
        return new PseudonymizePolicy(PseudonymizePolicy.Format.bySpecName(format), prefix, key);
    }

    private static FieldPolicy encrypt(String argument, KeyReference key) {
        if (argument == null) {
            return new EncryptPolicy(FpeAlphabet.DIGITS, "", key);
        }
        int colon = argument.indexOf(':');
        String alphabet = colon < 0 ? argument : argument.substring(0, colon);
        String tweak = colon < 0 ? "" : argument.substring(colon + 1);
        return new EncryptPolicy(FpeAlphabet.bySpecName(alphabet), tweak, key);
    }

    private static FieldPolicy fake(String argument, KeyReference key, String spec) {
        if (argument == null || argument.isEmpty()) {
            throw new UnknownPolicyException("fake needs a kind: fake:<kind>[:<locale>] with kind one of "
                    + FakeKind.specNames() + ". Provided value: " + spec);
        }
        int colon = argument.indexOf(':');
        String kind = colon < 0 ? argument : argument.substring(0, colon);
        String locale = colon < 0 ? null : argument.substring(colon + 1);
        return new FakePolicy(FakeKind.bySpecName(kind), locale, key);
    }

    private static FieldPolicy generalize(String argument, String spec) {
        String usage = "generalize needs a rule: age<k>, month, postcode:<n> or bucket:<width>[:range]. "
                + "Provided value: " + spec;
        if (argument == null || argument.isEmpty()) {
            throw new UnknownPolicyException(usage);
        }
        Matcher age = AGE.matcher(argument);
        if (age.matches()) {
            return new AgeBandPolicy(Integer.parseInt(age.group(1)));
        }
        if (argument.equals("month")) {
            return MonthPolicy.INSTANCE;
        }
        if (argument.startsWith("postcode:")) {
            try {
                return new PostcodePrefixPolicy(Integer.parseInt(argument.substring("postcode:".length())));
            } catch (NumberFormatException e) {
                throw new UnknownPolicyException("generalize:postcode:<n> needs a non-negative integer n. "
                        + "Provided value: " + spec);
            }
        }
        if (argument.startsWith("bucket:")) {
            String rest = argument.substring("bucket:".length());
            boolean range = rest.endsWith(":range");
            String width = range ? rest.substring(0, rest.length() - ":range".length()) : rest;
            try {
                return new BucketPolicy(new BigDecimal(width), range);
            } catch (NumberFormatException e) {
                throw new UnknownPolicyException("generalize:bucket:<width> needs a positive number width. "
                        + "Provided value: " + spec);
            }
        }
        throw new UnknownPolicyException(usage);
    }

    /** Builds a {@link PolicyParser}. */
    public static final class Builder {
        private KeyProvider keys = KeyProviders.auto();
        private String keyId;

        private Builder() {}

        /** Where keyed policies' keys come from; default {@link KeyProviders#auto()}. */
        public Builder keys(KeyProvider keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * The key id keyed policies use (pin it in jobs, typically to the source's active id read when the job is
         * built). Default: the active id, read where the policies run.
         */
        public Builder keyId(String keyId) {
            if (!KeyIds.isValid(keyId)) {
                throw new IllegalArgumentException("keyId must be 1 to 64 characters of [A-Za-z0-9._-]. "
                        + "Provided value: " + keyId);
            }
            this.keyId = keyId;
            return this;
        }

        public PolicyParser build() {
            return new PolicyParser(keys, keyId);
        }
    }
}
