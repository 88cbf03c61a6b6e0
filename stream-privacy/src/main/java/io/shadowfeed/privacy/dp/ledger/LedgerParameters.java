package io.shadowfeed.privacy.dp.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Normalizes a mechanism's parameters: names to strings, longs or finite doubles, sorted by name. */
final class LedgerParameters {

    private LedgerParameters() {}

    static Map<String, Object> copyOf(Map<String, ?> parameters) {
        LedgerPreconditions.checkNotNull(parameters, "parameters");
        TreeMap<String, Object> copy = new TreeMap<>();
        for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
            String name = LedgerPreconditions.checkName(parameter.getKey(), "parameter name");
            copy.put(name, normalize(name, parameter.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    static Object normalize(String name, Object value) {
        if (value instanceof String || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            LedgerPreconditions.checkArgument(Double.isFinite(number),
                    "parameter '%s' must be finite. Provided value: %s", name, number);
            return number;
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be a string, an integer or a finite "
                + "double. Provided value: " + value + (value == null ? "" : " (" + value.getClass().getName() + ")"));
    }
}
