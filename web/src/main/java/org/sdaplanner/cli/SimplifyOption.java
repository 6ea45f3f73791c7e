package org.sdaplanner.cli;

import picocli.CommandLine.Option;

/** The {@code --simplify} option of the commands that write outlines for small-scale maps. */
final class SimplifyOption {
    @Option(names = "--simplify", paramLabel = "METRES", defaultValue = "0",
            description = {"Simplify the outlines for small-scale maps: bends smaller than about this many metres go"
                    + " (0, the default: full detail). Each boundary two areas share is simplified once, so"
                    + " neighbours still meet exactly, with no gaps or overlaps."})
    double metres;

    double metres() {
        if (!(metres >= 0) || Double.isInfinite(metres)) {
            throw new IllegalArgumentException("--simplify must be a number of metres >= 0, not " + metres);
        }
        return metres;
    }
}
