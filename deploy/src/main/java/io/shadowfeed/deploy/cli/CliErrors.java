package io.shadowfeed.deploy.cli;

import io.shadowfeed.avro.confluent.RegistryUnavailableException;
import io.shadowfeed.avro.registry.RegistryStartException;
import io.shadowfeed.avro.registry.store.RegistryStoreException;
import io.shadowfeed.deploy.demo.DemoFailedException;
import io.shadowfeed.job.TopicProvisioningException;
import io.shadowfeed.job.model.ModelPublishException;
import io.shadowfeed.deploy.local.BrokerStartException;
import io.shadowfeed.deploy.local.PortInUseException;
import io.shadowfeed.deploy.replay.CsvConversionException;
import io.shadowfeed.deploy.replay.CsvFormatException;
import io.shadowfeed.deploy.replay.ReplayException;
import io.shadowfeed.job.spec.SpecException;
import io.shadowfeed.privacy.dp.ledger.LedgerException;
import io.shadowfeed.privacy.keys.KeyException;
import io.shadowfeed.trainer.artifact.ArtifactException;
import io.shadowfeed.trainer.evaluate.gate.GateConfigException;
import io.shadowfeed.trainer.io.TableReadException;
import io.shadowfeed.trainer.profile.ProfileException;
import io.shadowfeed.trainer.sample.UnsatisfiableConditionException;
import io.shadowfeed.trainer.train.TrainingDivergedException;
import io.shadowfeed.trainer.transform.TransformException;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Says what went wrong in one line: the project's typed exceptions by their message, anything else by its type. */
final class CliErrors {

    /** Exceptions whose message is written for the user: no type name, no stack trace needed. */
    private static final List<Class<? extends Throwable>> EXPECTED = List.of(
            SpecException.class,
            PortInUseException.class,
            BrokerStartException.class,
            CsvConversionException.class,
            CsvFormatException.class,
            ReplayException.class,
            TopicProvisioningException.class,
            ModelPublishException.class,
            RegistryUnavailableException.class,
            RegistryStartException.class,
            RegistryStoreException.class,
            DemoFailedException.class,
            KeyException.class,
            LedgerException.class,
            TableReadException.class,
            ProfileException.class,
            TransformException.class,
            ArtifactException.class,
            GateConfigException.class,
            UnsatisfiableConditionException.class,
            TrainingDivergedException.class,
            IllegalArgumentException.class);

    private CliErrors() {}

    static String describe(Throwable failure, boolean verbose) {
        Throwable e = unwrap(failure);
        if (isInterruption(e)) {
            return "interrupted";
        }
        if (isExpected(e)) {
            return e.getMessage();
        }
        String cause = rootCause(e) == e ? "" : " (caused by " + describeShort(rootCause(e)) + ")";
        return "unexpected " + describeShort(e) + cause + (verbose ? "" : "; run with --verbose for details");
    }

    static boolean isInterruption(Throwable failure) {
        Throwable e = unwrap(failure);
        return e instanceof InterruptedException;
    }

    /** The first exception in the cause chain that is one of ours, else the first that is not a mere wrapper. */
    private static Throwable unwrap(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (isExpected(e) && !(e instanceof IllegalArgumentException)) {
                return e;
            }
        }
        Throwable e = failure;
        while (e.getCause() != null && (e instanceof ExecutionException || e instanceof CompletionException
                || e.getClass().getName().equals("org.apache.flink.runtime.client.JobExecutionException")
                || e.getMessage() == null)) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean isExpected(Throwable e) {
        return EXPECTED.stream().anyMatch(type -> type.isInstance(e)) && e.getMessage() != null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String describeShort(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
