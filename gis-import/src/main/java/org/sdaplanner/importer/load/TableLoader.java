package org.sdaplanner.importer.load;

import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Quoted;
import org.sdaplanner.importer.load.LoadedRecords.LsoaValue;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.plausible.TableValueRule;
import org.sdaplanner.importer.read.CsvReader;
import org.sdaplanner.importer.read.CsvRow;
import org.sdaplanner.importer.read.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a per-LSOA table (census, deprivation, rural-urban class, age estimates) into
 * (LSOA, field, value) rows. {@code long} tables have one row per LSOA × category;
 * {@code wide} tables have one column per field. Only the region's LSOAs are kept, in the
 * vintage the table's codes turn out to have ({@link LsoaVintages}); values must be what their
 * field holds ({@link TableValueRule}).
 */
public final class TableLoader {

    public record Result(List<LsoaValue> values, String vintage) {
    }

    /** What to keep and how to check it. */
    public record Scope(Map<String, Set<String>> regionCodesByVintage, LsoaVintages vintages, String declared,
                        String expected, Predicate<String> countField) {
    }

    public Result load(Path path, String name, InputSource src, Scope scope, List<String> warnings) {
        String layout = src.layout() == null ? "wide" : src.layout();
        String cCode = src.column("code", "LSOA21CD");
        List<CsvRow> held = new ArrayList<>();
        LsoaVintages.Evidence evidence = new LsoaVintages.Evidence("row");
        List<String> fields;
        String cCat = src.column("category", null);
        String cVal = src.column("value", null);
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("table " + src.id(), cCode);
            switch (layout) {
                case "long" -> {
                    if (cCat == null || cVal == null) {
                        throw InputException.ofFile(name, "a long table needs columns.category and columns.value in the manifest");
                    }
                    csv.requireColumns("table " + src.id(), cCat, cVal);
                    fields = List.of();
                }
                case "events" -> {
                    // one row per event (e.g. a police.uk crime): counted per LSOA and category
                    if (cCat == null) {
                        throw InputException.ofFile(name, "an events table needs columns.category in the manifest");
                    }
                    csv.requireColumns("table " + src.id(), cCat);
                    fields = List.of();
                }
                case "wide" -> {
                    fields = fields(src, csv, cCode);
                    csv.requireColumns("table " + src.id(), fields.toArray(new String[0]));
                    for (String f : fields) {
                        TextRule.problem(TextRule.Kind.TABLE_TEXT, f).ifPresent(p -> {
                            throw new InputException(name, "header", null, "the column name " + Quoted.of(f) + ": " + p);
                        });
                    }
                }
                default -> throw InputException.ofFile(name, "unknown table layout '" + layout + "': expected long, wide or events");
            }
            csv.forEach(row -> {
                String code = row.get(cCode).trim();
                evidence.see(scope.vintages(), code, row.line());
                if (scope.regionCodesByVintage().values().stream().anyMatch(s -> s.contains(code))) {
                    held.add(row);
                }
            });
        }
        String vintage = scope.vintages().decide(evidence, scope.declared(), scope.expected(), name,
                "inputs.tables (id " + src.id() + ")", warnings);
        Set<String> keep = scope.regionCodesByVintage().getOrDefault(vintage, Set.of());
        List<LsoaValue> out = new ArrayList<>();
        switch (layout) {
            case "long" -> {
                TableValueRule rule = TableValueRule.of(cVal, true, vintage);
                for (CsvRow row : held) {
                    String code = row.get(cCode).trim();
                    if (keep.contains(code)) {
                        String category = text(name, row, cCat);
                        double v = Values.number(name, row.line(), cVal, row.get(cVal));
                        check(name, row, cVal, rule, v);
                        out.add(new LsoaValue(src.id(), code, category, v, null));
                    }
                }
            }
            case "events" -> {
                Map<String, double[]> counts = new java.util.TreeMap<>();
                for (CsvRow row : held) {
                    String code = row.get(cCode).trim();
                    if (keep.contains(code)) {
                        counts.computeIfAbsent(code + '\u001f' + text(name, row, cCat), k -> new double[1])[0]++;
                    }
                }
                counts.forEach((k, v) -> {
                    int sep = k.indexOf('\u001f');
                    out.add(new LsoaValue(src.id(), k.substring(0, sep), k.substring(sep + 1), v[0], null));
                });
            }
            default -> {
                Map<String, TableValueRule> rules = new HashMap<>();
                fields.forEach(f -> rules.put(f, TableValueRule.of(f, scope.countField().test(f), vintage)));
                for (CsvRow row : held) {
                    String code = row.get(cCode).trim();
                    if (!keep.contains(code)) {
                        continue;
                    }
                    for (String f : fields) {
                        String raw = text(name, row, f);
                        if (raw.isEmpty()) {
                            continue;
                        }
                        TableValueRule rule = rules.get(f);
                        boolean numeric = Values.isNumber(raw);
                        if (!numeric && rule.numeric()) {
                            throw InputException.atRow(name, row.line(), f, "expected " + rule.expected() + ", found "
                                    + Quoted.of(raw));
                        }
                        Double v = numeric ? Values.number(name, row.line(), f, raw) : null;
                        if (v != null) {
                            check(name, row, f, rule, v);
                        }
                        out.add(new LsoaValue(src.id(), code, f, v, numeric ? null : raw));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw InputException.ofFile(name, "no row of table " + src.id() + " is about an LSOA of the region"
                    + " (check columns.code and lsoa_vintage)");
        }
        return new Result(out, vintage);
    }

    private static void check(String name, CsvRow row, String field, TableValueRule rule, double v) {
        rule.problem(v).ifPresent(p -> {
            throw InputException.atRow(name, row.line(), field, p);
        });
    }

    /** A category or text value, trimmed, within the store's rule for table text. */
    private static String text(String name, CsvRow row, String column) {
        String v = row.get(column).trim();
        TextRule.problem(TextRule.Kind.TABLE_TEXT, v).ifPresent(p -> {
            throw InputException.atRow(name, row.line(), column, "the value " + Quoted.of(v) + ": " + p);
        });
        return v;
    }

    private static List<String> fields(InputSource src, CsvReader csv, String cCode) {
        Object f = src.columns().get("fields");
        if (f instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
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
