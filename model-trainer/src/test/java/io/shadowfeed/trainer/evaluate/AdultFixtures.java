package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.List;

/** Adult, for tests in other packages (the reader itself stays package-private). */
public final class AdultFixtures {

    private AdultFixtures() {
    }

    /** Disjoint seeded random parts of Adult with the given sizes. */
    public static List<DataTable> split(long seed, int... sizes) {
        return AdultTables.split(seed, sizes);
    }
}
