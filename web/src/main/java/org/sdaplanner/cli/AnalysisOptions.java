package org.sdaplanner.cli;

import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.dominance.DominanceRule;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The store and the dominant-PCN rule: what 'sda dominance', 'sda blocks' and every plan-making command start from. */
final class AnalysisOptions {
    @Mixin
    StoreOption store;

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "plurality", converter = Converters.Rule.class,
            description = "Dominant PCN rule: plurality (largest share, default), majority (only over 50%%),"
                    + " or min-share=0.05 (PCNs under that share are ignored).")
    DominanceRule rule;

    /** The last import with its dominant PCNs and its building blocks, slivers judged by {@code slivers}. */
    RegionAnalysis load(SliverRule slivers) {
        return RegionAnalysis.load(store.openForReading(), rule, slivers);
    }
}
