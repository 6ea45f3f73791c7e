package org.sdaplanner.cli;

import picocli.CommandLine.Mixin;

/** A command that works out dominant PCNs (store and rule) and writes one file: dominance, blocks. */
abstract class AnalysisCommand extends SdaCommand {
    @Mixin
    AnalysisOptions source;

    @Mixin
    FileOut file;
}
