package org.sdaplanner.cli;

import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.dominance.PcnFootprint;
import org.sdaplanner.core.dominance.UnallocatedPractice;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.export.DominanceCsv;
import org.sdaplanner.store.GeographyReader;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

@Command(name = "dominance", mixinStandardHelpOptions = true,
        header = "Find each LSOA's dominant PCN (where most of its residents are registered).",
        description = {"Work out, for every LSOA of the imported region, the PCN where most of its residents are",
                "registered (its dominant PCN), with the runner-up, the margin and contested/tie flags."})
public final class DominanceCommand extends AnalysisCommand {
    @Override
    public Integer call() throws IOException {
        DominanceRule r = source.rule;
        PrintWriter console = console();
        Path out = file.path;
        Geography g = new GeographyReader(source.store.openForReading()).readDominanceInput(); // no shapes: dominance needs none
        DominanceResult result = new DominanceEngine().compute(DominanceInput.of(g), r);
        Files.createDirectories(out.toAbsolutePath().normalize().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            DominanceCsv.write(result, w);
        }
        var t = result.totals();
        console.println(String.format(Locale.ROOT, "Dominant PCN by the %s rule: %,d LSOAs, %,d with a dominant PCN,"
                        + " %,d contested (under 50%%), %,d ties, %,d with no registrations",
                r, t.regionLsoas(), t.lsoasWithDominant(), t.contestedLsoas(), t.tiedLsoas(),
                result.lsoasWithoutRegistrations().size()));
        console.println(String.format(Locale.ROOT, "  %-10s %-45s %6s %10s %8s", "PCN", "name", "LSOAs", "footprint", "capture"));
        for (PcnFootprint p : result.pcns()) {
            console.println(String.format(Locale.ROOT, "  %-10s %-45.45s %6d %,10d %7.1f%%", p.pcnCode(),
                    p.pcnName() == null ? "" : p.pcnName(), p.footprintLsoas().size(), p.footprintRegisteredPatients(),
                    100 * p.capture()));
        }
        for (UnallocatedPractice u : result.unallocatedPractices()) {
            console.println(String.format(Locale.ROOT, "  practice %s has no PCN (%s): %,d patients in the region, counted in"
                    + " shares but never dominant", u.practiceCode(), u.pcnCode() == null ? "not in the map" : u.pcnCode(),
                    u.regionPatients()));
        }
        console.println("Written " + out);
        return 0;
    }
}
