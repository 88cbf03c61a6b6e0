package io.shadowfeed.trainer.pipeline;

import io.shadowfeed.trainer.evaluate.gate.GateThresholds;
import io.shadowfeed.trainer.train.CtganConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Everything {@code shadowfeed train} asks for: the data, where the artifact goes, and how to train and judge. */
public record TrainingRequest(Path data, Path metadata, String table, Path outputRoot, CtganConfig ctgan,
        String device, double holdoutFraction, String target, List<String> contextColumns,
        GateThresholds gate, boolean resume, int evaluationRows, int samplerBatchSize) {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public TrainingRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(ctgan, "ctgan");
        Objects.requireNonNull(gate, "gate");
        contextColumns = List.copyOf(contextColumns);
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("--table must be letters, digits, '_', '.' or '-', got '" + table
                    + "'");
        }
        if (!(holdoutFraction > 0 && holdoutFraction < 0.9)) {
            throw new IllegalArgumentException("--holdout must be in (0, 0.9), got " + holdoutFraction);
        }
        if (evaluationRows < 1 || samplerBatchSize < 1) {
            throw new IllegalArgumentException("evaluation rows and sampler batch size must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Required: data, table, output root. The rest default as the command line documents. */
    public static final class Builder {
        private Path data;
        private Path metadata;
        private String table;
        private Path outputRoot;
        private CtganConfig ctgan = CtganConfig.builder().build();
        private String device = "cpu";
        private double holdoutFraction = 0.2;
        private String target;
        private List<String> contextColumns = List.of();
        private GateThresholds gate = GateThresholds.defaults();
        private boolean resume;
        private int evaluationRows = 50_000;
        private int samplerBatchSize = 1024;

        private Builder() {
        }

        public Builder setData(Path data) {
            this.data = data;
            return this;
        }

        public Builder setMetadata(Path metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder setTable(String table) {
            this.table = table;
            return this;
        }

        public Builder setOutputRoot(Path outputRoot) {
            this.outputRoot = outputRoot;
            return this;
        }

        public Builder setCtgan(CtganConfig ctgan) {
            this.ctgan = ctgan;
            return this;
        }

        public Builder setDevice(String device) {
            this.device = device;
            return this;
        }

        public Builder setHoldoutFraction(double holdoutFraction) {
            this.holdoutFraction = holdoutFraction;
            return this;
        }

        /** A categorical column to measure utility on (TSTR against TRTR). */
        public Builder setTarget(String target) {
            this.target = target;
            return this;
        }

        /** Parent-context columns the generator is conditioned on instead of generating them. */
        public Builder setContextColumns(List<String> contextColumns) {
            this.contextColumns = contextColumns;
            return this;
        }

        public Builder setGate(GateThresholds gate) {
            this.gate = gate;
            return this;
        }

        public Builder setResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** At most this many synthetic rows are drawn for the evaluation (default 50,000). */
        public Builder setEvaluationRows(int rows) {
            this.evaluationRows = rows;
            return this;
        }

        public Builder setSamplerBatchSize(int rows) {
            this.samplerBatchSize = rows;
            return this;
        }

        public TrainingRequest build() {
            return new TrainingRequest(data, metadata, table, outputRoot, ctgan, device, holdoutFraction, target,
                    contextColumns, gate, resume, evaluationRows, samplerBatchSize);
        }
    }
}
