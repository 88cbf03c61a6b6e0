package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import io.shadowfeed.privacy.dp.accounting.RdpConversion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code shadowfeed privacy epsilon}: the (epsilon, delta) of repeated Poisson-subsampled Gaussian steps. */
@Command(name = "epsilon", sortOptions = false,
        description = {"The epsilon at DELTA of STEPS steps of the Poisson-subsampled Gaussian mechanism "
                + "(each record included with probability Q, Gaussian noise of S times the L2 sensitivity), by "
                + "Rényi DP over orders 1.1 to 256 (Mironov, Talwar, Zhang 2019).",
                "Prints {\"epsilon\", \"order\", \"conversion\"}: the best order, and which RDP-to-(epsilon, delta) "
                        + "conversion gave it."})
final class PrivacyEpsilonCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--sampling-rate", required = true, paramLabel = "Q", description = "In [0, 1].")
    private double samplingRate;

    @Option(names = "--noise-multiplier", required = true, paramLabel = "S", description = "Positive.")
    private double noiseMultiplier;

    @Option(names = "--steps", required = true, paramLabel = "T", description = "Non-negative.")
    private long steps;

    @Option(names = "--delta", required = true, paramLabel = "D", description = "In (0, 1).")
    private double delta;

    @Option(names = "--conversion", paramLabel = "classic|tight", defaultValue = "tight",
            description = "tight (Balle et al. 2020, the default) or classic (Mironov 2017).")
    private RdpConversion conversion;

    @Override
    public Integer call() {
        RdpAccountant.EpsilonResult result = RdpAccountant.withDefaultOrders()
                .composeSubsampledGaussian(samplingRate, noiseMultiplier, steps).epsilon(delta, conversion);
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("epsilon", result.epsilon());
        json.put("order", result.order());
        json.put("conversion", result.conversion().name().toLowerCase(Locale.ROOT));
        command.commandLine().getOut().println(json);
        return 0;
    }
}
