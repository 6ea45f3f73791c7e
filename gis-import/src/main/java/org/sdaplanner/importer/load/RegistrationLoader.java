package org.sdaplanner.importer.load;

import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.load.LoadedRecords.UnmatchedRegistration;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.read.CsvReader;
import org.sdaplanner.importer.read.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads NHS "patients registered at a GP practice" by practice × LSOA. Rows for the region's
 * LSOAs go to the analysis (converted between LSOA vintages when the file's differ from the
 * boundaries'); all others are kept out and reported with the reason. Male and female rows of
 * the same practice and LSOA are added up.
 */
public final class RegistrationLoader {
    static final String NOT_AN_LSOA = "not an LSOA code (e.g. CLOSED, EMPTY, placeholder)";
    static final String OUTSIDE_ENGLAND = "LSOA or data zone in Wales, Scotland or Northern Ireland";
    static final String OTHER_VINTAGE = "LSOA code of another vintage";
    static final String OUTSIDE_REGION = "LSOA outside the region";
    private static final Pattern LSOA_CODE = Pattern.compile("[EW]01\\d{6}|S01\\d{6}|95[A-Z]{2}\\d{2}[A-Z0-9]\\d|N21\\d{6}|N00\\d{6}");

    public record Result(List<Registration> matched, List<UnmatchedRegistration> unmatched, long rows,
                         long patients, Set<String> practiceCodes) {
    }

    /**
     * @param regionLsoas  LSOA codes of the region, in the boundaries' vintage
     * @param converter    converts codes of the file's vintage when it differs, else null
     * @param otherVintage codes known to belong to another vintage (from the lookup), to word the reason
     */
    public Result load(Path path, String name, InputSource src, Set<String> regionLsoas, VintageConverter converter,
                       Set<String> otherVintage, Progress progress) {
        String cPractice = src.column("practice", "PRACTICE_CODE");
        String cLsoa = src.column("lsoa", "LSOA_CODE");
        String cPatients = src.column("patients", "NUMBER_OF_PATIENTS");
        String cSex = src.column("sex", "SEX");
        // key practice|lsoa -> patients, in first-seen order (the file's order) for a deterministic store
        Map<String, long[]> cells = new LinkedHashMap<>();
        Map<String, Long> firstRow = new HashMap<>();
        List<UnmatchedRegistration> unmatched = new ArrayList<>();
        Set<String> practices = new java.util.TreeSet<>();
        long[] totals = new long[2];
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("registrations", cPractice, cLsoa, cPatients);
            boolean hasSex = csv.hasColumn(cSex);
            csv.forEach(row -> {
                String practice = row.get(cPractice).trim();
                String lsoa = row.get(cLsoa).trim();
                if (practice.isEmpty()) {
                    throw InputException.atRow(name, row.line(), cPractice, "expected a practice code, found nothing");
                }
                long n = Values.count(name, row.line(), cPatients, row.get(cPatients));
                String sex = hasSex ? row.get(cSex).trim() : "ALL";
                String key = practice + '|' + lsoa;
                Long before = firstRow.put(key + '|' + sex, row.line());
                if (before != null) {
                    throw InputException.atRow(name, row.line(), cLsoa, "duplicate row for practice " + practice
                            + " and LSOA " + lsoa + (hasSex ? " (" + sex + ")" : "") + ": already at row " + before);
                }
                totals[0]++;
                totals[1] += n;
                practices.add(practice);
                if (regionLsoas.contains(lsoa) && converter == null) {
                    cells.computeIfAbsent(key, k -> new long[1])[0] += n;
                } else if (converter != null && converter.converts(lsoa)) {
                    for (Map.Entry<String, Long> e : converter.convert(lsoa, n).entrySet()) {
                        if (regionLsoas.contains(e.getKey())) {
                            cells.computeIfAbsent(practice + '|' + e.getKey(), k -> new long[1])[0] += e.getValue();
                        } else {
                            unmatched.add(new UnmatchedRegistration(row.line(), practice, lsoa, e.getValue(), OUTSIDE_REGION));
                        }
                    }
                } else {
                    unmatched.add(new UnmatchedRegistration(row.line(), practice, lsoa, n, reason(lsoa, otherVintage)));
                }
                if ((totals[0] & 0xFFFF) == 0) {
                    progress.advance(totals[0], -1);
                }
            });
        }
        if (totals[0] == 0) {
            throw InputException.ofFile(name, "the registrations file has a header but no rows");
        }
        List<Registration> matched = new ArrayList<>(cells.size());
        cells.forEach((k, v) -> {
            int bar = k.indexOf('|');
            matched.add(new Registration(k.substring(0, bar), k.substring(bar + 1), v[0]));
        });
        return new Result(matched, unmatched, totals[0], totals[1], practices);
    }

    static String reason(String code, Set<String> otherVintage) {
        if (!LSOA_CODE.matcher(code).matches()) {
            return NOT_AN_LSOA;
        }
        if (!code.startsWith("E")) {
            return OUTSIDE_ENGLAND;
        }
        return otherVintage.contains(code) ? OTHER_VINTAGE : OUTSIDE_REGION;
    }
}
