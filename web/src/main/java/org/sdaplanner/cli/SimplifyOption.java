package org.sdaplanner.cli;

import picocli.CommandLine.Option;

/** The {@code --simplify} option of the commands that write outlines for small-scale maps (checked when read). */
final class SimplifyOption {
    @Option(names = "--simplify", paramLabel = "METRES", defaultValue = "0", converter = Converters.Metres.class,
            description = {"Simplify the outlines for small-scale maps: bends smaller than about this many metres go"
                    + " (0, the default: full detail; at most 10,000). Each boundary two areas share is simplified once,"
                    + " so neighbours still meet exactly, with no gaps or overlaps."})
    double metres;
}
