package io.sseconnector.connector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sse-connector} command line: one binary, a subcommand per job. */
@Command(
        name = "sse-connector",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Server-Sent Events at the edge and in the data centre: bridge, hub and tools.",
        subcommands = {
            DemoCommand.class,
            TailCommand.class,
            SimulateCommand.class,
            ValidateCommand.class,
            RunCommand.class,
            SchemaCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        return new CommandLine(new Main())
                .registerConverter(java.time.Duration.class, new DurationConverter())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
