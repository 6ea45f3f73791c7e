package org.sdaplanner.importer.load;

import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.manifest.Region;
import org.sdaplanner.importer.read.CsvReader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the NHS practice → PCN map (gp-reg-pat-prac-map.csv) and marks the region's own practices. */
public final class PracticeMapLoader {

    /** One practice of the map. */
    public record MappedPractice(String code, String name, String postcode, String pcnCode, String pcnName,
                                 boolean inRegion) {
    }

    public Map<String, MappedPractice> load(Path path, String name, InputSource src, Region.PracticeFilter filter) {
        String cCode = src.column("practice", "PRACTICE_CODE");
        String cName = src.column("name", "PRACTICE_NAME");
        String cPost = src.column("postcode", "PRACTICE_POSTCODE");
        String cPcn = src.column("pcn", "PCN_CODE");
        String cPcnName = src.column("pcn_name", "PCN_NAME");
        Map<String, MappedPractice> out = new LinkedHashMap<>();
        Map<String, Long> rowOf = new java.util.HashMap<>();
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("practice map", cCode, cPcn);
            if (filter != null) {
                csv.requireColumns("practice map (region.practice_filter)", filter.column());
            }
            boolean hasName = csv.hasColumn(cName);
            boolean hasPost = csv.hasColumn(cPost);
            boolean hasPcnName = csv.hasColumn(cPcnName);
            csv.forEach(row -> {
                String code = row.get(cCode).trim();
                if (code.isEmpty()) {
                    throw InputException.atRow(name, row.line(), cCode, "expected a practice code, found nothing");
                }
                Long before = rowOf.put(code, row.line());
                if (before != null) {
                    throw InputException.atRow(name, row.line(), cCode, "duplicate practice " + code
                            + " (also at row " + before + "): the map must list each practice once");
                }
                String pcn = row.get(cPcn).trim();
                boolean in = filter == null || filter.values().contains(row.get(filter.column()).trim());
                out.put(code, new MappedPractice(code, hasName ? row.get(cName).trim() : code,
                        hasPost ? row.get(cPost).trim() : null, pcn.isEmpty() ? null : pcn,
                        hasPcnName ? row.get(cPcnName).trim() : pcn, in));
            });
        }
        if (out.isEmpty()) {
            throw InputException.ofFile(name, "the practice map has no rows");
        }
        return out;
    }
}
