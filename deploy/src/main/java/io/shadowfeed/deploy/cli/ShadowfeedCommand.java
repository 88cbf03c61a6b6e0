package io.shadowfeed.deploy.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The {@code shadowfeed} command line. A new subcommand is one class annotated with {@code @Command} and one line in
 * {@code subcommands} below; it inherits {@code --help}, {@code --version}, {@code --verbose} and the error handling.
 */
@Command(
        name = "shadowfeed",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Privacy-safe synthetic Kafka feeds: real records in, records with the shape of production "
                + "and none of its people out.",
        subcommands = {
                DemoCommand.class,
                JobCommand.class,
                RegistryCommand.class,
                ReplayCommand.class,
                LocalCommand.class,
                PiiCommand.class,
                TrainCommand.class,
                SampleCommand.class,
                EvaluateCommand.class,
                PrivacyCommand.class,
        })
public final class ShadowfeedCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private boolean verbose;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log what happens, and print stack traces of errors.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            Configurator.setLevel("io.shadowfeed", Level.DEBUG);
        }
    }

    boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing a command: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The command line with this project's error handling. */
    public static CommandLine commandLine() {
        ShadowfeedCommand root = new ShadowfeedCommand();
        CommandLine commandLine = new CommandLine(root);
        CliErrorHandler errors = new CliErrorHandler(root::verbose);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
