package io.shadowfeed.deploy.local;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Formats a KRaft log directory with a new cluster id, as {@code kafka-storage.sh format --standalone} does. Runs in
 * this JVM: {@code StorageTool.execute} returns an exit code (only its {@code main} calls System.exit), and this
 * saves launching a second JVM for a one-second job.
 */
final class StorageFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);

    private StorageFormatter() {}

    static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve("meta.properties"));
    }

    /** @return the new cluster id */
    static String format(Path serverProperties) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", serverProperties.toString(), "--standalone"}, out);
        } catch (RuntimeException e) {
            // TerseFailure and argument errors carry a readable message.
            throw new BrokerStartException("cannot format Kafka storage with " + serverProperties + ": "
                    + e.getMessage(), e);
        }
        String printed = output.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new BrokerStartException("cannot format Kafka storage with " + serverProperties + " (exit code "
                    + exitCode + "): " + printed);
        }
        LOG.debug("formatted storage: {}", printed);
        return clusterId;
    }
}
