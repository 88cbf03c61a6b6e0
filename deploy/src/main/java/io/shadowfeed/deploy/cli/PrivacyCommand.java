package io.shadowfeed.deploy.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code shadowfeed privacy}: differential-privacy accounting. */
@Command(name = "privacy", sortOptions = false,
        description = "Differential-privacy accounting with Rényi DP: the epsilon of DP-SGD-style training, "
                + "the noise a target epsilon needs, and each dataset's budget ledger. Output is JSON.",
        subcommands = {
                PrivacyEpsilonCommand.class,
                PrivacyNoiseCommand.class,
                PrivacyLedgerCommand.class,
        })
final class PrivacyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        throw new ParameterException(command.commandLine(), "missing a command: one of "
                + String.join(", ", command.subcommands().keySet()));
    }
}
