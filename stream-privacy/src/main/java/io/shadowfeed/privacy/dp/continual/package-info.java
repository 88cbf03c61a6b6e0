/**
 * Continual release over a stream: running counts and histograms by tree aggregation
 * ({@link io.shadowfeed.privacy.dp.continual.TreeAggregation}), with discrete Gaussian noise, a total privacy cost
 * fixed before the first release (for a fixed horizon, or for an endless stream with growing per-level noise), and
 * a documented, tested error bound.
 */
package io.shadowfeed.privacy.dp.continual;
