package org.sdaplanner.importer.load;

import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Quoted;
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
        // an older layout names the filter's column differently (CCG_CODE in 2022, SUB_ICB_LOCATION_CODE since):
        // the practice map's own "filter" column, when the manifest gives one, stands for region.practice_filter.column
        String cFilter = filter == null ? null : src.column("filter", filter.column());
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("practice map", cCode, cPcn);
            if (filter != null) {
                csv.requireColumns("practice map (region.practice_filter" + (cFilter.equals(filter.column()) ? ""
                        : ", as inputs.practice_map.columns.filter") + ")", cFilter);
            }
            boolean hasName = csv.hasColumn(cName);
            boolean hasPost = csv.hasColumn(cPost);
            boolean hasPcnName = csv.hasColumn(cPcnName);
            csv.forEach(row -> {
                String code = row.get(cCode).trim();
                if (code.isEmpty()) {
                    throw InputException.atRow(name, row.line(), cCode, "expected a practice code, found nothing");
                }
                TextRule.problem(TextRule.Kind.CODE, code).ifPresent(p -> {
                    throw InputException.atRow(name, row.line(), cCode, "the practice code " + Quoted.of(code) + ": " + p);
                });
                Long before = rowOf.put(code, row.line());
                if (before != null) {
                    throw InputException.atRow(name, row.line(), cCode, "duplicate practice " + code
                            + " (also at row " + before + "): the map must list each practice once");
                }
                String pcn = row.get(cPcn).trim();
                if (!pcn.isEmpty()) {
                    TextRule.problem(TextRule.Kind.CODE, pcn).ifPresent(p -> {
                        throw InputException.atRow(name, row.line(), cPcn, "the PCN code " + Quoted.of(pcn) + ": " + p);
                    });
                }
                boolean in = filter == null || filter.values().contains(row.get(cFilter).trim());
                String practiceName = hasName ? text(name, row, cName, TextRule.Kind.PLACE_NAME) : code;
                String postcode = hasPost ? row.get(cPost).trim() : null;
                if (postcode != null && !postcode.isEmpty()) {
                    TextRule.problem(TextRule.Kind.CODE, postcode).ifPresent(p -> {
                        throw InputException.atRow(name, row.line(), cPost, "the postcode " + Quoted.of(postcode) + ": " + p);
                    });
                }
                String pcnName = hasPcnName ? text(name, row, cPcnName, TextRule.Kind.PLACE_NAME) : pcn;
                out.put(code, new MappedPractice(code, practiceName, postcode, pcn.isEmpty() ? null : pcn, pcnName, in));
            });
        }
        if (out.isEmpty()) {
            throw InputException.ofFile(name, "the practice map has no rows");
        }
        return out;
    }

    private static String text(String file, org.sdaplanner.importer.read.CsvRow row, String column, TextRule.Kind kind) {
        String v = row.get(column).trim();
        TextRule.problem(kind, v).ifPresent(p -> {
            throw InputException.atRow(file, row.line(), column, "the name " + Quoted.of(v) + ": " + p);
        });
        return v;
    }
}
