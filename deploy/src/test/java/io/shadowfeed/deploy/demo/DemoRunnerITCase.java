package io.shadowfeed.deploy.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command, end to end: broker JVM, registry, replay, the job on a MiniCluster, report. */
class DemoRunnerITCase {

    @TempDir
    Path workDir;

    @Test
    void runsTheChinookDemoAndAccountsForEveryRecord() throws Exception {
        StringWriter report = new StringWriter();

        List<TableCounts> counts = DemoRunner.builder()
                .optWorkDir(workDir)
                .optOutput(new PrintWriter(report, true))
                .build()
                .run();

        assertThat(counts).extracting(TableCounts::table).containsExactly("customer", "invoice", "invoice_line");
        assertThat(counts).extracting(TableCounts::in).containsExactly(59L, 412L, 2240L);
        assertThat(counts).allMatch(TableCounts::balanced);
        String text = report.toString();
        assertThat(text).contains("input and output side by side", "raw.customer (CustomerId=1) -> anon.customer",
                "Address", "counts per table");
        // Customer 1's real email shows once, in the input column; the output column has a fake at a reserved domain.
        assertThat(text.split("luisg@embraer\\.com\\.br", -1)).hasSize(2);
        assertThat(text).containsPattern("@example\\.(com|net|org)");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(workDir.resolve("kafka").resolve("data")).doesNotExist();
    }
}
