package io.shadowfeed.trainer.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives category strings dense int codes shared by several tables, so that later counting runs on int arrays. Code 0
 * is the null: nulls count as a category of their own in every categorical metric.
 */
final class CategoryCoder {
    static final int NULL_CODE = 0;

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> categories = new ArrayList<>();

    int code(String value) {
        if (value == null) {
            return NULL_CODE;
        }
        Integer code = codes.get(value);
        if (code == null) {
            categories.add(value);
            code = categories.size();
            codes.put(value, code);
        }
        return code;
    }

    int[] encode(String[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = code(values[i]);
        }
        return out;
    }

    /** The number of codes handed out so far, the null code included. */
    int size() {
        return categories.size() + 1;
    }

    /** The category behind a code; {@code null} for the null code. */
    String category(int code) {
        return code == NULL_CODE ? null : categories.get(code - 1);
    }
}
