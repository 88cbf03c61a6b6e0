package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train}, {@code sample} and {@code evaluate} end to end on a slice of Adult, with two epochs: the model is
 * poor, so the assertions are about the commands' contracts (files, exit codes, determinism, conditions, messages),
 * not about fidelity. Two versions are trained once for the whole class: v1 passes a lenient gate, v2 fails a gate
 * that cannot pass.
 */
class TrainSampleEvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRAIN_ROWS = 3_000;
    private static final int HOLDOUT_ROWS = 1_000;

    @TempDir
    static Path root;

    private static Path trainCsv;
    private static Path holdoutCsv;
    private static Path metadata;
    private static Path store;
    private static List<String> header;
    private static CommandRun first;
    private static CommandRun second;

    @BeforeAll
    static void trainTwoVersions() throws IOException {
        Path adult = Path.of(System.getProperty("shadowfeed.datasets"), "adult");
        metadata = adult.resolve("adult.ctgan_metadata.json");
        List<String> lines;
        try (Stream<String> all = Files.lines(adult.resolve("adult.csv"))) {
            lines = all.limit(1 + TRAIN_ROWS + HOLDOUT_ROWS).toList();
        }
        header = List.of(lines.get(0).split(","));
        trainCsv = write("train.csv", lines.subList(0, 1 + TRAIN_ROWS));
        List<String> holdout = new ArrayList<>();
        holdout.add(lines.get(0));
        holdout.addAll(lines.subList(1 + TRAIN_ROWS, lines.size()));
        holdoutCsv = write("holdout.csv", holdout);
        store = root.resolve("store");
        Path lenient = Files.writeString(root.resolve("lenient.yaml"),
                "min_quality: 0.5\nmax_dcr_share: 0.9\nmax_exact_match_rate: 0.05\n");
        Path impossible = Files.writeString(root.resolve("impossible.yaml"), "min_quality: 0.999\n");

        first = train(lenient);
        second = train(impossible);
    }

    /** One PyTorch thread: with the machine's cores (the default) on a busy machine, an epoch is ~35x slower. */
    private static CommandRun train(Path gate) {
        return run("train", "--data", trainCsv.toString(), "--metadata", metadata.toString(), "--table", "adult",
                "--out", store.toString(), "--epochs", "2", "--batch-size", "100", "--threads", "1", "--target",
                "income", "--gate", gate.toString());
    }

    @Test
    void trainPublishesAVersionThatPassedTheGate() throws Exception {
        Path v1 = store.resolve("adult").resolve("v1");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.outLines()).last().isEqualTo(v1.toString());
        JsonNode manifest = JSON.readTree(v1.resolve("manifest.json").toFile());
        assertThat(manifest.get("gate_passed").asBoolean()).isTrue();
        assertThat(manifest.get("epochs_run").asInt()).isEqualTo(2);
        assertThat(manifest.get("loss_history").get("generator")).hasSize(2);
        assertThat(manifest.get("loss_history").get("critic")).hasSize(2);
        JsonNode files = manifest.get("files");
        assertThat(files.has("generator.params")).isTrue();
        assertThat(files.has("report.html")).isTrue();
        assertThat(files.has("evaluation.json")).isTrue();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            byte[] bytes = Files.readAllBytes(v1.resolve(file.getKey()));
            assertThat(file.getValue().get("bytes").asLong()).as(file.getKey()).isEqualTo(bytes.length);
            assertThat(file.getValue().get("sha256").asText()).as(file.getKey()).isEqualTo(sha256(bytes));
        }
        assertThat(Files.readString(v1.resolve("report.html"))).contains("<svg");
        assertThat(JSON.readTree(v1.resolve("evaluation.json").toFile()).get("quality").asDouble())
                .isBetween(0.5, 1.0);
        assertThat(first.err()).contains("adult/v1: quality ");
    }

    @Test
    void aVersionThatFailsTheGateIsKeptButNotServed() throws Exception {
        Path v2 = store.resolve("adult").resolve("v2");

        assertThat(second.exitCode()).as(second.err()).isEqualTo(TrainCommand.GATE_FAILED);
        assertThat(second.outLines()).last().isEqualTo(v2.toString());
        assertThat(second.errLines()).anySatisfy(line -> assertThat(line)
                .startsWith("shadowfeed: quality gate failed for adult/v2: ").contains("quality"));
        assertThat(JSON.readTree(v2.resolve("manifest.json").toFile()).get("gate_passed").asBoolean()).isFalse();

        Path out = root.resolve("latest.csv");
        CommandRun sample = run("sample", "--model", store.resolve("adult").toString(), "--rows", "20", "--out",
                out.toString());

        assertThat(sample.exitCode()).as(sample.err()).isZero();
        assertThat(JSON.readTree(sample.out()).get("model").asText()).isEqualTo("adult/v1");
    }

    @Test
    void sampleWritesTheModelledColumnsAndIsReproducible() throws Exception {
        Path a = root.resolve("a.csv");
        Path b = root.resolve("b.csv");
        Path c = root.resolve("c.csv");

        CommandRun runA = sample(a, "7");
        CommandRun runB = sample(b, "7");
        CommandRun runC = sample(c, "8");

        assertThat(runA.exitCode()).as(runA.err()).isZero();
        JsonNode summary = JSON.readTree(runA.out());
        assertThat(summary.get("rows").asInt()).isEqualTo(500);
        assertThat(summary.get("out").asText()).isEqualTo(a.toString());
        assertThat(summary.get("model").asText()).isEqualTo("adult/v1");
        List<CSVRecord> rows = read(a);
        assertThat(rows).hasSize(500);
        assertThat(Files.readAllLines(a).get(0).split(",")).containsExactlyElementsOf(header);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("age")).matches("-?\\d+"));
        assertThat(rows).extracting(row -> row.get("sex")).containsOnly("Male", "Female");
        assertThat(runB.exitCode()).isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(runC.exitCode()).isZero();
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
    }

    @Test
    void conditionsHoldInEveryRow() throws Exception {
        Path out = root.resolve("conditioned.csv");

        CommandRun run = run("sample", "--model", v1().toString(), "--rows", "200", "--seed", "3", "--condition",
                "sex=Female", "--condition", "income=>50K", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> rows = read(out);
        assertThat(rows).hasSize(200);
        assertThat(rows).extracting(row -> row.get("sex")).containsOnly("Female");
        assertThat(rows).extracting(row -> row.get("income")).containsOnly(">50K");
    }

    @Test
    void evaluateWritesTheReportsAndPrintsTheHeadlineMetrics() throws Exception {
        Path synthetic = root.resolve("for-evaluation.csv");
        assertThat(sample(synthetic, "11").exitCode()).isZero();
        Path json = root.resolve("evaluation.json");
        Path html = root.resolve("evaluation.html");

        CommandRun run = run("evaluate", "--real", trainCsv.toString(), "--synthetic", synthetic.toString(),
                "--holdout",
                holdoutCsv.toString(), "--target", "income", "--metadata", metadata.toString(), "--json",
                json.toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        for (String metric : List.of("quality", "column_shapes", "column_pair_trends", "exact_match_rate",
                "dcr_share", "tstr_f1", "trtr_f1")) {
            assertThat(report.get(metric)).as(metric).isNotNull();
            assertThat(report.get(metric).isNumber()).as(metric).isTrue();
            assertThat(report.get(metric).asDouble()).as(metric).isBetween(0.0, 1.0);
        }
        // a classifier trained on real rows beats chance on Adult's income
        assertThat(report.get("trtr_f1").asDouble()).isGreaterThan(0.5);
        JsonNode printed = JSON.readTree(run.out());
        assertThat(printed.get("quality").asDouble()).isEqualTo(report.get("quality").asDouble());
        assertThat(Files.readString(html)).contains("<svg");

        CommandRun gated = run("evaluate", "--real", trainCsv.toString(), "--synthetic", synthetic.toString(), "--json",
                root.resolve("gated.json").toString(), "--gate", root.resolve("impossible.yaml").toString());

        assertThat(gated.exitCode()).as(gated.err()).isEqualTo(TrainCommand.GATE_FAILED);
        assertThat(gated.errLines()).singleElement().asString().startsWith("shadowfeed: quality gate failed: ")
                .contains("quality");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            empty       | empty
            header-only | header but no rows
            all-null    | 'notes' has no values, drop the column
            one-row     | 1 row, supply more rows
            constant    | 'country' holds the same value, drop the column
            text        | 'amount' is declared continuous, not a number
            """)
    void badTrainingDataIsOneLineSayingWhatToFix(String file, String keyWords) throws Exception {
        Path data = root.resolve(file + ".csv");
        Files.writeString(data, switch (file) {
            case "empty" -> "";
            case "header-only" -> "colour,amount\n";
            case "all-null" -> table((i, row) -> row.append(colour(i)).append(',').append(i).append(','),
                    "colour,amount,notes");
            case "one-row" -> "colour,amount\nred,1\n";
            case "constant" -> table((i, row) -> row.append(colour(i)).append(',').append(i).append(",X"),
                    "colour,amount,country");
            case "text" -> table((i, row) -> row.append(colour(i)).append(',').append(i == 17 ? "abc" : i),
                    "colour,amount");
            default -> throw new IllegalArgumentException(file);
        });
        Path declared = Files.writeString(root.resolve(file + ".json"),
                "{\"columns\": [{\"name\": \"amount\", \"type\": \"continuous\"}]}");

        CommandRun run = run("train", "--data", data.toString(), "--metadata", declared.toString(), "--table", file,
                "--out", root.resolve("bad-store").toString(), "--epochs", "1", "--batch-size", "10");

        assertOneLineError(run, keyWords.split(", "));
    }

    @Test
    void anUnseenCategoryInAConditionIsNamed() {
        CommandRun run = run("sample", "--model", v1().toString(), "--rows", "10", "--condition", "sex=Other", "--out",
                root.resolve("never.csv").toString());

        assertOneLineError(run, "'sex'", "'Other'", "training did not see", "'Female'");
        assertThat(root.resolve("never.csv")).doesNotExist();
    }

    @Test
    void aTamperedModelIsRefusedNamingTheFile() throws Exception {
        Path copy = root.resolve("tampered").resolve("adult").resolve("v1");
        copyDirectory(v1(), copy);
        Path generator = copy.resolve("generator.params");
        byte[] bytes = Files.readAllBytes(generator);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(generator, bytes);

        CommandRun run = run("sample", "--model", copy.toString(), "--rows", "10", "--out",
                root.resolve("tampered.csv").toString());

        assertOneLineError(run, "corrupted", "generator.params");
    }

    @Test
    void aModelTrainedOnAnotherSchemaIsRefused() throws Exception {
        Path avsc = Files.writeString(root.resolve("adult.avsc"), """
                {"type": "record", "name": "Adult", "fields": [
                  {"name": "age", "type": "int"},
                  {"name": "sex", "type": "string"}
                ]}
                """);

        CommandRun run = run("sample", "--model", v1().toString(), "--rows", "10", "--schema", avsc.toString(), "--out",
                root.resolve("schema.csv").toString());

        assertOneLineError(run, "adult/v1", "schema");
    }

    @Test
    void aGpuWithoutCudaNamesTheGpuBuild() throws Exception {
        Path data = Files.writeString(root.resolve("small.csv"),
                table((i, row) -> row.append(colour(i)).append(',').append(i * 7 % 23), "colour,amount"));

        CommandRun run = run("train", "--data", data.toString(), "--table", "small", "--out",
                root.resolve("gpu-store").toString(), "--epochs", "1", "--batch-size", "10", "--device", "gpu");

        assertOneLineError(run, "--device gpu", "-Pgpu");
    }

    @Test
    void trainingWithoutATargetPublishesAVersion() throws Exception {
        Path data = Files.writeString(root.resolve("untargeted.csv"),
                table((i, row) -> row.append(colour(i)).append(',').append(i * 7 % 23), "colour,amount"));
        Path noGate = Files.writeString(root.resolve("no-gate.yaml"),
                "min_quality: null\nmax_exact_match_rate: null\nmax_dcr_share: null\n");

        CommandRun run = run("train", "--data", data.toString(), "--table", "untargeted", "--out",
                root.resolve("untargeted-store").toString(), "--epochs", "1", "--batch-size", "10", "--gate",
                noGate.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).last()
                .isEqualTo(root.resolve("untargeted-store").resolve("untargeted").resolve("v1").toString());
    }

    @Test
    void aBatchSizeThatIsNotAMultipleOfPacIsRefused() {
        CommandRun run = run("train", "--data", trainCsv.toString(), "--table", "adult", "--out",
                root.resolve("batch-store").toString(), "--batch-size", "7");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("shadowfeed: batch size must be even and a multiple of pac (10), "
                + "got 7 (see 'shadowfeed train --help')");
        assertThat(root.resolve("batch-store")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource({
            "train, --data, --metadata, --epochs, --batch-size, --gate, --device",
            "sample, --model, --rows, --seed, --condition, --schema, --out",
            "evaluate, --real, --synthetic, --holdout, --target, --json, --html"})
    void everyCommandHasHelp(String command, String option1, String option2, String option3, String option4,
            String option5, String option6) {
        CommandRun help = run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: shadowfeed " + command)
                .contains(option1, option2, option3, option4, option5, option6);
    }

    private static void assertOneLineError(CommandRun run, String... keyWords) {
        assertThat(run.exitCode()).as(run.err()).isNotZero().isNotEqualTo(TrainCommand.GATE_FAILED);
        assertThat(run.errLines()).as(run.err()).singleElement().asString()
                .startsWith("shadowfeed: ")
                .doesNotContain("unexpected")
                .contains(keyWords);
    }

    private static CommandRun sample(Path out, String seed) {
        return run("sample", "--model", v1().toString(), "--rows", "500", "--seed", seed, "--out", out.toString());
    }

    private static Path v1() {
        return store.resolve("adult").resolve("v1");
    }

    private static String colour(int i) {
        return List.of("red", "green", "blue").get(i % 3);
    }

    private interface RowWriter {
        void write(int index, StringBuilder row);
    }

    /** A header and 40 rows. */
    private static String table(RowWriter rows, String header) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < 40; i++) {
            rows.write(i, csv);
            csv.append('\n');
        }
        return csv.toString();
    }

    private static Path write(String name, List<String> lines) throws IOException {
        return Files.write(root.resolve(name), lines);
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return parser.getRecords();
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static CommandRun run(String... args) {
        return CommandRun.execute(args);
    }
}
