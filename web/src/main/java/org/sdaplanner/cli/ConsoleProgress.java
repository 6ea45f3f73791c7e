package org.sdaplanner.cli;

import org.sdaplanner.importer.Progress;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints each step, and a running count at most once a second on steps that take longer. */
final class ConsoleProgress implements Progress {
    private final PrintWriter out;
    private long stepStart;
    private long lastPrint;
    private String label;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void step(String label) {
        this.label = label;
        stepStart = System.nanoTime();
        lastPrint = stepStart;
        out.print("  " + label + " …");
        out.flush();
    }

    @Override
    public void advance(long done, long total) {
        long now = System.nanoTime();
        if (now - lastPrint >= 1_000_000_000L) {
            lastPrint = now;
            String what = total > 0 ? String.format(Locale.ROOT, "%d%%", done * 100 / total)
                    : String.format(Locale.ROOT, "%,d rows", done);
            out.print("\n    " + label + ": " + what);
            out.flush();
        }
    }

    @Override
    public void stepDone(String summary) {
        double s = (System.nanoTime() - stepStart) / 1e9;
        out.println(String.format(Locale.ROOT, " done (%.1f s)", s));
        out.flush();
    }
}
