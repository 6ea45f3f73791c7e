package org.sdaplanner.core.dominance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;

/**
 * What the dominant-PCN engine reads. Immutable.
 *
 * @param registrations   practice × LSOA patient counts; rows for LSOA codes outside
 *                        {@code regionLsoaCodes} (other regions, {@code EMPTY}, {@code CLOSED}, …)
 *                        do not get results but still count in each PCN's total list size.
 *                        Several rows for the same practice and LSOA are added up.
 * @param practices       the practice → PCN map; {@link Practice#pcnCode()} {@code null} (or blank)
 *                        means unmapped and {@code "U"} unallocated. Practices that appear in the
 *                        registrations but not here are treated as unmapped.
 * @param pcns            the candidate PCNs. Patients of practices whose PCN is not in this list
 *                        count in the denominator only (include neighbouring PCNs here to let them
 *                        compete). A {@code "U"} entry is never a candidate.
 * @param regionLsoaCodes the LSOAs that get results
 */
public record DominanceInput(List<Registration> registrations,
                             List<Practice> practices,
                             List<Pcn> pcns,
                             Set<String> regionLsoaCodes) {
    public DominanceInput {
        // copies are cheap next to the computation and guarantee random access + immutability
        registrations = List.copyOf(Objects.requireNonNull(registrations, "registrations"));
        practices = List.copyOf(Objects.requireNonNull(practices, "practices"));
        pcns = List.copyOf(Objects.requireNonNull(pcns, "pcns"));
        regionLsoaCodes = Set.copyOf(Objects.requireNonNull(regionLsoaCodes, "regionLsoaCodes"));
    }

    /** The input for a whole imported {@link Geography}: its LSOAs are the region. */
    public static DominanceInput of(Geography geography) {
        Set<String> codes = new LinkedHashSet<>();
        for (Lsoa lsoa : geography.lsoas()) {
            codes.add(lsoa.code());
        }
        return new DominanceInput(geography.registrations(), geography.practices(), geography.pcns(), codes);
    }
}
