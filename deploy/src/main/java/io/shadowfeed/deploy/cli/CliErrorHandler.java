package io.shadowfeed.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * Turns every failure into one line on stderr, {@code shadowfeed: <reason>}, and an exit code: 2 for bad usage, 1 for
 * a failure, 130 when interrupted. Stack traces only with {@code --verbose}.
 */
final class CliErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_INTERRUPTED = 130;

    private final BooleanSupplier verbose;

    CliErrorHandler(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("shadowfeed: " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        if (verbose.getAsBoolean()) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("shadowfeed: " + CliErrors.describe(e, verbose.getAsBoolean()));
        if (verbose.getAsBoolean()) {
            e.printStackTrace(err);
        }
        err.flush();
        return CliErrors.isInterruption(e) ? EXIT_INTERRUPTED : EXIT_FAILURE;
    }
}
