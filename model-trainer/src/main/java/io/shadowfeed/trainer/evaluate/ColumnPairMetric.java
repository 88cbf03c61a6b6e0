package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;

/** A metric comparing how two columns move together in the real data and in the synthetic data. */
public interface ColumnPairMetric extends Metric {

    double compute(DataTable real, DataTable synthetic, String first, String second);
}
