/**
 * The quality gate: {@link io.shadowfeed.trainer.evaluate.gate.GateThresholds} (from code or a YAML / JSON file)
 * applied by {@link io.shadowfeed.trainer.evaluate.gate.QualityGate} to an evaluation report, giving a
 * {@link io.shadowfeed.trainer.evaluate.gate.GateVerdict} of one {@link io.shadowfeed.trainer.evaluate.gate.GateCheck}
 * per threshold. It fails closed: a threshold on a metric that was not measured fails.
 */
package io.shadowfeed.trainer.evaluate.gate;
