package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code shadowfeed privacy noise}: the smallest noise multiplier that keeps training within a target epsilon. */
@Command(name = "noise", sortOptions = false,
        description = {"The smallest noise multiplier for which STEPS Poisson-subsampled Gaussian steps at "
                + "sampling rate Q stay within (EPSILON, DELTA), by Rényi DP and the tight conversion (to 1e-9 "
                + "relative).",
                "Prints {\"noise_multiplier\"}."})
final class PrivacyNoiseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--sampling-rate", required = true, paramLabel = "Q", description = "In [0, 1].")
    private double samplingRate;

    @Option(names = "--steps", required = true, paramLabel = "T", description = "Non-negative.")
    private long steps;

    @Option(names = "--delta", required = true, paramLabel = "D", description = "In (0, 1).")
    private double delta;

    @Option(names = "--epsilon", required = true, paramLabel = "E", description = "Positive.")
    private double epsilon;

    @Override
    public Integer call() {
        double noise = RdpAccountant.noiseMultiplier(samplingRate, steps, delta, epsilon,
                RdpAccountant.DEFAULT_ORDERS);
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("noise_multiplier", noise);
        command.commandLine().getOut().println(json);
        return 0;
    }
}
