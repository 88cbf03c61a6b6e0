package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;

/** A metric comparing one column of the real data with the same column of the synthetic data. */
public interface ColumnMetric extends Metric {

    double compute(DataTable real, DataTable synthetic, String column);
}
