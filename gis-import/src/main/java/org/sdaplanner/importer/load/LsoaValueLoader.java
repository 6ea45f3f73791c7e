package org.sdaplanner.importer.load;

import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.read.CsvReader;
import org.sdaplanner.importer.read.Values;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads a two-column count per LSOA (usual residents), for the LSOAs of the region. */
public final class LsoaValueLoader {

    public record Counts(Map<String, Long> values, long rowsWithoutCode, long rowsOutsideRegion) {
    }

    public Counts load(Path path, String name, String codeColumn, String valueColumn, Set<String> regionLsoas) {
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, Long> rowOf = new java.util.HashMap<>();
        long[] noCode = {0};
        long[] outside = {0};
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("LSOA population", codeColumn, valueColumn);
            csv.forEach(row -> {
                String code = row.get(codeColumn).trim();
                if (code.isEmpty()) {
                    noCode[0]++; // footnotes under ONS tables
                    return;
                }
                if (!regionLsoas.contains(code)) {
                    outside[0]++;
                    return;
                }
                long v = Values.count(name, row.line(), valueColumn, row.get(valueColumn));
                Long before = rowOf.put(code, row.line());
                if (before != null) {
                    throw InputException.atRow(name, row.line(), codeColumn, "duplicate LSOA " + code
                            + " (also at row " + before + ")");
                }
                out.put(code, v);
            });
        }
        return new Counts(out, noCode[0], outside[0]);
    }
}
