package io.shadowfeed.trainer.profile;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** One raw column with its distinct values counted, so that checks run once per distinct value, not per row. */
final class ColumnValues {

    final String name;
    final String[] cells;
    final Map<String, Integer> counts = new HashMap<>();
    final int nullCount;

    ColumnValues(String name, String[] cells) {
        this.name = name;
        this.cells = cells;
        int nulls = 0;
        for (String cell : cells) {
            if (cell == null) {
                nulls++;
            } else {
                counts.merge(cell, 1, Integer::sum);
            }
        }
        this.nullCount = nulls;
    }

    int rowCount() {
        return cells.length;
    }

    int nonNull() {
        return cells.length - nullCount;
    }

    int cardinality() {
        return counts.size();
    }

    /** Whether every distinct value passes. */
    boolean all(Predicate<String> test) {
        for (String value : counts.keySet()) {
            if (!test.test(value)) {
                return false;
            }
        }
        return true;
    }

    /** The 1-based row of the first value that fails, or -1; for messages, which name rows, not values. */
    int firstRowFailing(Predicate<String> test) {
        for (int r = 0; r < cells.length; r++) {
            if (cells[r] != null && !test.test(cells[r])) {
                return r + 1;
            }
        }
        return -1;
    }
}
