package org.sdaplanner.importer.load;

import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.core.work.Background;
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

    /**
     * Reads the file and matches it to the region ({@link #read}, then {@link #match}).
     *
     * @param regionLsoas  LSOA codes of the region, in the boundaries' vintage
     * @param convertible  codes of the other vintage the lookup knows (rows with them wait for the vintage decision)
     */
    public Result load(Path path, String name, InputSource src, Set<String> regionLsoas, Set<String> convertible,
                       Vintage vintage, List<String> warnings, Progress progress) {
        return match(read(path, name, src, vintage.vintages(), progress), regionLsoas, convertible, vintage, warnings);
    }

    /**
     * Starts {@link #read} on a thread of its own: the file's own checks need neither the boundaries
     * nor the practice map, so the import reads it while it reads those (docs/benchmarks.md, session 13).
     * A refusal is thrown by {@link Pending#rows()}, where the import would have read the file.
     */
    public static Pending start(Path path, String name, InputSource src, LsoaVintages vintages) {
        return new Pending(Background.start("registrations-reader",
                () -> new RegistrationLoader().read(path, name, src, vintages, Progress.SILENT)));
    }

    /** A registrations file being read ({@link #start}). */
    public static final class Pending {
        private final Background<Rows> reading;

        private Pending(Background<Rows> reading) {
            this.reading = reading;
        }

        /** The rows, once read; the reader's refusal if it refused the file. */
        public Rows rows() {
            return reading.get();
        }
    }

    /** The file read and checked row by row, not yet matched to the region: codes by number and one entry per row. */
    public static final class Rows {
        private final String name;
        private final Codes lsoaCodes;
        private final LsoaFacts facts;
        private final Codes practiceCodes;
        private final LsoaVintages.Evidence evidence;
        private long[] line = new long[1 << 12];
        private int[] practice = new int[1 << 12];
        private int[] lsoa = new int[1 << 12];
        private long[] patients = new long[1 << 12];
        private int size;
        private long patientTotal;

        private Rows(String name, Codes practiceCodes, Codes lsoaCodes, LsoaFacts facts, LsoaVintages.Evidence evidence) {
            this.name = name;
            this.practiceCodes = practiceCodes;
            this.lsoaCodes = lsoaCodes;
            this.facts = facts;
            this.evidence = evidence;
        }

        private void add(long row, int p, int l, long n) {
            if (size == line.length) {
                int m = size * 2;
                line = java.util.Arrays.copyOf(line, m);
                practice = java.util.Arrays.copyOf(practice, m);
                lsoa = java.util.Arrays.copyOf(lsoa, m);
                patients = java.util.Arrays.copyOf(patients, m);
            }
            line[size] = row;
            practice[size] = p;
            lsoa[size] = l;
            patients[size] = n;
            size++;
            patientTotal += n;
        }
    }

    /** Reads and checks every row; nothing here depends on the region, and nothing goes to the warnings. */
    Rows read(Path path, String name, InputSource src, LsoaVintages vintages, Progress progress) {
        String cPractice = src.column("practice", "PRACTICE_CODE");
        String cLsoa = src.column("lsoa", "LSOA_CODE");
        String cPatients = src.column("patients", "NUMBER_OF_PATIENTS");
        String cSex = src.column("sex", "SEX");
        // Codes repeat (nationally 6,300 practices and 33,755 LSOAs in 735,091 rows): each distinct one is
        // checked once and numbered, rows are keyed by those numbers packed in a long, and the later
        // lookups take the first instance of a code, whose hash is already known.
        Codes practiceCodes = new Codes(PRACTICE_BITS, "practice codes", cPractice);
        Codes lsoaCodes = new Codes(LSOA_BITS, "LSOA codes", cLsoa);
        Codes sexes = new Codes(SEX_BITS, "values", cSex);
        LsoaFacts facts = new LsoaFacts();
        // practice, LSOA, sex → number: every row not refused is a new one, so row k of Rows is key k's first row
        LongIndex firstRowKeys = new LongIndex();
        LsoaVintages.Evidence evidence = new LsoaVintages.Evidence("row");
        Rows rows = new Rows(name, practiceCodes, lsoaCodes, facts, evidence);
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns("registrations", cPractice, cLsoa, cPatients);
            boolean hasSex = csv.hasColumn(cSex);
            csv.forEach(row -> {
                String practiceRead = row.get(cPractice).trim();
                String lsoaRead = row.get(cLsoa).trim();
                if (practiceRead.isEmpty()) {
                    throw InputException.atRow(name, row.line(), cPractice, "expected a practice code, found nothing");
                }
                int p = practiceCodes.find(practiceRead);
                if (p < 0) {
                    TextRule.problem(TextRule.Kind.CODE, practiceRead).ifPresent(problem -> {
                        throw InputException.atRow(name, row.line(), cPractice, "the practice code " + Quoted.of(practiceRead) + ": " + problem);
                    });
                    p = practiceCodes.add(practiceRead, name, row.line());
                }
                String practice = practiceCodes.code(p);
                int l = lsoaCodes.find(lsoaRead);
                if (l < 0) {
                    if (lsoaRead.length() > MAX_KEPT_OUT_CODE || TextRule.problem(TextRule.Kind.TABLE_TEXT, lsoaRead).isPresent()) {
                        throw InputException.atRow(name, row.line(), cLsoa, "expected an LSOA code (or a marker such as CLOSED),"
                                + " found " + Quoted.of(lsoaRead));
                    }
                    l = lsoaCodes.add(lsoaRead, name, row.line());
                    facts.add(LSOA_CODE.matcher(lsoaRead).matches());
                }
                String lsoa = lsoaCodes.code(l);
                long n = Values.count(name, row.line(), cPatients, row.get(cPatients));
                if (n > CountBounds.REFUSE_ABOVE) {
                    throw InputException.atRow(name, row.line(), cPatients,
                            CountBounds.refusal(n, "patients for one practice and LSOA (" + lsoa + ")"));
                }
                int sex = hasSex ? sexes.number(row.get(cSex).trim(), name, row.line()) : 0;
                int seen = firstRowKeys.size();
                int cell = firstRowKeys.add(((long) p << (LSOA_BITS + SEX_BITS)) | ((long) l << SEX_BITS) | sex);
                if (firstRowKeys.size() == seen) {
                    throw InputException.atRow(name, row.line(), cLsoa, "duplicate row for practice " + practice
                            + " and LSOA " + lsoa + (hasSex ? " (" + sexes.code(sex) + ")" : "") + ": already at row " + rows.line[cell]);
                }
                if (facts.shaped(l)) {
                    long all = facts.count(l, n, row.line());
                    if (all > CountBounds.REFUSE_ABOVE) {
                        throw InputException.atRow(name, row.line(), cPatients, CountBounds.refusal(all,
                                "patients in all for LSOA " + lsoa + " (" + facts.rows(l) + " rows from row " + facts.firstRow(l) + ")"));
                    }
                }
                rows.add(row.line(), p, l, n);
                evidence.see(vintages, lsoa, row.line());
                if ((rows.size & 0xFFFF) == 0) {
                    progress.advance(rows.size, -1);
                }
            });
        }
        if (rows.size == 0) {
            throw InputException.ofFile(name, "the registrations file has a header but no rows");
        }
        return rows;
    }

    /** The rows of {@link #read} matched to the region: its LSOAs', converted where need be, and the rest kept out. */
    public Result match(Rows rows, Set<String> regionLsoas, Set<String> convertible, Vintage vintage, List<String> warnings) {
        Codes lsoaCodes = rows.lsoaCodes;
        Codes practiceCodes = rows.practiceCodes;
        // each distinct code looked up once: the region's, or of the other vintage and convertible
        boolean[] inRegion = new boolean[lsoaCodes.size()];
        boolean[] inScope = new boolean[lsoaCodes.size()];
        for (int l = 0; l < inScope.length; l++) {
            String code = lsoaCodes.code(l);
            inRegion[l] = regionLsoas.contains(code);
            inScope[l] = inRegion[l] || convertible.contains(code);
        }
        List<UnmatchedRegistration> keptOut = new ArrayList<>();
        for (int i = 0; i < rows.size; i++) {
            if (!inScope[rows.lsoa[i]]) {
                String lsoa = lsoaCodes.code(rows.lsoa[i]);
                keptOut.add(new UnmatchedRegistration(rows.line[i], practiceCodes.code(rows.practice[i]), lsoa,
                        rows.patients[i], reason(lsoa)));
            }
        }
        warnOddTotals(rows.name, lsoaCodes, rows.facts, warnings);
        String fileVintage = vintage.vintages().decide(rows.evidence, vintage.declared(), vintage.region(), rows.name,
                "inputs.registrations", warnings);
        VintageConverter converter = fileVintage.equals(vintage.region()) ? null : vintage.converter().apply(fileVintage);
        // practice and LSOA -> patients, in first-seen order (the file's order) for a deterministic store
        Cells cells = new Cells();
        for (int i = 0; i < rows.size; i++) {
            int l = rows.lsoa[i];
            if (!inScope[l]) {
                continue;
            }
            String practice = practiceCodes.code(rows.practice[i]);
            String lsoa = lsoaCodes.code(l);
            long n = rows.patients[i];
            if (converter == null && inRegion[l]) {
                cells.add(practice, lsoa, n);
            } else if (converter != null && converter.converts(lsoa)) {
                for (Map.Entry<String, Long> e : converter.convert(lsoa, n).entrySet()) {
                    if (regionLsoas.contains(e.getKey())) {
                        cells.add(practice, e.getKey(), e.getValue());
                    } else {
                        keptOut.add(new UnmatchedRegistration(rows.line[i], practice, lsoa, e.getValue(), OUTSIDE_REGION));
                    }
                }
            } else {
                keptOut.add(new UnmatchedRegistration(rows.line[i], practice, lsoa, n,
                        converter == null ? OTHER_VINTAGE : reason(lsoa)));
            }
        }
        keptOut.sort(java.util.Comparator.comparingLong(UnmatchedRegistration::row));
        return new Result(cells.registrations(), keptOut, rows.size, rows.patientTotal,
                new java.util.TreeSet<>(practiceCodes.codes), fileVintage);
    }

    /** Names the LSOAs with more patients than any real LSOA has people: usable, but worth a look. */
    private static void warnOddTotals(String name, Codes lsoaCodes, LsoaFacts facts, List<String> warnings) {
        Map<String, long[]> odd = new TreeMap<>();
        for (int l = 0; l < lsoaCodes.size(); l++) {
            if (facts.shaped(l) && facts.patients(l) > CountBounds.WARN_ABOVE) {
                odd.put(lsoaCodes.code(l), new long[]{facts.patients(l), facts.rows(l), facts.firstRow(l)});
            }
        }
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

    /** Bits of a row's key for the practice, the LSOA and the sex (22 + 26 + 16 = 64). */
    private static final int PRACTICE_BITS = 22;
    private static final int LSOA_BITS = 26;
    private static final int SEX_BITS = 16;

    /** The distinct codes of one column, numbered in the order first read; their first instances are kept. */
    private static final class Codes {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> codes = new ArrayList<>();
        private final int limit;
        private final String what;
        private final String column;

        Codes(int bits, String what, String column) {
            this.limit = 1 << bits;
            this.what = what;
            this.column = column;
        }

        int find(String code) {
            Integer n = numbers.get(code);
            return n == null ? -1 : n;
        }

        /** Numbers a code not seen before; refuses more distinct codes than any real file has by far. */
        int add(String code, String file, long row) {
            if (codes.size() == limit) {
                throw InputException.atRow(file, row, column, "more than " + CountBounds.number(limit) + " different "
                        + what + " in one registrations file: expected the NHS file of patients by practice and LSOA");
            }
            numbers.put(code, codes.size());
            codes.add(code);
            return codes.size() - 1;
        }

        int number(String code, String file, long row) {
            int n = find(code);
            return n >= 0 ? n : add(code, file, row);
        }

        String code(int n) {
            return codes.get(n);
        }

        int size() {
            return codes.size();
        }
    }

    /** What is known of each distinct LSOA code of the file, by its number: its shape and running totals. */
    private static final class LsoaFacts {
        private boolean[] shaped = new boolean[1 << 12];
        private long[] patients = new long[1 << 12];
        private long[] rows = new long[1 << 12];
        private long[] firstRow = new long[1 << 12];
        private int size;

        void add(boolean isShaped) {
            if (size == shaped.length) {
                int n = size * 2;
                shaped = java.util.Arrays.copyOf(shaped, n);
                patients = java.util.Arrays.copyOf(patients, n);
                rows = java.util.Arrays.copyOf(rows, n);
                firstRow = java.util.Arrays.copyOf(firstRow, n);
            }
            shaped[size] = isShaped;
            size++;
        }

        boolean shaped(int l) {
            return shaped[l];
        }

        /** Adds a row of {@code n} patients at {@code row}; the LSOA's patients so far. */
        long count(int l, long n, long row) {
            if (rows[l]++ == 0) {
                firstRow[l] = row;
            }
            return patients[l] += n;
        }

        long patients(int l) {
            return patients[l];
        }

        long rows(int l) {
            return rows[l];
        }

        long firstRow(int l) {
            return firstRow[l];
        }
    }

    /** Patients by practice and LSOA, in the order each pair was first added. */
    private static final class Cells {
        private final Map<String, Integer> practiceNumbers = new HashMap<>();
        private final Map<String, Integer> lsoaNumbers = new HashMap<>();
        private final LongIndex index = new LongIndex();
        private final List<String> practices = new ArrayList<>();
        private final List<String> lsoas = new ArrayList<>();
        private long[] patients = new long[1 << 12];

        void add(String practice, String lsoa, long n) {
            long p = practiceNumbers.computeIfAbsent(practice, k -> practiceNumbers.size());
            long l = lsoaNumbers.computeIfAbsent(lsoa, k -> lsoaNumbers.size());
            int cell = index.add((p << 32) | l);
            if (cell == practices.size()) {
                practices.add(practice);
                lsoas.add(lsoa);
                if (cell == patients.length) {
                    patients = java.util.Arrays.copyOf(patients, cell * 2);
                }
            }
            patients[cell] += n;
        }

        List<Registration> registrations() {
            List<Registration> out = new ArrayList<>(practices.size());
            for (int i = 0; i < practices.size(); i++) {
                out.add(new Registration(practices.get(i), lsoas.get(i), patients[i]));
            }
            return out;
        }
    }
}
