package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.evaluate.EvaluationReport;
import io.shadowfeed.trainer.evaluate.EvaluationReportJson;
import io.shadowfeed.trainer.evaluate.Evaluator;
import io.shadowfeed.trainer.evaluate.gate.GateThresholds;
import io.shadowfeed.trainer.evaluate.gate.GateVerdict;
import io.shadowfeed.trainer.evaluate.gate.QualityGate;
import io.shadowfeed.trainer.evaluate.html.HtmlReportWriter;
import io.shadowfeed.trainer.io.AvroContainerReader;
import io.shadowfeed.trainer.io.CsvTableReader;
import io.shadowfeed.trainer.profile.MetadataOverrides;
import io.shadowfeed.trainer.profile.Profiler;
import io.shadowfeed.trainer.profile.TableProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code shadowfeed evaluate}: fidelity, utility and privacy of a synthetic table against the real one. */
@Command(name = "evaluate", sortOptions = false,
        description = {"Score a synthetic table against the real (training) table: Column Shapes, Column Pair "
                + "Trends and overall quality; with --holdout also DCR share, and with --target TSTR against "
                + "TRTR F1 on the holdout; exact-match rate and NNDR always.",
                "Columns are profiled on the real table (or declared with --metadata); identifier and free-text "
                        + "columns are left out. Writes the JSON report (and an HTML report with plots) and "
                        + "prints the headline metrics as JSON."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--real", required = true, paramLabel = "FILE", description = "The real training table.")
    private Path real;

    @Option(names = "--synthetic", required = true, paramLabel = "FILE", description = "The synthetic table.")
    private Path synthetic;

    @Option(names = "--holdout", paramLabel = "FILE",
            description = "Real rows the model never saw, for DCR share and TSTR.")
    private Path holdout;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "A categorical column for TSTR / TRTR F1 (needs --holdout).")
    private String target;

    @Option(names = "--metadata", paramLabel = "JSON", description = "Column kinds (CTGAN or SDV metadata JSON).")
    private Path metadata;

    @Option(names = "--gate", paramLabel = "FILE",
            description = "Also judge the result by these quality-gate thresholds (YAML or JSON).")
    private Path gate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", required = true, paramLabel = "OUT", description = "Where the JSON report goes.")
    private Path json;

    @Option(names = "--html", paramLabel = "OUT", description = "Where the HTML report goes.")
    private Path html;

    @Override
    public Integer call() throws IOException {
        RawTable realRaw = read(real);
        MetadataOverrides overrides = metadata == null ? MetadataOverrides.none() : MetadataOverrides.read(metadata);
        TableProfile full = Profiler.builder().allowConstantColumns(true).build().profile(realRaw, overrides);
        TableProfile profile = new TableProfile(full.modelledColumns());
        DataTable realTable = profile.type(realRaw);
        DataTable syntheticTable = profile.type(read(synthetic));
        DataTable holdoutTable = holdout == null ? null : profile.type(read(holdout));
        Evaluator.Builder evaluator = Evaluator.builder().optSeed(seed);
        if (target != null) {
            evaluator.optTarget(target);
        }
        EvaluationReport report = evaluator.build().evaluate(realTable, syntheticTable, holdoutTable);
        GateVerdict verdict = gate == null ? null : new QualityGate(GateThresholds.read(gate)).check(report);
        EvaluationReportJson.write(report, json);
        if (html != null) {
            HtmlReportWriter.builder().build().write(html, report, verdict, null);
        }
        command.commandLine().getOut().println(new ObjectMapper().writeValueAsString(report.headlineMetrics()));
        if (verdict != null && !verdict.passed()) {
            command.commandLine().getErr().println("shadowfeed: quality gate failed: " + verdict.failureSummary());
            command.commandLine().getErr().flush();
            return TrainCommand.GATE_FAILED;
        }
        return 0;
    }

    private static RawTable read(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".avro")
                ? AvroContainerReader.read(file) : CsvTableReader.read(file);
    }
}
