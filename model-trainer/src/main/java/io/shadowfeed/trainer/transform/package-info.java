/**
 * CTGAN's reversible data transformer: the modelled columns of a {@link io.shadowfeed.trainer.data.DataTable} to
 * the float rows the generator learns, and generator output back to a table.
 *
 * <p>{@link io.shadowfeed.trainer.transform.DataTransformer} is the entry point: it fits one
 * {@link io.shadowfeed.trainer.transform.ColumnTransformer} per column (mode-specific normalization over a
 * {@link io.shadowfeed.trainer.transform.BayesianGaussianMixture} for numeric columns, one-hot for categorical ones),
 * exposes the output layout as {@link io.shadowfeed.trainer.transform.OutputSpan}s and
 * {@link io.shadowfeed.trainer.transform.DiscreteSpan}s, and saves its whole state as versioned JSON
 * ({@link io.shadowfeed.trainer.transform.TransformerState}). Plain Java: no DJL here.
 */
package io.shadowfeed.trainer.transform;
