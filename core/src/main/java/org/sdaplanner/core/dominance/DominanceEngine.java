package org.sdaplanner.core.dominance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;

/**
 * Computes dominant PCNs and PCN footprints (see the package documentation for definitions).
 * Stateless and thread-safe.
 *
 * <p>Why it is shaped like this: a national input has ~735k rows, 33,755 LSOAs and 1,250 PCNs,
 * and the answer must come back interactively. Codes are therefore mapped to dense int ids once
 * (PCN and LSOA ids in code order, so id order is code order and no later sort is needed), rows are
 * bucketed by LSOA with a counting sort, and each LSOA is accumulated into one reusable
 * {@code long[]} indexed by PCN id. Nothing in the hot loop boxes, and nothing depends on hash
 * iteration order, so results are identical for any row order.
 */
public final class DominanceEngine {
    // row classes besides a PCN id (>= 0)
    private static final int UNALLOCATED = -1; // PCN "U", blank, or practice unmapped
    private static final int OTHER_PCN = -2;   // a PCN code that is not a candidate

    /** Aggregates and ranks in one go: {@code tabulate(input).apply(rule)}. */
    public DominanceResult compute(DominanceInput input, DominanceRule rule) {
        return tabulate(input).apply(rule);
    }

    /** {@link #compute(DominanceInput, DominanceRule)} with {@link DominanceRule#PLURALITY}. */
    public DominanceResult compute(DominanceInput input) {
        return compute(input, DominanceRule.PLURALITY);
    }

    /**
     * Aggregates the registrations per LSOA and PCN, the rule-independent part; keep the table to
     * compare several rules without re-reading the rows.
     *
     * @throws IllegalArgumentException for a row with a negative count or no practice code, or a
     *                                  practice listed twice with different PCNs
     */
    public ShareTable tabulate(DominanceInput input) {
        Objects.requireNonNull(input, "input");

        // ---- PCN ids, in code order; first name wins for a repeated code
        TreeMap<String, String> pcnByCode = new TreeMap<>();
        for (Pcn pcn : input.pcns()) {
            if (pcn.code() != null && !pcn.code().isBlank() && !pcn.unallocated()) {
                pcnByCode.putIfAbsent(pcn.code(), pcn.name());
            }
        }
        int nPcn = pcnByCode.size();
        String[] pcnCodes = pcnByCode.keySet().toArray(new String[0]);
        String[] pcnNames = pcnByCode.values().toArray(new String[0]);
        Map<String, Integer> pcnId = new HashMap<>(nPcn * 2);
        for (int p = 0; p < nPcn; p++) {
            pcnId.put(pcnCodes[p], p);
        }

        // ---- LSOA ids, in code order
        String[] lsoaCodes = input.regionLsoaCodes().toArray(new String[0]);
        Arrays.sort(lsoaCodes);
        int nLsoa = lsoaCodes.length;
        Map<String, Integer> lsoaId = new HashMap<>(nLsoa * 2);
        for (int i = 0; i < nLsoa; i++) {
            lsoaId.put(lsoaCodes[i], i);
        }

        // ---- practices: id -> row class; unlisted practices get ids as they appear
        PracticeIndex practices = new PracticeIndex(input.practices(), pcnId);

        // ---- pass 1: classify rows, keep region rows in primitive arrays
        List<Registration> rows = input.registrations();
        int nRows = rows.size();
        int[] rowLsoa = new int[nRows];
        int[] rowClass = new int[nRows];
        long[] rowPatients = new long[nRows];
        int[] lsoaRowCount = new int[nLsoa + 1];
        long[] pcnTotal = new long[nPcn];
        long outsidePatients = 0;
        int m = 0;
        // real files are sorted by practice, so the previous lookup usually answers the next row
        String lastPractice = null;
        int lastPid = -1;
        for (int r = 0; r < nRows; r++) {
            Registration row = rows.get(r);
            String pc = row.practiceCode();
            long patients = row.patients();
            if (pc == null) {
                throw new IllegalArgumentException("registration row " + r + " has no practice code: " + row);
            }
            if (patients < 0) {
                throw new IllegalArgumentException("registration row " + r + " has a negative count: " + row);
            }
            int pid;
            if (pc.equals(lastPractice)) {
                pid = lastPid;
            } else {
                pid = practices.idOf(pc);
                lastPractice = pc;
                lastPid = pid;
            }
            int cls = practices.rowClass[pid];
            practices.total[pid] += patients;
            practices.hasRow[pid] = true;
            if (cls >= 0) {
                pcnTotal[cls] += patients;
            }
            String lc = row.lsoaCode();
            Integer li = lc == null ? null : lsoaId.get(lc);
            if (li == null) {
                outsidePatients += patients;
                continue;
            }
            int l = li;
            practices.region[pid] += patients;
            rowLsoa[m] = l;
            rowClass[m] = cls;
            rowPatients[m] = patients;
            lsoaRowCount[l + 1]++;
            m++;
        }

        // ---- counting sort of region rows by LSOA
        int[] start = lsoaRowCount; // becomes prefix offsets
        for (int i = 0; i < nLsoa; i++) {
            start[i + 1] += start[i];
        }
        int[] cursor = Arrays.copyOf(start, nLsoa);
        int[] sClass = new int[m];
        long[] sPatients = new long[m];
        for (int k = 0; k < m; k++) {
            int pos = cursor[rowLsoa[k]]++;
            sClass[pos] = rowClass[k];
            sPatients[pos] = rowPatients[k];
        }
        rowLsoa = null;
        rowClass = null;
        rowPatients = null;

        // ---- pass 2: per LSOA, accumulate into a dense scratch vector over PCN ids
        long[] acc = new long[nPcn];
        int[] touched = new int[Math.max(1, nPcn)];
        long[] registered = new long[nLsoa];
        long[] unallocated = new long[nLsoa];
        long[] other = new long[nLsoa];
        int[] entryStart = new int[nLsoa + 1];
        int[] entryPcn = new int[m];
        long[] entryCount = new long[m];
        long[] pcnRegion = new long[nPcn];
        ShareVector[] vectors = new ShareVector[nLsoa];
        List<String> noRegistrations = new ArrayList<>();
        int e = 0;
        for (int i = 0; i < nLsoa; i++) {
            int t = 0;
            long reg = 0;
            long un = 0;
            long ot = 0;
            for (int k = start[i], end = start[i + 1]; k < end; k++) {
                long pts = sPatients[k];
                if (pts == 0) {
                    continue;
                }
                int cls = sClass[k];
                reg += pts;
                if (cls >= 0) {
                    if (acc[cls] == 0) {
                        touched[t++] = cls;
                    }
                    acc[cls] += pts;
                } else if (cls == UNALLOCATED) {
                    un += pts;
                } else {
                    ot += pts;
                }
            }
            Arrays.sort(touched, 0, t);
            entryStart[i] = e;
            String[] codes = new String[t];
            long[] counts = new long[t];
            for (int j = 0; j < t; j++) {
                int p = touched[j];
                long c = acc[p];
                acc[p] = 0;
                pcnRegion[p] += c;
                entryPcn[e] = p;
                entryCount[e] = c;
                e++;
                codes[j] = pcnCodes[p];
                counts[j] = c;
            }
            registered[i] = reg;
            unallocated[i] = un;
            other[i] = ot;
            vectors[i] = t == 0 ? ShareVector.empty(reg) : new ShareVector(codes, counts, reg);
            if (reg == 0) {
                noRegistrations.add(lsoaCodes[i]);
            }
        }
        entryStart[nLsoa] = e;

        return new ShareTable(lsoaCodes, registered, unallocated, other,
                entryStart, Arrays.copyOf(entryPcn, e), Arrays.copyOf(entryCount, e), vectors,
                pcnCodes, pcnNames, pcnRegion, pcnTotal,
                noRegistrations, practices.unallocatedReport(), nRows, m, outsidePatients);
    }

    /** Practice code → dense id, with per-practice row class and patient tallies. */
    private static final class PracticeIndex {
        final Map<String, Integer> ids;
        final List<String> codes = new ArrayList<>();
        final List<String> pcnCodeOf = new ArrayList<>(); // as given: null, "U", or a code
        final List<Boolean> listed = new ArrayList<>();
        int[] rowClass;
        long[] total;
        long[] region;
        boolean[] hasRow;
        private final Map<String, Integer> pcnId;

        PracticeIndex(List<Practice> practices, Map<String, Integer> pcnId) {
            this.pcnId = pcnId;
            int cap = Math.max(16, practices.size() + 16);
            ids = new HashMap<>(cap * 2);
            rowClass = new int[cap];
            total = new long[cap];
            region = new long[cap];
            hasRow = new boolean[cap];
            for (Practice practice : practices) {
                String code = practice.code();
                if (code == null) {
                    throw new IllegalArgumentException("practice without a code: " + practice);
                }
                String pcn = practice.pcnCode() == null || practice.pcnCode().isBlank() ? null : practice.pcnCode();
                Integer known = ids.get(code);
                if (known != null) {
                    if (!Objects.equals(pcnCodeOf.get(known), pcn)) {
                        throw new IllegalArgumentException("practice " + code + " is listed with two PCNs: "
                                + pcnCodeOf.get(known) + " and " + pcn);
                    }
                    continue;
                }
                add(code, pcn, true);
            }
        }

        private int add(String code, String pcn, boolean isListed) {
            int id = codes.size();
            if (id == rowClass.length) {
                int cap = id * 2;
                rowClass = Arrays.copyOf(rowClass, cap);
                total = Arrays.copyOf(total, cap);
                region = Arrays.copyOf(region, cap);
                hasRow = Arrays.copyOf(hasRow, cap);
            }
            codes.add(code);
            pcnCodeOf.add(pcn);
            listed.add(isListed);
            ids.put(code, id);
            Integer p = pcn == null ? null : pcnId.get(pcn);
            rowClass[id] = p != null ? p : (pcn == null || Pcn.UNALLOCATED.equals(pcn)) ? UNALLOCATED : OTHER_PCN;
            return id;
        }

        int idOf(String code) {
            Integer id = ids.get(code);
            return id != null ? id : add(code, null, false);
        }

        /** Practices with U or unknown PCN that occur in the registrations, by code. */
        List<UnallocatedPractice> unallocatedReport() {
            TreeMap<String, UnallocatedPractice> report = new TreeMap<>();
            for (int id = 0; id < codes.size(); id++) {
                String pcn = pcnCodeOf.get(id);
                boolean unallocated = pcn == null || Pcn.UNALLOCATED.equals(pcn);
                if (unallocated && hasRow[id]) {
                    report.put(codes.get(id), new UnallocatedPractice(codes.get(id), pcn, listed.get(id),
                            region[id], total[id]));
                }
            }
            return new ArrayList<>(report.values());
        }

    }
}
