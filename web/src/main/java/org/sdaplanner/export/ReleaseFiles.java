package org.sdaplanner.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sdaplanner.core.release.AreaImpact;
import org.sdaplanner.core.release.LsoaChange;
import org.sdaplanner.core.release.PcnChange;
import org.sdaplanner.core.release.ReleaseDiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The diff of two data releases as files (sda release diff): lsoa_changes.csv, pcn_changes.csv,
 * area_impact.csv (with a plan), summary.json, and the summary a person reads in ten seconds. The page's
 * tables carry the same rows. Shares with fixed decimals, codes as text, rows in code order: the same
 * releases give the same files byte for byte.
 */
public final class ReleaseFiles {
    public static final String LSOA_CHANGES = "lsoa_changes.csv";
    public static final String PCN_CHANGES = "pcn_changes.csv";
    public static final String AREA_IMPACT = "area_impact.csv";
    public static final String SUMMARY = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReleaseFiles() {
    }

    /** Writes the files into {@code dir} and gives their names, in the order written. */
    public static List<String> write(ReleaseDiff d, Path dir) {
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(LSOA_CHANGES), lsoaCsv(d), StandardCharsets.UTF_8);
            names.add(LSOA_CHANGES);
            Files.writeString(dir.resolve(PCN_CHANGES), pcnCsv(d), StandardCharsets.UTF_8);
            names.add(PCN_CHANGES);
            if (!d.areas().isEmpty()) {
                Files.writeString(dir.resolve(AREA_IMPACT), areaCsv(d), StandardCharsets.UTF_8);
                names.add(AREA_IMPACT);
            }
            Files.writeString(dir.resolve(SUMMARY), JSON.writeValueAsString(d.summary()) + "\n", StandardCharsets.UTF_8);
            names.add(SUMMARY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the release diff into " + dir + ": " + e.getMessage(), e);
        }
        return names;
    }

    public static String lsoaCsv(ReleaseDiff d) {
        StringBuilder sb = new StringBuilder("lsoa_code,lsoa_name,changed,dominant_pcn_before,dominant_pcn_name_before,"
                + "dominant_share_before,contested_before,patients_before,dominant_pcn_after,dominant_pcn_name_after,"
                + "dominant_share_after,contested_after,patients_after\n");
        for (LsoaChange c : d.lsoas()) {
            row(sb, c.code(), c.name(), String.join(";", c.what()), c.before().pcnCode(), c.before().pcnName(),
                    share(c.before().share()), Boolean.toString(c.before().contested()), Long.toString(c.before().patients()),
                    c.after().pcnCode(), c.after().pcnName(), share(c.after().share()), Boolean.toString(c.after().contested()),
                    Long.toString(c.after().patients()));
        }
        return sb.toString();
    }

    public static String pcnCsv(ReleaseDiff d) {
        StringBuilder sb = new StringBuilder("change,pcn_code,pcn_name_before,pcn_name_after,practice_code,practice_name,"
                + "from_pcn,to_pcn,patients\n");
        for (PcnChange c : d.pcns()) {
            row(sb, c.kind().key(), c.pcnCode(), c.nameBefore(), c.nameAfter(), c.practiceCode(), c.practiceName(), c.fromPcn(),
                    c.toPcn(), Long.toString(c.patients()));
        }
        return sb.toString();
    }

    public static String areaCsv(ReleaseDiff d) {
        StringBuilder sb = new StringBuilder("area_id,area_name,alignment_before,alignment_after,alignment_change,"
                + "main_pcn_before,main_pcn_after,residents,residents_dominant_changed,lsoas_changed\n");
        for (AreaImpact a : d.areas()) {
            row(sb, a.areaId(), a.areaName(), share(a.alignmentBefore()), share(a.alignmentAfter()),
                    share(a.alignmentAfter() - a.alignmentBefore()), a.mainPcnBefore(), a.mainPcnAfter(),
                    String.format(Locale.ROOT, "%.0f", a.residents()), String.format(Locale.ROOT, "%.0f", a.residentsChanged()),
                    Integer.toString(a.changedLsoas()));
        }
        return sb.toString();
    }

    /**
     * The summary in a few lines. {@code planName} names the plan of the area figures (null without one);
     * {@code pcnNames} gives PCN names for the largest losses.
     */
    public static List<String> printed(ReleaseDiff d, String planName, Map<String, String> pcnNames) {
        ReleaseDiff.Summary s = d.summary();
        List<String> out = new ArrayList<>();
        out.add("From release " + s.from() + " to " + s.to() + ":");
        out.add(String.format(Locale.ROOT, "  LSOAs:     %d of %d changed: %d changed dominant PCN, %d changed contested flag, "
                        + "%d moved share by more than %s points", s.lsoasChanged(), s.lsoasCompared(), s.dominantChanged(),
                s.contestedChanged(), s.shareChanged(), points(s.shareThreshold())));
        out.add(String.format(Locale.ROOT, "  PCNs:      %d new, %d gone, %d renamed", s.pcnsNew(), s.pcnsGone(), s.pcnsRenamed()));
        out.add(String.format(Locale.ROOT, "  Practices: %d moved PCN (%,d patients), %d new, %d gone", s.practicesMoved(),
                s.patientsAtMovedPractices(), s.practicesNew(), s.practicesGone()));
        if (s.areas() != null) {
            out.add(String.format(Locale.ROOT, "  Plan %s: alignment %.1f%% -> %.1f%%; %d of %d areas affected, %d gained"
                            + " alignment, %d lost", planName == null ? "" : "'" + planName + "'", 100 * s.alignmentBefore(),
                    100 * s.alignmentAfter(), s.areasAffected(), s.areas(), s.areasGained(), s.areasLost()));
            d.areas().stream().filter(a -> a.alignmentBefore() - a.alignmentAfter() > ReleaseDiff.ALIGNMENT_STEP)
                    .sorted((x, y) -> Double.compare(x.alignmentAfter() - x.alignmentBefore(), y.alignmentAfter() - y.alignmentBefore()))
                    .limit(3).forEach(a -> out.add(String.format(Locale.ROOT, "    lost most: %s (%.1f%% -> %.1f%%%s)", a.areaName(),
                            100 * a.alignmentBefore(), 100 * a.alignmentAfter(),
                            java.util.Objects.equals(a.mainPcnBefore(), a.mainPcnAfter()) ? ""
                                    : ", main PCN now " + pcnNames.getOrDefault(a.mainPcnAfter(), String.valueOf(a.mainPcnAfter())))));
        }
        return out;
    }

    private static String points(double share) {
        double p = 100 * share;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p);
    }

    private static String share(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Csv.field(cells[i]));
        }
        sb.append('\n');
    }
}
