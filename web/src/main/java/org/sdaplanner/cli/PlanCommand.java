package org.sdaplanner.cli;

import picocli.CommandLine.Mixin;

/** A command that builds the plan (store, rule, plan options) and writes files into a folder: build, export, profiles. */
abstract class PlanCommand extends SdaCommand {
    @Mixin
    PlanSource source;

    @Mixin
    FolderOut out;
}
