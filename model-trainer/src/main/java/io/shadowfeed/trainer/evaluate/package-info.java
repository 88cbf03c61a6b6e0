/**
 * Evaluation of a synthetic table against the real one: fidelity, privacy and utility.
 *
 * <p>Metrics are stateless ({@link io.shadowfeed.trainer.evaluate.Metric}: name, goal, range, compute): column
 * metrics {@link io.shadowfeed.trainer.evaluate.KsComplement} and {@link io.shadowfeed.trainer.evaluate.TvComplement},
 * pair metrics {@link io.shadowfeed.trainer.evaluate.CorrelationSimilarity} and
 * {@link io.shadowfeed.trainer.evaluate.ContingencySimilarity}, the properties
 * {@link io.shadowfeed.trainer.evaluate.ColumnShapes} and {@link io.shadowfeed.trainer.evaluate.ColumnPairTrends}
 * (SDMetrics' quality report), {@link io.shadowfeed.trainer.evaluate.ExactMatchRate},
 * {@link io.shadowfeed.trainer.evaluate.DistanceToClosestRecord} (DCR share, NNDR) and
 * {@link io.shadowfeed.trainer.evaluate.UtilityEvaluator} (TSTR against TRTR with a Tribuo classifier).
 * {@link io.shadowfeed.trainer.evaluate.Evaluator} runs them all into an
 * {@link io.shadowfeed.trainer.evaluate.EvaluationReport}, written as JSON by
 * {@link io.shadowfeed.trainer.evaluate.EvaluationReportJson}; the {@code html} package renders it, the {@code gate}
 * package decides whether it passes.
 *
 * <p>Only the real table's modelled columns take part. Nulls: KS compares non-null values; categorical metrics count
 * the null as a category; distances treat null against null as equal and null against a value as maximally apart.
 * Reports hold aggregates only, never a row.
 */
package io.shadowfeed.trainer.evaluate;
