package org.sdaplanner.export;

import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.LsoaDominance;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes one row per LSOA of a dominance result. Shares have six decimals and rows are in
 * LSOA code order, so the same inputs give the same file byte for byte.
 */
public final class DominanceCsv {
    public static final String HEADER = "lsoa_code,dominant_pcn_code,dominant_share,second_pcn_code,second_share,"
            + "registered_patients,contested,tie,margin,leader_pcn_code,leader_share,unallocated_patients";

    private DominanceCsv() {
    }

    public static void write(DominanceResult r, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (LsoaDominance l : r.lsoas()) {
            out.write(String.join(",", Csv.field(l.lsoaCode()), Csv.field(l.dominantPcnCode()),
                    share(l.hasDominant() ? l.dominantShare() : 0),
                    Csv.field(l.secondPcnCode()), share(l.secondShare()), Long.toString(l.registeredPatients()),
                    Boolean.toString(l.contested()), Boolean.toString(l.tie()), share(l.margin()), Csv.field(l.leaderPcnCode()),
                    share(l.leaderShare()), Long.toString(l.unallocatedPatients())));
            out.write('\n');
        }
    }

    static String share(double d) {
        return Numbers.fixed(d, 6);
    }
}
