package org.sdaplanner.importer.load;

import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.load.LoadedRecords.LsoaValue;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.read.CsvReader;
import org.sdaplanner.importer.read.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a per-LSOA table (census, deprivation, rural-urban class, age estimates) into
 * (LSOA, field, value) rows. {@code long} tables have one row per LSOA × category;
 * {@code wide} tables have one column per field. Only the region's LSOAs are kept.
 */
public final class TableLoader {

    public List<LsoaValue> load(Path path, String name, InputSource src, Set<String> keepCodes) {
        String layout = src.layout() == null ? "wide" : src.layout();
        String cCode = src.column("code", "LSOA21CD");
        List<LsoaValue> out = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("table " + src.id(), cCode);
            if ("long".equals(layout)) {
                String cCat = src.column("category", null);
                String cVal = src.column("value", null);
                if (cCat == null || cVal == null) {
                    throw InputException.ofFile(name, "a long table needs columns.category and columns.value in the manifest");
                }
                csv.requireColumns("table " + src.id(), cCat, cVal);
                csv.forEach(row -> {
                    String code = row.get(cCode).trim();
                    if (keepCodes.contains(code)) {
                        out.add(new LsoaValue(src.id(), code, row.get(cCat).trim(),
                                Values.number(name, row.line(), cVal, row.get(cVal)), null));
                    }
                });
            } else if ("events".equals(layout)) {
                // one row per event (e.g. a police.uk crime): counted per LSOA and category
                String cCat = src.column("category", null);
                if (cCat == null) {
                    throw InputException.ofFile(name, "an events table needs columns.category in the manifest");
                }
                csv.requireColumns("table " + src.id(), cCat);
                Map<String, double[]> counts = new java.util.TreeMap<>();
                csv.forEach(row -> {
                    String code = row.get(cCode).trim();
                    if (keepCodes.contains(code)) {
                        counts.computeIfAbsent(code + '\u001f' + row.get(cCat).trim(), k -> new double[1])[0]++;
                    }
                });
                counts.forEach((k, v) -> {
                    int sep = k.indexOf('\u001f');
                    out.add(new LsoaValue(src.id(), k.substring(0, sep), k.substring(sep + 1), v[0], null));
                });
            } else if ("wide".equals(layout)) {
                List<String> fields = fields(src, csv, cCode);
                csv.requireColumns("table " + src.id(), fields.toArray(new String[0]));
                csv.forEach(row -> {
                    String code = row.get(cCode).trim();
                    if (!keepCodes.contains(code)) {
                        return;
                    }
                    for (String f : fields) {
                        String raw = row.get(f).trim();
                        if (raw.isEmpty()) {
                            continue;
                        }
                        boolean numeric = Values.isNumber(raw);
                        out.add(new LsoaValue(src.id(), code, f,
                                numeric ? Values.number(name, row.line(), f, raw) : null, numeric ? null : raw));
                    }
                });
            } else {
                throw InputException.ofFile(name, "unknown table layout '" + layout + "': expected long, wide or events");
            }
        }
        if (out.isEmpty()) {
            throw InputException.ofFile(name, "no row of table " + src.id() + " is about an LSOA of the region"
                    + " (check columns.code and lsoa_vintage)");
        }
        return out;
    }

    private static List<String> fields(InputSource src, CsvReader csv, String cCode) {
        Object f = src.columns().get("fields");
        if (f instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        // "*numeric" (or nothing): every column but the code whose name reads as data, e.g. ages 0..90
        List<String> out = new ArrayList<>();
        for (String c : csv.columns()) {
            if (!c.equals(cCode) && (!"*numeric".equals(f) || !c.toLowerCase().contains("name"))) {
                out.add(c);
            }
        }
        return out;
    }
}
