package io.shadowfeed.deploy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowfeedCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"demo", "job", "registry", "replay", "local"})
    void everyCommandHasHelpAndVersion(String command) {
        CommandRun help = run(command, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: shadowfeed " + command).contains("--help", "--version");

        CommandRun version = run(command, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("shadowfeed 0.1.0").contains("Flink 2.2.0");
    }

    @Test
    void listsItsCommands() {
        CommandRun help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("demo", "job", "registry", "replay", "local");
    }

    @Test
    void aMissingCommandIsAUsageError() {
        CommandRun run = run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("shadowfeed: missing a command: one of demo, job, registry, "
                + "replay, local, pii, train, sample, evaluate, privacy (see 'shadowfeed --help')");
    }

    @Test
    void badOptionsGiveOneLineAndExitCode2() {
        CommandRun run = run("replay", "--csv", "x.csv", "--rate", "fast");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("shadowfeed: ")
                .endsWith("(see 'shadowfeed replay --help')");
    }

    @Test
    void optionsThatDoNotGoTogetherAreAUsageError() {
        CommandRun run = run("replay", "--csv", "x.csv", "--topic", "t", "--table", "t", "--spec", "s.yaml",
                "--speedup", "10");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "shadowfeed: --speedup needs --time-field (see 'shadowfeed replay --help')");
    }

    @Test
    void aBadSpecGivesItsOwnMessageWithoutAStackTrace() throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "version: 1\ntables:\n  t:\n    input-topic: raw.t\n    colour: blue\n");

        CommandRun run = run("job", "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("shadowfeed: " + spec + ": table 't': unknown key 'colour'");
    }

    @Test
    void aMissingSpecFileIsNamed() {
        CommandRun run = run("job", "--spec", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("shadowfeed: " + dir.resolve("nope.yaml") + ": no such file");
    }

    @Test
    void aTakenPortIsOneLineBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            CommandRun run = run("local", "--kafka-port", Integer.toString(port), "--work-dir", dir.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).containsExactly("shadowfeed: port " + port
                    + " is already in use; pass --kafka-port");
            assertThat(dir.resolve("kafka")).doesNotExist();
        }
    }

    @Test
    void theLocalStackChecksTheRegistryPortBeforeStartingKafka() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CommandRun run = run("local", "--kafka-port", "0", "--controller-port", "0", "--registry-port",
                    Integer.toString(taken.getLocalPort()), "--work-dir", dir.toString());

            assertThat(run.errLines()).containsExactly("shadowfeed: port " + taken.getLocalPort()
                    + " is already in use; pass --registry-port");
            assertThat(dir.resolve("kafka")).doesNotExist();
        }
    }

    @Test
    void aTakenRegistryPortNamesTheRegistryOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CommandRun run = run("registry", "--in-memory", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.errLines()).containsExactly("shadowfeed: port " + taken.getLocalPort()
                    + " is already in use; pass --port");
        }
    }

    @Test
    void failuresAreOneLineAndVerboseAddsTheStackTrace() {
        Path missing = dir.resolve("data.csv");
        // one line for the user; --verbose adds the stack trace
        CommandRun quiet = run("replay", "--csv", missing.toString(), "--topic", "t", "--table", "customer", "--spec",
                "classpath:specs/chinook-demo.yaml");
        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.errLines()).containsExactly("shadowfeed: CSV file " + missing + " does not exist");

        CommandRun verbose = run("--verbose", "replay", "--csv", missing.toString(), "--topic", "t", "--table",
                "customer", "--spec", "classpath:specs/chinook-demo.yaml");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).contains("\tat io.shadowfeed.deploy.replay.CsvSource");
    }

    @Test
    void describesUnexpectedExceptionsByTheirType() {
        assertThat(CliErrors.describe(new NullPointerException("boom"), false))
                .isEqualTo("unexpected NullPointerException: boom; run with --verbose for details");
        assertThat(CliErrors.describe(new java.util.concurrent.ExecutionException(
                new IllegalStateException("outer", new java.io.IOException("disk full"))), true))
                .isEqualTo("unexpected IllegalStateException: outer (caused by IOException: disk full)");
        assertThat(CliErrors.describe(new RuntimeException("wrapped",
                new io.shadowfeed.job.spec.SpecException("spec.yaml: bad")), false))
                .isEqualTo("spec.yaml: bad");
    }

    private static CommandRun run(String... args) {
        return CommandRun.execute(args);
    }
}
