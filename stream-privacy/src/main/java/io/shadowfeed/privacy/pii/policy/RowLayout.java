package io.shadowfeed.privacy.pii.policy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The shape of a table's rows as policies see them: field names by position, which fields say where the row's person
 * lives (the locale source: a country name or ISO code, a locale tag), and the entity scope that namespaces entity
 * keys. Built once per table (for example when the job is built) and shared by every {@link RowContext} of that
 * table. Immutable and serializable.
 */
public final class RowLayout implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> fieldNames;
    private final List<String> localeFields;
    private final String entityScope;
    private final Map<String, Integer> positions;
    private final int[] localePositions;

    private RowLayout(List<String> fieldNames, List<String> localeFields, String entityScope) {
        this.fieldNames = List.copyOf(fieldNames);
        this.localeFields = List.copyOf(localeFields);
        this.entityScope = entityScope;
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < this.fieldNames.size(); i++) {
            if (byName.putIfAbsent(this.fieldNames.get(i), i) != null) {
                throw new IllegalArgumentException("field names must be unique. Duplicate: "
                        + this.fieldNames.get(i));
            }
        }
        this.positions = Map.copyOf(byName);
        this.localePositions = this.localeFields.stream().mapToInt(byName::get).toArray();
    }

    /** A layout whose locale fields are guessed from the names (see {@link Builder#localeFields(String...)}). */
    public static RowLayout of(List<String> fieldNames) {
        return builder(fieldNames).build();
    }

    public static Builder builder(List<String> fieldNames) {
        return new Builder(fieldNames);
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    /** The fields that pick a row's locale, in order of preference. */
    public List<String> localeFields() {
        return localeFields;
    }

    /**
     * Namespaces entity keys: rows of different tables whose entity keys are equal describe the same person only if
     * their scopes are equal too (the customer table and the invoice table's billing fields both use scope
     * {@code customer} with the customer id as the entity key).
     */
    public String entityScope() {
        return entityScope;
    }

    /** The position of a field, or -1. */
    public int indexOf(String field) {
        Integer position = positions.get(field);
        return position == null ? -1 : position;
    }

    int[] localePositions() {
        return localePositions;
    }

    /** Whether a field name reads like a locale source: {@code Country}, {@code BillingCountry}, {@code locale}... */
    static boolean looksLikeLocaleField(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return n.endsWith("country") || n.endsWith("countrycode") || n.endsWith("countryiso") || n.equals("locale")
                || n.equals("region") || n.equals("regioncode");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowLayout other && fieldNames.equals(other.fieldNames)
                && localeFields.equals(other.localeFields) && entityScope.equals(other.entityScope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fieldNames, localeFields, entityScope);
    }

    @Override
    public String toString() {
        return "RowLayout[fields=" + fieldNames + ", localeFields=" + localeFields + ", entityScope=" + entityScope
                + "]";
    }

    /** Builds a {@link RowLayout}; setters check their argument at once, {@link #build()} the rest. */
    public static final class Builder {
        private final List<String> fieldNames;
        private List<String> localeFields;
        private String entityScope = "";

        private Builder(List<String> fieldNames) {
            Objects.requireNonNull(fieldNames, "fieldNames");
            for (String name : fieldNames) {
                if (name == null || name.isEmpty()) {
                    throw new IllegalArgumentException("field names must not be null or empty. Provided value: "
                            + fieldNames);
                }
            }
            this.fieldNames = List.copyOf(fieldNames);
        }

        /**
         * The fields whose value picks the row's locale, best first: the first one holding a recognized country
         * (name or ISO code) or locale tag wins. No argument: no locale source (the policy's default locale is used).
         * Not called: fields named like {@code country}, {@code *Country}, {@code *_country_code}, {@code locale}
         * or {@code region} are used, in schema order.
         */
        public Builder localeFields(String... names) {
            List<String> list = Arrays.asList(names);
            for (String name : list) {
                if (!fieldNames.contains(name)) {
                    throw new IllegalArgumentException("locale field '" + name + "' is not a field of the row. "
                            + "Fields: " + fieldNames);
                }
            }
            this.localeFields = List.copyOf(list);
            return this;
        }

        /** See {@link RowLayout#entityScope()}; default empty. */
        public Builder entityScope(String scope) {
            this.entityScope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        public RowLayout build() {
            List<String> locale = localeFields;
            if (locale == null) {
                locale = new ArrayList<>();
                for (String name : fieldNames) {
                    if (looksLikeLocaleField(name)) {
                        locale.add(name);
                    }
                }
            }
            return new RowLayout(fieldNames, locale, entityScope);
        }
    }
}
