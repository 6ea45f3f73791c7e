package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.web.PlannerService;
import org.sdaplanner.web.plans.PlanDownloads;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code --plan ID|NAME}: the plan a command writes files of, either a stored one as edited in the
 * map page or, without the option, the plan {@code sda build} makes with the same options and seed
 * (shared by {@code sda export} and {@code sda profiles}, so both read a stored plan the same way).
 */
final class PlanChoice {
    /** Options that shape a new plan: meaningless with --plan, which takes a stored plan as it is. */
    static final List<String> BUILD_OPTIONS = List.of("--areas", "--parish-areas", "--unparished-areas", "--seed",
            "--no-district-nesting", "--max-deviation", "--min-population", "--max-population", "--balance-weight",
            "--time-limit", "--search-again", "--rule", "--slivers");

    @Option(names = "--plan", paramLabel = "ID|NAME",
            description = "A stored plan, by id or by name ('sda plan list'), as edited in the map page (quick: no"
                    + " search). Without it, the plan 'sda build' makes with the same options and seed.")
    String stored;

    /**
     * @param plan   the plan
     * @param region the region it was made on (geography, dominance, blocks)
     * @param what   the plan in words, for the console
     */
    record Chosen(BuiltPlan plan, RegionAnalysis region, String what) {
    }

    /**
     * The stored plan --plan names, or the plan built from {@code source}'s options (its warnings
     * printed on {@code console}).
     *
     * @throws ParameterException when --plan comes with an option that shapes a new plan
     */
    Chosen choose(CommandSpec spec, PlanSource source, PrintWriter console) {
        if (stored == null) {
            PlanSource.Loaded loaded = source.load();
            // Random baseline plans do not change the plan and are not written: draw none.
            BuiltPlan built = source.build(loaded, 0).plan();
            built.clustering().warnings().forEach(w -> console.println("Warning: " + w));
            return new Chosen(built, loaded.region(), "Plan built with seed " + loaded.options().seed());
        }
        for (String o : BUILD_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new ParameterException(spec.commandLine(), o + " shapes a new plan: with --plan the stored plan"
                        + " is taken as it is (leave " + o + " out).");
            }
        }
        try (PlannerService service = PlannerService.open(source.analysis.store.openForReading())) {
            long id = PlanRef.resolve(service.plans(), stored);
            PlanDownloads.Snapshot s = service.downloads().snapshot(id);
            return new Chosen(s.plan(), service.region().analysis(),
                    String.format(Locale.ROOT, "Plan %d \"%s\" at revision %d", id, s.name(), s.revision()));
        }
    }
}
