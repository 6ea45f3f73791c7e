package org.sdaplanner.importer.load;

import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.plausible.CountBounds;
import org.sdaplanner.importer.read.CsvReader;
import org.sdaplanner.importer.read.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a two-column count per LSOA (usual residents), for the LSOAs of the region. The counts must
 * be of the boundaries' LSOA vintage (there is nothing to share a split LSOA's residents by), and
 * within what one LSOA can hold ({@link CountBounds}).
 */
public final class LsoaValueLoader {

    public record Counts(Map<String, Long> values, long rowsWithoutCode, long rowsOutsideRegion) {
    }

    /**
     * @param vintages  tells the LSOA vintages apart (empty without a lookup)
     * @param vintage   the boundaries' vintage, which the file must use
     */
    public Counts load(Path path, String name, String codeColumn, String valueColumn, Set<String> regionLsoas,
                       LsoaVintages vintages, String vintage, List<String> warnings) {
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, Long> rowOf = new java.util.HashMap<>();
        long[] noCode = {0};
        long[] outside = {0};
        LsoaVintages.Evidence evidence = new LsoaVintages.Evidence("row");
        List<String> odd = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("LSOA population", codeColumn, valueColumn);
            csv.forEach(row -> {
                String code = row.get(codeColumn).trim();
                if (code.isEmpty()) {
                    noCode[0]++; // footnotes under ONS tables
                    return;
                }
                evidence.see(vintages, code, row.line());
                if (!regionLsoas.contains(code)) {
                    outside[0]++;
                    return;
                }
                long v = Values.count(name, row.line(), valueColumn, row.get(valueColumn));
                if (v > CountBounds.REFUSE_ABOVE) {
                    throw InputException.atRow(name, row.line(), valueColumn,
                            CountBounds.refusal(v, "usual residents for one LSOA (" + code + ")"));
                }
                if (v > CountBounds.WARN_ABOVE && odd.size() < 10) {
                    odd.add("row " + row.line() + " (" + code + ": " + CountBounds.number(v) + ")");
                }
                Long before = rowOf.put(code, row.line());
                if (before != null) {
                    throw InputException.atRow(name, row.line(), codeColumn, "duplicate LSOA " + code
                            + " (also at row " + before + ")");
                }
                out.put(code, v);
            });
        }
        String used = vintages.decide(evidence, null, vintage, name, "inputs.lsoa_population", new ArrayList<>());
        if (!used.equals(vintage)) {
            throw InputException.ofFile(name, "uses LSOA " + used + " codes (" + evidence.describe(used) + "), but the"
                    + " residents must be counted per LSOA of the boundaries' vintage, " + vintage
                    + ": use the Census 2021 usual residents (TS001) by LSOA " + vintage);
        }
        if (!odd.isEmpty()) {
            warnings.add(name + ": more residents than any real LSOA has (" + CountBounds.largestInEngland() + ") in "
                    + String.join(", ", odd) + ": check these rows");
        }
        return new Counts(out, noCode[0], outside[0]);
    }
}
