package io.shadowfeed.trainer.pipeline;

import io.shadowfeed.trainer.artifact.ArtifactVersion;
import io.shadowfeed.trainer.evaluate.EvaluationReport;
import io.shadowfeed.trainer.evaluate.gate.GateVerdict;

/** The published version (kept even when it failed the gate), its evaluation and the gate's verdict. */
public record TrainingOutcome(ArtifactVersion version, EvaluationReport evaluation, GateVerdict verdict,
        double secondsPerEpoch) {
}
