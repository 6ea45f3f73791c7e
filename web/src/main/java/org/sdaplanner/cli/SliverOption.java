package org.sdaplanner.cli;

import org.sdaplanner.core.blocks.SliverRule;
import picocli.CommandLine.Option;

/**
 * {@code --slivers join|keep}: the blocks 'sda blocks' and the plan-making commands work on. Not in
 * {@link AnalysisOptions}, which 'sda dominance' also uses and which makes no blocks.
 */
final class SliverOption {
    @Option(names = "--slivers", paramLabel = "join|keep", defaultValue = "join", converter = Converters.Slivers.class,
            description = {"join (the default): LSOA pieces outside every parish that are too small to be a community"
                    + " (under 10%% of their LSOA's land and 5%% of its residents) join a neighbouring block"
                    + " (docs/methodology.md §5).",
                    "keep: every such piece stays a block of its own, detached parts included, as before the sliver"
                            + " rule (C&P: 498 blocks instead of 413). For comparing with plans or checks made on those"
                            + " blocks, or for a tighter balance than the joined blocks allow. The map page and server"
                            + " always use join, so a plan built with keep is files only: 'sda plan import' would leave"
                            + " the slivers out and some areas may then be in pieces."})
    SliverRule rule;
}
