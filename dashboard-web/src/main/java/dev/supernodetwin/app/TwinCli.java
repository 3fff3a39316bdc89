package dev.supernodetwin.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./twin} launcher: one entry point whose subcommands run the twin, the simulator and the
 * topology tools. This is the composition root: only the commands read flags and environment.
 */
@Command(name = "twin", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A live digital twin of an optically interconnected AI supernode.",
        subcommands = {DemoCommand.class, RunCommand.class, SimulateCommand.class, ReplayCommand.class,
                EvaluateCommand.class, RecordCommand.class, TopologyCommand.class, UsersCommand.class,
                CommandLine.HelpCommand.class})
public final class TwinCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TwinCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Descriptions are written as lines of up to ~110 characters; wrapping them at 80 breaks sentences.
        cli.setUsageHelpWidth(120);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
