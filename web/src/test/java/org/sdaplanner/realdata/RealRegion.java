package org.sdaplanner.realdata;

import org.sdaplanner.cli.RegionAnalysis;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.TestData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real C&P import in a store of its own, read the way `sda build` reads it, and its default
 * plan (the region manifest's counts, seed 1, nested in districts: {@link #DEFAULT_PLAN_AREAS} areas): made once
 * per test JVM.
 */
public final class RealRegion {
    /**
     * Areas in the plan the map server makes by default (and {@code sda build} without options): the
     * region manifest's 28 areas of parishes plus 12 unparished areas of the same mean size (issue 12).
     * {@link #defaultPlan()} is that plan.
     */
    public static final int DEFAULT_PLAN_AREAS = 40;

    private static SpatialStore store;
    private static RegionAnalysis analysis;
    private static BuiltPlan plan;

    private RealRegion() {
    }

    public static synchronized SpatialStore store() {
        if (store == null) {
            try {
                Path dir = Files.createTempDirectory("sda-realdata");
                store = TestData.importedStore("jdbc:h2:file:" + dir.resolve("sda"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "sda-realdata-cleanup"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return store;
    }

    /** Best effort: the store's files once the JVM stops (H2 may still hold the last one; a leftover is harmless). */
    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    public static synchronized RegionAnalysis analysis() {
        if (analysis == null) {
            analysis = RegionAnalysis.load(store(), Region.RULE);
        }
        return analysis;
    }

    public static synchronized PlanningProblem problem() {
        return defaultPlan().state().problem();
    }

    /** The default plan, as `sda build` makes it (without random baselines). */
    public static synchronized BuiltPlan defaultPlan() {
        if (plan == null) {
            RegionAnalysis a = analysis();
            PlanningProblem p = PlanningProblem.of(a.blocks(), a.dominance());
            plan = PlanBuilder.build(p, ClusterOptions.of(a.defaultCounts(), 1), 0);
        }
        return plan;
    }
}
