package org.sdaplanner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sda} command line: one entry point, a subcommand per job. */
@Command(name = "sda", mixinStandardHelpOptions = true, version = "sda 0.1.0",
        description = "Service delivery area planner: import official data, work out dominant PCNs,"
                + " build and publish service delivery areas.",
        subcommands = {ImportCommand.class, DominanceCommand.class, BlocksCommand.class, BuildCommand.class, ExportCommand.class, PlansCommand.class, ReleaseCommand.class, ReportCommand.class,
                ProfilesCommand.class,
                ServeCommand.class, StartCommand.class, UserCommand.class, CommandLine.HelpCommand.class})
public final class SdaMain implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 on success), for main and for tests. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new SdaMain());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new ArgumentErrors());
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
