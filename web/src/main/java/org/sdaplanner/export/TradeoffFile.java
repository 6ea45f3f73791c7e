package org.sdaplanner.export;

import org.sdaplanner.core.cluster.Tradeoff;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes tradeoff.csv: per bound on the deviation from the mean area, the best alignment found,
 * the proven upper bound on any plan under that bound, the gap, and the largest deviation the
 * plan actually has; a bound no plan can meet has empty figures and the reason.
 */
public final class TradeoffFile {
    public static final String FILE_NAME = "tradeoff.csv";

    private TradeoffFile() {
    }

    public static Path write(List<Tradeoff.Point> points, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("max_deviation,alignment,alignment_upper_bound,optimality_gap,largest_deviation,areas,note\n");
            for (Tradeoff.Point p : points) {
                String dev = p.maxDeviation() == null ? "none" : String.format(Locale.ROOT, "%.2f", p.maxDeviation());
                if (p.plan() == null) {
                    w.write(dev + ",,,,,," + Csv.field("infeasible: " + p.infeasible()) + "\n");
                    continue;
                }
                var s = p.plan().summary();
                var c = p.plan().certificate();
                w.write(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%d,%s%n", dev, s.alignment(),
                        Numbers.roundUp(c.upperBound(), 4), Numbers.roundUp(c.gap(), 4), s.maxDeviation(), s.areas(),
                        c.optimal() ? "optimal" : ""));
            }
        }
        return file;
    }
}
