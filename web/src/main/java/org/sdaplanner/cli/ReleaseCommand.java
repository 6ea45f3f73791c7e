package org.sdaplanner.cli;

import org.sdaplanner.core.release.ReleaseDiff;
import org.sdaplanner.export.ReleaseFiles;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.ReleaseRepository.ReleaseInfo;
import org.sdaplanner.web.PlannerService;
import org.sdaplanner.web.api.RefitOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sda release …}: the store's data releases (registrations and practice → PCN map, added with
 * {@code sda import --release LABEL}): list them, make one current, compare two, re-fit a plan to a new one.
 * Through the same services as the page ({@link PlannerService#releases()}).
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        header = "List, compare and use the data releases (registrations, practice map); re-fit a plan to a new one.",
        description = {"A data release is one set of GP registrations and practice -> PCN map (and populations), added with",
                "'sda import --data DIR --region MANIFEST --release LABEL'. One release is current: the planner's figures",
                "and new plans use it."},
        subcommands = {ReleaseCommand.ListReleases.class, ReleaseCommand.Use.class, ReleaseCommand.Diff.class,
                ReleaseCommand.RefitPlan.class})
public final class ReleaseCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the data releases, oldest first; * marks the current one.")
    static final class ListReleases implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<ReleaseInfo> all = new ReleaseRepository(store.openForReading()).list();
            if (all.isEmpty()) {
                out.println("The store has no data release yet: run 'sda import --data DIR' first.");
                return 0;
            }
            out.println(String.format(Locale.ROOT, "  %-20s %-18s %-18s %9s %5s %12s  %s", "release", "practice map",
                    "registrations", "practices", "PCNs", "patients", "imported"));
            for (ReleaseInfo r : all) {
                out.println(String.format(Locale.ROOT, "%s %-20s %-18.18s %-18.18s %9d %5d %,12d  %s", r.current() ? "*" : " ",
                        r.label(), dash(r.practiceMap()), dash(r.registrations()), r.practices(), r.pcns(), r.patients(),
                        r.importedAt()));
            }
            return 0;
        }

        private static String dash(String s) {
            return s == null ? "–" : s;
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true,
            description = {"Make a release the current one: the planner's figures and new plans use it.",
                    "Plans keep their areas; a running 'sda serve' follows after a restart."})
    static final class Use implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "LABEL", converter = Converters.ReleaseLabel.class, description = "The release to use.")
        String label;

        @Override
        public Integer call() {
            ReleaseInfo r = new ReleaseRepository(store.open()).makeCurrent(label);
            spec.commandLine().getOut().println("Release " + r.label() + " is now current (" + r.practices() + " practices in "
                    + r.pcns() + " PCNs).");
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            header = "What changed from one release to another, and what it does to a plan's areas.",
            description = {"What changed from one release to another: writes lsoa_changes.csv (LSOAs whose dominant PCN,",
                    "contested flag or dominant share changed), pcn_changes.csv (PCNs new, gone, renamed; practices that",
                    "moved, with patients), with --plan area_impact.csv (each area's alignment and main PCN before and",
                    "after), and summary.json; prints the summary."})
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Mixin
        FolderOut out;

        @Option(names = "--from", required = true, paramLabel = "A", converter = Converters.ReleaseLabel.class,
                description = "The earlier release.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "B", converter = Converters.ReleaseLabel.class,
                description = "The later release.")
        String to;

        @Option(names = "--plan", paramLabel = "ID|NAME", description = "Also say what the change does to this plan's areas.")
        String plan;

        @Option(names = "--share-threshold", paramLabel = "SHARE", defaultValue = "0.05", converter = Converters.ShareThreshold.class,
                description = "A dominant share that moves by more than this counts as a change (default ${DEFAULT-VALUE}:"
                        + " 5 percentage points).")
        double threshold;

        @Override
        public Integer call() {
            PrintWriter console = spec.commandLine().getOut();
            try (PlannerService service = PlannerService.open(store.openForReading())) {
                Long id = plan == null ? null : PlanRef.resolve(service.plans(), plan);
                ReleaseDiff d = service.releases().diff(from, to, id, threshold);
                String planName = id == null ? null : service.plans().list().stream().filter(p -> p.id() == id)
                        .map(p -> p.name()).findFirst().orElse(null);
                List<String> files = ReleaseFiles.write(d, out.path);
                ReleaseFiles.printed(d, planName, service.region().pcnNames()).forEach(console::println);
                console.println("Files in " + out.path + ": " + String.join(", ", files));
            }
            return 0;
        }
    }

    @Command(name = "refit", mixinStandardHelpOptions = true,
            header = "Re-fit a plan's areas that a release change touches to the new release.",
            description = {"Re-optimise a plan's areas that a release change touches, under the new release, with the",
                    "planner's search; every other block and every locked block stays where it is. The plan before and",
                    "the re-fit are saved as two versions; the plan becomes the re-fit as one edit (undo takes it back)."})
    static final class RefitPlan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--plan", required = true, paramLabel = "ID|NAME", description = "The plan to re-fit.")
        String plan;

        @Option(names = "--from", paramLabel = "A", converter = Converters.ReleaseLabel.class,
                description = "The release the plan was made under (default: the current one).")
        String from;

        @Option(names = "--to", required = true, paramLabel = "B", converter = Converters.ReleaseLabel.class,
                description = "The new release.")
        String to;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PlannerService service = PlannerService.open(store.open())) {
                long id = PlanRef.resolve(service.plans(), plan);
                RefitOutcome r = service.releases().refit(id, from, to, null, "cli:" + System.getProperty("user.name", "unknown"));
                r.warnings().forEach(w -> out.println("  Note: " + w));
                if (!r.accepted()) {
                    out.println(String.format(Locale.ROOT, "No better areas found for the %d affected areas under release %s"
                            + " (alignment %.1f%%): the plan is unchanged.", r.areas().size(), to, 100 * r.alignmentBefore()));
                    return 0;
                }
                out.println(String.format(Locale.ROOT, "Re-fitted %d areas of plan %d under release %s: %d blocks moved, alignment"
                                + " %.1f%% -> %.1f%% (under %s).", r.areas().size(), id, to, r.blocksMoved(),
                        100 * r.alignmentBefore(), 100 * r.alignmentAfter(), to));
                out.println("Saved as version " + r.versionBefore() + " (before) and version " + r.versionAfter()
                        + " (the re-fit, now the plan); undo it in the page, or compare the two versions there.");
            }
            return 0;
        }
    }
}
