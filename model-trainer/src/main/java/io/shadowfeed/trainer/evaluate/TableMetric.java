package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;

/** A metric over whole rows (all modelled columns of the real table). */
public interface TableMetric extends Metric {

    double compute(DataTable real, DataTable synthetic);
}
