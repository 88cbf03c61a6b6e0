package io.shadowfeed.privacy.pii.policy;

import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;

/**
 * One row as the policies of its fields see it: the other raw values by name, the entity key (whose person the row's
 * personal data belongs to) and the locale source. The job builds one per record from the decoded values and passes
 * it to {@link FieldPolicy#apply(Object, RowContext)} for each field.
 *
 * <p>Holds the raw (real) values: keep it on the task thread, never log or emit it. Not thread-safe: one row, one
 * thread. It also memoizes work shared by the row's fields (the resolved locale, the fake person), which is why all
 * fields of a row should see the same instance.
 */
public final class RowContext {

    private static final RowLayout EMPTY_LAYOUT = RowLayout.builder(java.util.List.of()).build();
    private static final Object[] NO_VALUES = new Object[0];
    private static final int MEMO_SLOTS = 4;

    private final RowLayout layout;
    private final Object[] values;
    private final Object entityKey;
    private final Object[] memoKeys = new Object[MEMO_SLOTS];
    private final Object[] memoValues = new Object[MEMO_SLOTS];
    private int memoCount;

    private RowContext(RowLayout layout, Object[] values, Object entityKey) {
        this.layout = layout;
        this.values = values;
        this.entityKey = entityKey;
    }

    /**
     * @param values the row's raw values in {@code layout}'s order (entries beyond the layout's fields are ignored);
     *     not copied, must not change while in use
     * @param entityKey the raw key of the entity the row describes (the table key, or the parent key for fields that
     *     describe the parent); null: fakes are seeded by each value instead
     */
    public static RowContext of(RowLayout layout, Object[] values, Object entityKey) {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(values, "values");
        if (values.length < layout.fieldNames().size()) {
            throw new IllegalArgumentException("values must have one entry per layout field (" + layout.fieldNames()
                    .size() + "). Provided length: " + values.length);
        }
        return new RowContext(layout, values, entityKey);
    }

    /** A row from a map (field order: the map's iteration order; locale fields guessed from the names). */
    public static RowContext of(Map<String, ?> fields, Object entityKey) {
        ArrayList<String> names = new ArrayList<>(fields.keySet());
        return of(RowLayout.of(names), fields.values().toArray(), entityKey);
    }

    /** No other fields, no entity: policies behave as with {@link FieldPolicy#apply(Object)}. */
    public static RowContext empty() {
        return new RowContext(EMPTY_LAYOUT, NO_VALUES, null);
    }

    public RowLayout layout() {
        return layout;
    }

    /** The raw value of a field of this row, or null if it is null or not in the layout. */
    public Object get(String field) {
        int position = layout.indexOf(field);
        return position < 0 ? null : values[position];
    }

    public Object entityKey() {
        return entityKey;
    }

    /** The first non-blank value among the layout's locale fields, as text; null if none. */
    public String localeHint() {
        for (int position : layout.localePositions()) {
            Object value = values[position];
            if (value != null) {
                String text = Values.text(value);
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Every non-blank locale field value, best first (policies try them in order). */
    java.util.List<String> localeHints() {
        java.util.List<String> hints = new ArrayList<>(2);
        for (int position : layout.localePositions()) {
            Object value = values[position];
            if (value != null) {
                String text = Values.text(value);
                if (!text.isBlank()) {
                    hints.add(text);
                }
            }
        }
        return hints;
    }

    Object memo(Object key) {
        for (int i = 0; i < memoCount; i++) {
            if (memoKeys[i].equals(key)) {
                return memoValues[i];
            }
        }
        return null;
    }

    void remember(Object key, Object value) {
        if (memoCount < MEMO_SLOTS) {
            memoKeys[memoCount] = key;
            memoValues[memoCount] = value;
            memoCount++;
        } else {
            // a row seldom needs more than a few memo entries; replace the oldest
            System.arraycopy(memoKeys, 1, memoKeys, 0, MEMO_SLOTS - 1);
            System.arraycopy(memoValues, 1, memoValues, 0, MEMO_SLOTS - 1);
            memoKeys[MEMO_SLOTS - 1] = key;
            memoValues[MEMO_SLOTS - 1] = value;
        }
    }

    @Override
    public String toString() {
        // never the values: they are raw personal data
        return "RowContext[" + layout + "]";
    }
}
