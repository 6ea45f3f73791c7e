package org.sdaplanner.importer.load;

import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.Quoted;
import org.sdaplanner.importer.load.LoadedRecords.UnmatchedRegistration;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.plausible.CountBounds;
import org.sdaplanner.importer.read.CsvReader;
import org.sdaplanner.importer.read.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads NHS "patients registered at a GP practice" by practice × LSOA. Rows for the region's
 * LSOAs go to the analysis (converted between LSOA vintages when the file's differ from the
 * boundaries'); all others are kept out and reported with the reason. Male and female rows of
 * the same practice and LSOA are added up.
 *
 * <p>The file's LSOA vintage is decided after reading it, from its codes ({@link LsoaVintages}):
 * rows that may need converting are held until then. Counts no real file has are refused, odd
 * ones named in the warnings ({@link CountBounds}).
 */
public final class RegistrationLoader {
    static final String NOT_AN_LSOA = "not an LSOA code (e.g. CLOSED, EMPTY, placeholder)";
    static final String OUTSIDE_ENGLAND = "LSOA or data zone in Wales, Scotland or Northern Ireland";
    static final String OTHER_VINTAGE = "LSOA code of another vintage";
    static final String OUTSIDE_REGION = "LSOA outside the region";
    private static final Pattern LSOA_CODE = Pattern.compile("[EW]01\\d{6}|S01\\d{6}|95[A-Z]{2}\\d{2}[A-Z0-9]\\d|N21\\d{6}|N00\\d{6}");
    /** The store keeps kept-out codes as written, up to this length. */
    private static final int MAX_KEPT_OUT_CODE = 40;

    public record Result(List<Registration> matched, List<UnmatchedRegistration> unmatched, long rows,
                         long patients, Set<String> practiceCodes, String vintage) {
    }

    /** How the file's LSOA codes are to be read: the region's vintage, what the manifest declares, and how to convert. */
    public record Vintage(LsoaVintages vintages, String region, String declared, Function<String, VintageConverter> converter) {
    }

    private record Held(long row, String practice, String lsoa, long patients) {
    }

    /**
     * @param regionLsoas  LSOA codes of the region, in the boundaries' vintage
     * @param convertible  codes of the other vintage the lookup knows (rows with them wait for the vintage decision)
     */
    public Result load(Path path, String name, InputSource src, Set<String> regionLsoas, Set<String> convertible,
                       Vintage vintage, List<String> warnings, Progress progress) {
        String cPractice = src.column("practice", "PRACTICE_CODE");
        String cLsoa = src.column("lsoa", "LSOA_CODE");
        String cPatients = src.column("patients", "NUMBER_OF_PATIENTS");
        String cSex = src.column("sex", "SEX");
        Map<String, Long> firstRow = new HashMap<>();
        Map<String, long[]> perLsoa = new HashMap<>();   // LSOA code → {patients, rows, first row}
        List<Held> held = new ArrayList<>();
        List<UnmatchedRegistration> unmatched = new ArrayList<>();
        Set<String> practices = new java.util.TreeSet<>();
        // codes repeat (nationally 6,300 practices and 33,755 LSOAs in 735,091 rows): each distinct one is checked once
        Map<String, Boolean> lsoaShaped = new HashMap<>();
        Set<String> seenPractices = new java.util.HashSet<>();
        LsoaVintages.Evidence evidence = new LsoaVintages.Evidence("row");
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
                if (seenPractices.add(practice)) {
                    TextRule.problem(TextRule.Kind.CODE, practice).ifPresent(p -> {
                        throw InputException.atRow(name, row.line(), cPractice, "the practice code " + Quoted.of(practice) + ": " + p);
                    });
                    practices.add(practice);
                }
                Boolean shaped = lsoaShaped.get(lsoa);
                if (shaped == null) {
                    if (lsoa.length() > MAX_KEPT_OUT_CODE || TextRule.problem(TextRule.Kind.TABLE_TEXT, lsoa).isPresent()) {
                        throw InputException.atRow(name, row.line(), cLsoa, "expected an LSOA code (or a marker such as CLOSED),"
                                + " found " + Quoted.of(lsoa));
                    }
                    shaped = LSOA_CODE.matcher(lsoa).matches();
                    lsoaShaped.put(lsoa, shaped);
                }
                long n = Values.count(name, row.line(), cPatients, row.get(cPatients));
                if (n > CountBounds.REFUSE_ABOVE) {
                    throw InputException.atRow(name, row.line(), cPatients,
                            CountBounds.refusal(n, "patients for one practice and LSOA (" + lsoa + ")"));
                }
                String sex = hasSex ? row.get(cSex).trim() : "ALL";
                Long before = firstRow.put(practice + '|' + lsoa + '|' + sex, row.line());
                if (before != null) {
                    throw InputException.atRow(name, row.line(), cLsoa, "duplicate row for practice " + practice
                            + " and LSOA " + lsoa + (hasSex ? " (" + sex + ")" : "") + ": already at row " + before);
                }
                if (shaped) {
                    long[] l = perLsoa.computeIfAbsent(lsoa, k -> new long[]{0, 0, row.line()});
                    l[0] += n;
                    l[1]++;
                    if (l[0] > CountBounds.REFUSE_ABOVE) {
                        throw InputException.atRow(name, row.line(), cPatients, CountBounds.refusal(l[0],
                                "patients in all for LSOA " + lsoa + " (" + l[1] + " rows from row " + l[2] + ")"));
                    }
                }
                totals[0]++;
                totals[1] += n;
                evidence.see(vintage.vintages(), lsoa, row.line());
                if (regionLsoas.contains(lsoa) || convertible.contains(lsoa)) {
                    held.add(new Held(row.line(), practice, lsoa, n));
                } else {
                    unmatched.add(new UnmatchedRegistration(row.line(), practice, lsoa, n, reason(lsoa)));
                }
                if ((totals[0] & 0xFFFF) == 0) {
                    progress.advance(totals[0], -1);
                }
            });
        }
        if (totals[0] == 0) {
            throw InputException.ofFile(name, "the registrations file has a header but no rows");
        }
        warnOddTotals(name, perLsoa, warnings);
        String fileVintage = vintage.vintages().decide(evidence, vintage.declared(), vintage.region(), name,
                "inputs.registrations", warnings);
        VintageConverter converter = fileVintage.equals(vintage.region()) ? null : vintage.converter().apply(fileVintage);
        // key practice|lsoa -> patients, in first-seen order (the file's order) for a deterministic store
        Map<String, long[]> cells = new LinkedHashMap<>();
        List<UnmatchedRegistration> kept = new ArrayList<>();
        for (Held h : held) {
            if (converter == null && regionLsoas.contains(h.lsoa())) {
                cells.computeIfAbsent(h.practice() + '|' + h.lsoa(), k -> new long[1])[0] += h.patients();
            } else if (converter != null && converter.converts(h.lsoa())) {
                for (Map.Entry<String, Long> e : converter.convert(h.lsoa(), h.patients()).entrySet()) {
                    if (regionLsoas.contains(e.getKey())) {
                        cells.computeIfAbsent(h.practice() + '|' + e.getKey(), k -> new long[1])[0] += e.getValue();
                    } else {
                        kept.add(new UnmatchedRegistration(h.row(), h.practice(), h.lsoa(), e.getValue(), OUTSIDE_REGION));
                    }
                }
            } else {
                kept.add(new UnmatchedRegistration(h.row(), h.practice(), h.lsoa(), h.patients(),
                        converter == null ? OTHER_VINTAGE : reason(h.lsoa())));
            }
        }
        List<UnmatchedRegistration> allKept = new ArrayList<>(unmatched.size() + kept.size());
        allKept.addAll(unmatched);
        allKept.addAll(kept);
        allKept.sort(java.util.Comparator.comparingLong(UnmatchedRegistration::row));
        List<Registration> matched = new ArrayList<>(cells.size());
        cells.forEach((k, v) -> {
            int bar = k.indexOf('|');
            matched.add(new Registration(k.substring(0, bar), k.substring(bar + 1), v[0]));
        });
        return new Result(matched, allKept, totals[0], totals[1], practices, fileVintage);
    }

    /** Names the LSOAs with more patients than any real LSOA has people: usable, but worth a look. */
    private static void warnOddTotals(String name, Map<String, long[]> perLsoa, List<String> warnings) {
        Map<String, long[]> odd = new TreeMap<>();
        perLsoa.forEach((code, l) -> {
            if (l[0] > CountBounds.WARN_ABOVE) {
                odd.put(code, l);
            }
        });
        if (odd.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        odd.forEach((code, l) -> {
            if (shown.size() < 10) {
                shown.add(code + " " + CountBounds.number(l[0]) + " (from row " + l[2] + ", " + l[1] + " rows)");
            }
        });
        warnings.add(name + ": " + odd.size() + " LSOA" + (odd.size() == 1 ? " has" : "s have") + " more than "
                + CountBounds.number(CountBounds.WARN_ABOVE) + " registered patients, more than any real LSOA has people ("
                + CountBounds.largestInEngland() + "): " + String.join("; ", shown) + (odd.size() > 10 ? "; …" : "")
                + "; check these rows");
    }

    static String reason(String code) {
        if (!LSOA_CODE.matcher(code).matches()) {
            return NOT_AN_LSOA;
        }
        if (!code.startsWith("E")) {
            return OUTSIDE_ENGLAND;
        }
        return OUTSIDE_REGION;
    }
}
