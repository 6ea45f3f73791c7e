package org.sdaplanner.cli;

import org.sdaplanner.core.dominance.DominanceRule;
import picocli.CommandLine.Option;

/** The {@code --rule} option the commands that work out dominant PCNs share. */
final class RuleOption {
    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "plurality",
            description = "Dominant PCN rule: plurality (largest share, default), majority (only over 50%%),"
                    + " or min-share=0.05 (PCNs under that share are ignored).")
    String rule;

    DominanceRule parse() {
        return DominanceRule.parse(rule);
    }
}
