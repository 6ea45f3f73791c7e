package org.sdaplanner.importer.load;

import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Quoted;
import org.sdaplanner.importer.load.LoadedRecords.LsoaLink;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.read.CsvReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the ONS LSOA 2011 → 2021 exact-fit lookup with its change codes. */
public final class LookupLoader {
    private static final Set<String> CHANGES = Set.of("U", "S", "M", "X");

    public List<LsoaLink> load(Path path, String name, InputSource src) {
        String c11 = src.column("code_2011", "LSOA11CD");
        String c21 = src.column("code_2021", "LSOA21CD");
        String cChange = src.column("change", "CHGIND");
        String cDistrict = src.column("district", null);
        List<LsoaLink> out = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("LSOA lookup", c11, c21, cChange, cDistrict);
            csv.forEach(row -> {
                String change = row.get(cChange).trim();
                if (!CHANGES.contains(change)) {
                    throw InputException.atRow(name, row.line(), cChange,
                            "expected a change code U, S, M or X, found \"" + change + "\"");
                }
                String district = cDistrict == null ? null : row.get(cDistrict).trim();
                out.add(new LsoaLink(code(name, row, c11), code(name, row, c21), change,
                        district == null || district.isEmpty() ? district : code(name, row, cDistrict)));
            });
        }
        return out;
    }

    private static String code(String file, org.sdaplanner.importer.read.CsvRow row, String column) {
        String v = row.get(column).trim();
        TextRule.problem(TextRule.Kind.CODE, v).ifPresent(p -> {
            throw InputException.atRow(file, row.line(), column, "expected a code, found " + Quoted.of(v) + ": " + p);
        });
        return v;
    }
}
