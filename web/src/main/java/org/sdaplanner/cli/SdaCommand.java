package org.sdaplanner.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every sda command has: its picocli spec, and the terminal it writes to. */
abstract class SdaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The command's standard output (tests capture it). */
    PrintWriter console() {
        return spec.commandLine().getOut();
    }
}
