package io.shadowfeed.deploy.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code shadowfeed pii}: find personal data in CSV columns and in text, and apply a spec's policies to a CSV. */
@Command(name = "pii", sortOptions = false,
        description = "Find personal data (classify CSV columns, detect spans in text) and apply a spec's policies "
                + "to a CSV. Output is JSON; values are never printed, except redacted text when asked for.",
        subcommands = {
                PiiClassifyCommand.class,
                PiiDetectCommand.class,
                PiiApplyCommand.class,
        })
final class PiiCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        throw new ParameterException(command.commandLine(), "missing a command: one of "
                + String.join(", ", command.subcommands().keySet()));
    }
}
