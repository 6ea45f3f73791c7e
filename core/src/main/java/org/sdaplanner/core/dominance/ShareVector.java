package org.sdaplanner.core.dominance;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The candidate PCNs present in one LSOA, sorted by PCN code, with their patient counts and
 * shares of the LSOA's registered patients. Immutable and compact (two small arrays), because a
 * national run holds one per LSOA. Only PCNs with at least one patient appear; unallocated,
 * unmapped and non-candidate patients are in the denominator but not in the vector.
 */
public final class ShareVector {
    private static final String[] NO_CODES = new String[0];
    private static final long[] NO_COUNTS = new long[0];

    private final String[] codes;
    private final long[] patients;
    private final long registered;

    /** Trusted constructor: {@code codes} strictly ascending, arrays not shared with callers. */
    ShareVector(String[] codes, long[] patients, long registered) {
        this.codes = codes;
        this.patients = patients;
        this.registered = registered;
    }

    static ShareVector empty(long registered) {
        return new ShareVector(NO_CODES, NO_COUNTS, registered);
    }

    /** Number of candidate PCNs with patients in the LSOA. */
    public int size() {
        return codes.length;
    }

    /** The i-th PCN code, in ascending code order. */
    public String pcnCode(int i) {
        return codes[i];
    }

    /** Patients of the i-th PCN. */
    public long patients(int i) {
        return patients[i];
    }

    /** Share of the i-th PCN. */
    public double share(int i) {
        return registered == 0 ? 0.0 : (double) patients[i] / registered;
    }

    /** The denominator: all patients living in the LSOA. */
    public long registeredPatients() {
        return registered;
    }

    /** Patients of {@code pcnCode} living in the LSOA, 0 when absent. */
    public long patients(String pcnCode) {
        int i = Arrays.binarySearch(codes, pcnCode);
        return i < 0 ? 0 : patients[i];
    }

    /** Share of {@code pcnCode}, 0 when absent. */
    public double share(String pcnCode) {
        int i = Arrays.binarySearch(codes, pcnCode);
        return i < 0 ? 0.0 : share(i);
    }

    /** An unmodifiable pcnCode → share map, sorted by code (built on each call). */
    public SortedMap<String, Double> asMap() {
        TreeMap<String, Double> map = new TreeMap<>();
        for (int i = 0; i < codes.length; i++) {
            map.put(codes[i], share(i));
        }
        return Collections.unmodifiableSortedMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShareVector v && registered == v.registered
                && Arrays.equals(codes, v.codes) && Arrays.equals(patients, v.patients);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(codes) + Arrays.hashCode(patients)) + Long.hashCode(registered);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < codes.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(codes[i]).append('=').append(patients[i]).append('/').append(registered);
        }
        return sb.append('}').toString();
    }
}
