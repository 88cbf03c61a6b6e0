package io.shadowfeed.trainer.io;

import java.util.Set;

/** How a source cell becomes a raw table cell: trimmed, and the usual spellings of "missing" become null. */
final class Cells {

    /** Missing-value markers of common exports (R, pandas, SQL dumps, UCI's "?"), compared after trimming. */
    static final Set<String> NULL_TOKENS = Set.of("", "NA", "N/A", "null", "NULL", "?");

    private Cells() {}

    static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String trimmed = cell.strip();
        return NULL_TOKENS.contains(trimmed) ? null : trimmed;
    }
}
