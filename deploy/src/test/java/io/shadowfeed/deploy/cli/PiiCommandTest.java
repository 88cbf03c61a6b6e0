package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PiiCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER_SPEC = """
            version: 1
            keys:
              source: development
            tables:
              customer:
                input-topic: raw.customer
                schema: classpath:schemas/chinook/Customer.avsc
                key: CustomerId
                default-policy: keep
                fields:
                  CustomerId: pseudonymize:token
                  FirstName: mask:1
                  Email: drop
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"classify", "detect", "apply"})
    void everySubcommandHasHelp(String command) {
        CommandRun help = run("pii", command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: shadowfeed pii " + command).contains("--help", "--version");
    }

    @Test
    void piiAloneNamesItsCommands() {
        assertThat(run("--help").out()).contains("pii");

        CommandRun run = run("pii");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("shadowfeed: missing a command: one of classify, detect, apply "
                + "(see 'shadowfeed pii --help')");
    }

    @Test
    void classifyPrintsAJsonArrayOfTheColumns() throws Exception {
        CommandRun run = run("pii", "classify", "--csv", customers().toString(), "--sample", "100");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json).hasSize(13);
        assertThat(json.get(0).get("column").asText()).isEqualTo("CustomerId");
        assertThat(json.get(0).get("type").asText()).isEqualTo("NONE");
        assertThat(json.get(11).get("column").asText()).isEqualTo("Email");
        assertThat(json.get(11).get("type").asText()).isEqualTo("EMAIL");
        assertThat(run.out()).doesNotContain("@");
    }

    @Test
    void classifyCanBeLimitedToSomeColumns() throws Exception {
        CommandRun run = run("pii", "classify", "--csv", customers().toString(), "--column", "Phone", "--column",
                "Email");

        JsonNode json = JSON.readTree(run.out());
        assertThat(json).extracting(c -> c.get("column").asText()).containsExactly("Phone", "Email");
        assertThat(json).extracting(c -> c.get("type").asText()).containsExactly("PHONE", "EMAIL");
    }

    @Test
    void classifyRejectsBadInputInOneLine() {
        CommandRun badSample = run("pii", "classify", "--csv", customers().toString(), "--sample", "0");
        CommandRun badColumn = run("pii", "classify", "--csv", customers().toString(), "--column", "Mail");
        CommandRun missing = run("pii", "classify", "--csv", dir.resolve("nope.csv").toString());

        assertThat(badSample.exitCode()).isEqualTo(2);
        assertThat(badSample.errLines()).containsExactly("shadowfeed: --sample must be at least 1. Provided value: 0 "
                + "(see 'shadowfeed pii classify --help')");
        assertThat(badColumn.exitCode()).isEqualTo(2);
        assertThat(badColumn.errLines()).singleElement().asString()
                .startsWith("shadowfeed: --column: Customer.csv has no column Mail (columns: CustomerId, ");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLines()).containsExactly("shadowfeed: CSV file " + dir.resolve("nope.csv")
                + " does not exist");
    }

    @Test
    void detectAnswersEachLineOfStdin() throws Exception {
        String email = "\uD83D\uDE00 mail jane@example.org";
        String card = "my card 4111 1111 1111 1111 expires soon";

        CommandRun run = runWithStdin(email + "\n\n" + card + "\n", "pii", "detect", "--redact");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("spans")).hasSize(1);
        assertThat(first.get("spans").get(0).get("start").asInt()).isEqualTo(email.indexOf("jane"));
        assertThat(first.get("spans").get(0).get("start").asInt()).isEqualTo(8);
        assertThat(first.get("spans").get(0).get("end").asInt()).isEqualTo(email.length());
        assertThat(first.get("spans").get(0).get("type").asText()).isEqualTo("EMAIL");
        assertThat(first.get("redacted").asText()).isEqualTo("\uD83D\uDE00 mail <EMAIL>");
        assertThat(JSON.readTree(lines.get(1)).get("spans")).isEmpty();
        JsonNode third = JSON.readTree(lines.get(2));
        assertThat(third.get("spans").get(0).get("type").asText()).isEqualTo("CREDIT_CARD");
        assertThat(third.get("spans").get(0).get("start").asInt()).isEqualTo(card.indexOf("4111"));
        assertThat(third.get("spans").get(0).get("end").asInt()).isEqualTo(card.indexOf(" expires"));
        assertThat(third.get("redacted").asText()).isEqualTo("my card <CREDIT_CARD> expires soon");
    }

    @Test
    void detectHonoursTheMinimumScore() throws Exception {
        CommandRun all = runWithStdin("mail jane@example.org\n", "pii", "detect", "--min-score", "0");
        CommandRun none = runWithStdin("mail jane@example.org\n", "pii", "detect", "--min-score", "1.0");
        CommandRun bad = runWithStdin("", "pii", "detect", "--min-score", "2");

        assertThat(JSON.readTree(all.out()).get("spans")).isNotEmpty();
        assertThat(JSON.readTree(none.out()).get("spans")).allMatch(s -> s.get("score").asDouble() == 1.0);
        assertThat(JSON.readTree(all.out()).has("redacted")).isFalse();
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).containsExactly("shadowfeed: --min-score must be in [0, 1]. Provided value: 2.0 "
                + "(see 'shadowfeed pii detect --help')");
    }

    @Test
    void applyWritesTheSanitizedCsvAndPrintsASummary() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), CUSTOMER_SPEC);
        Path out = dir.resolve("customers.csv");

        CommandRun run = run("pii", "apply", "--csv", customers().toString(), "--spec", spec.toString(), "--table",
                "customer", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("rows").asLong()).isEqualTo(59);
        assertThat(summary.get("out").asText()).isEqualTo(out.toString());
        assertThat(summary.get("fields").get("FirstName").asText()).isEqualTo("mask:1");
        assertThat(summary.get("fields").has("Email")).isFalse();
        assertThat(summary.get("dropped")).extracting(JsonNode::asText).containsExactly("Email");
        assertThat(run.out()).doesNotContainPattern("[\\w.]+@[\\w-]+\\.\\w+").doesNotContain("Luis");
        assertThat(Files.readAllLines(out)).hasSize(60).first().asString().startsWith("CustomerId,FirstName,")
                .doesNotContain("Email");
        assertThat(Files.readString(out)).doesNotContain("@");
    }

    @Test
    void applyFailuresAreOneLine() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), CUSTOMER_SPEC
                .replace("source: development", "source: file:missing-keys.json\n  active-key-id: k1"));
        Path out = dir.resolve("out.csv");

        CommandRun noKeys = run("pii", "apply", "--csv", customers().toString(), "--spec", spec.toString(), "--table",
                "customer", "--out", out.toString());
        CommandRun noTable = run("pii", "apply", "--csv", customers().toString(), "--spec", spec.toString(), "--table",
                "invoice", "--out", out.toString());
        CommandRun intoItself = run("pii", "apply", "--csv", customers().toString(), "--spec", spec.toString(),
                "--table",
                "customer", "--out", customers().toString());

        assertThat(noKeys.exitCode()).isEqualTo(1);
        assertThat(noKeys.errLines()).singleElement().asString().startsWith("shadowfeed: ")
                .contains(dir.resolve("missing-keys.json").toString());
        assertThat(out).doesNotExist();
        assertThat(noTable.exitCode()).isEqualTo(1);
        assertThat(noTable.errLines()).containsExactly("shadowfeed: " + spec + ": no table 'invoice' (tables: "
                + "[customer])");
        assertThat(intoItself.exitCode()).isEqualTo(2);
        assertThat(intoItself.errLines()).singleElement().asString()
                .startsWith("shadowfeed: --out is the input file ");
    }

    private static Path customers() {
        return Path.of(System.getProperty("shadowfeed.datasets"), "chinook", "Customer.csv");
    }

    private static CommandRun runWithStdin(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(original);
        }
    }

    private static CommandRun run(String... args) {
        return CommandRun.execute(args);
    }
}
