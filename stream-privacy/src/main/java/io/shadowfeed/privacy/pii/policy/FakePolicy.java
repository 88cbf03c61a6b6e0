package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.keys.KeyReference;
import io.shadowfeed.privacy.pii.policy.fake.FakeCountries;
import io.shadowfeed.privacy.pii.policy.fake.FakeCountry;
import io.shadowfeed.privacy.pii.policy.fake.FakeEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Replaces a value with a realistic fake (datafaker) that is deterministic under the referenced key: the same input
 * gets the same fake in every record, topic and run, and nobody without the key can tell which real value a fake
 * stands for (seeds are HMAC-SHA256 under a subkey).
 *
 * <p><b>Seed.</b> With a {@link RowContext} whose entity key is set, the seed is
 * HMAC(key, entity scope, entity key): the whole fake person is generated from it and each field picks its attribute,
 * so one customer's first name, last name and e-mail agree, in every table that passes the same scope and key.
 * Without an entity key (or through {@link #apply(Object)}) the seed is HMAC(key, kind, value): equal values get
 * equal fakes.
 *
 * <p><b>Locale.</b> The row's locale fields (see {@link RowLayout}) pick the country: a German customer gets a German
 * name, a phone number valid in Germany, a German-shaped postcode and a city of the German locale. Rows without a
 * recognized country use the policy's default ({@code fake:<kind>:<locale>}, else the USA).
 *
 * <p>Null stays null and blank text stays as it is (nothing to hide); every other value gets a fake.
 */
public final class FakePolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    /** The subkey label: changing it changes every fake. */
    static final String PURPOSE = "shadowfeed/fake/v1";
    /** The default locale when neither the row nor the spec names one. */
    public static final String DEFAULT_LOCALE = "US";

    private static final byte ENTITY_DOMAIN = 'P';
    private static final byte VALUE_DOMAIN = 'V';
    private static final Object COUNTRY_MEMO = new Object();
    private static final long DAY_MILLIS = 86_400_000L;

    private final FakeKind kind;
    private final String defaultLocale;
    private final KeyReference key;

    private transient volatile KeyedHmac hmac;
    private transient volatile FakeCountry defaultCountry;

    FakePolicy(FakeKind kind, String defaultLocale, KeyReference key) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.key = Objects.requireNonNull(key, "key");
        this.defaultLocale = defaultLocale == null ? DEFAULT_LOCALE : defaultLocale;
        if (FakeCountries.get().find(this.defaultLocale).isEmpty()) {
            throw new IllegalArgumentException("fake:" + kind.specName() + ": unknown locale '" + this.defaultLocale
                    + "'; use a country name, ISO code or locale tag of: " + FakeCountries.get().all().stream()
                    .map(c -> c.iso() + " (" + c.localeTag() + ")").toList());
        }
    }

    public FakeKind kind() {
        return kind;
    }

    /** The locale (country name, ISO code or tag) for rows without a recognized one. */
    public String defaultLocale() {
        return defaultLocale;
    }

    public KeyReference key() {
        return key;
    }

    @Override
    public String spec() {
        return "fake:" + kind.specName() + (defaultLocale.equals(DEFAULT_LOCALE) ? "" : ":" + defaultLocale)
                + PseudonymizePolicy.keySuffix(key);
    }

    @Override
    public OutputShape outputShape() {
        return kind.outputShape();
    }

    @Override
    public boolean usesRowContext() {
        return true;
    }

    @Override
    public void open() {
        hmac();
        defaultCountry();
        // builds the thread's datafaker instance for the default locale now rather than on the first record
        new FakeEntity(defaultCountry(), 0).firstName();
    }

    @Override
    public Object apply(Object value) {
        return apply(value, null);
    }

    @Override
    public Object apply(Object value, RowContext row) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && s.isBlank()) {
            return s;
        }
        KeyedHmac h = hmac();
        FakeCountry rowCountry = row == null ? null : rowCountry(row);
        FakeCountry country = rowCountry != null ? rowCountry : defaultCountry();
        FakeEntity entity;
        if (row != null && row.entityKey() != null) {
            EntityMemo memoKey = new EntityMemo(key, country.iso());
            entity = (FakeEntity) row.memo(memoKey);
            if (entity == null) {
                String entityText = row.layout().entityScope() + '\0' + KeyedHmac.canonicalText(row.entityKey());
                entity = new FakeEntity(country, seed(h.mac(ENTITY_DOMAIN, entityText)));
                row.remember(memoKey, entity);
            }
        } else {
            String valueText = kind.specName() + '\0' + KeyedHmac.canonicalText(value);
            entity = new FakeEntity(country, seed(h.mac(VALUE_DOMAIN, valueText)));
        }
        return pick(entity, value, rowCountry != null);
    }

    private Object pick(FakeEntity entity, Object value, boolean countryFromRow) {
        return switch (kind) {
            case FIRST_NAME -> entity.firstName();
            case LAST_NAME -> entity.lastName();
            case FULL_NAME -> entity.fullName();
            case EMAIL -> entity.email();
            case PHONE -> entity.phone(variant(value));
            case STREET_ADDRESS -> entity.streetAddress();
            case CITY -> entity.city();
            case POSTCODE -> entity.postcode();
            case COUNTRY -> countryFromRow ? entity.countryName() : seededCountry(entity);
            case COMPANY -> entity.company();
            case IBAN -> entity.iban(variant(value));
            case CREDIT_CARD -> card(entity, Values.text(value), variant(value));
            case DATE_OF_BIRTH -> birthDate(entity.birthDate(), value);
            case SSN -> ssn(entity, Values.text(value));
        };
    }

    private static String seededCountry(FakeEntity entity) {
        List<FakeCountry> all = FakeCountries.get().all();
        return all.get(entity.choice(all.size())).name();
    }

    /**
     * Tells a person's phones, cards and accounts apart: FNV-1a of the value's text. Not a secret and not needed to
     * be one: the entity seed it is mixed into is keyed.
     */
    private static long variant(Object value) {
        String text = KeyedHmac.canonicalText(value);
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    private static String card(FakeEntity entity, String input, long variant) {
        int count = asciiDigits(input);
        String digits = entity.cardDigits(count, variant);
        return count >= 13 && count <= 19 ? layOut(digits, input) : digits;
    }

    private static String ssn(FakeEntity entity, String input) {
        String ssn = entity.ssn();
        if (asciiDigits(input) == 9 && !(input.length() == 11 && input.charAt(3) == '-' && input.charAt(6) == '-')) {
            return layOut(ssn.replace("-", ""), input);
        }
        return ssn;
    }

    private static Object birthDate(LocalDate date, Object input) {
        if (input instanceof Integer) {
            return (int) date.toEpochDay();
        }
        if (input instanceof Long) {
            return date.toEpochDay() * DAY_MILLIS;
        }
        if (input instanceof LocalDate) {
            return date;
        }
        if (input instanceof LocalDateTime) {
            return date.atStartOfDay();
        }
        if (input instanceof Double) {
            return (double) (date.toEpochDay() * DAY_MILLIS);
        }
        if (input instanceof Float) {
            return (float) (date.toEpochDay() * DAY_MILLIS);
        }
        if (input instanceof java.math.BigDecimal) {
            return java.math.BigDecimal.valueOf(date.toEpochDay() * DAY_MILLIS);
        }
        if (input instanceof Boolean) {
            return input; // no date in a boolean
        }
        if (input instanceof byte[]) {
            return date.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return date.toString();
    }

    private static int asciiDigits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }

    /** The input's layout with its ASCII digits replaced, in order, by {@code digits}. */
    private static String layOut(String digits, String input) {
        char[] out = input.toCharArray();
        for (int i = 0, k = 0; i < out.length && k < digits.length(); i++) {
            if (out[i] >= '0' && out[i] <= '9') {
                out[i] = digits.charAt(k++);
            }
        }
        return new String(out);
    }

    private FakeCountry rowCountry(RowContext row) {
        Object memo = row.memo(COUNTRY_MEMO);
        if (memo != null) {
            return memo == COUNTRY_MEMO ? null : (FakeCountry) memo;
        }
        FakeCountry found = null;
        for (String hint : row.localeHints()) {
            found = FakeCountries.get().find(hint).orElse(null);
            if (found != null) {
                break;
            }
        }
        row.remember(COUNTRY_MEMO, found == null ? COUNTRY_MEMO : found);
        return found;
    }

    private static long seed(byte[] tag) {
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = (seed << 8) | (tag[i] & 0xff);
        }
        return seed;
    }

    private FakeCountry defaultCountry() {
        FakeCountry country = defaultCountry;
        if (country == null) {
            country = FakeCountries.get().find(defaultLocale).orElseThrow();
            defaultCountry = country;
        }
        return country;
    }

    private KeyedHmac hmac() {
        KeyedHmac h = hmac;
        if (h == null) {
            synchronized (this) {
                h = hmac;
                if (h == null) {
                    h = new KeyedHmac(key.resolve().derive(PURPOSE, KeyedHmac.LENGTH));
                    hmac = h;
                }
            }
        }
        return h;
    }

    /** Fakes of policies with the same key agree on the person; the country is part of the person. */
    private record EntityMemo(KeyReference key, String iso) {}

    @Override
    public boolean equals(Object o) {
        return o instanceof FakePolicy other && kind == other.kind && defaultLocale.equals(other.defaultLocale)
                && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, defaultLocale, key);
    }

    @Override
    public String toString() {
        return "FakePolicy[" + spec() + ", " + key + "]";
    }
}
