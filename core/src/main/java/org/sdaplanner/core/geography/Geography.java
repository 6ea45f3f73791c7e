package org.sdaplanner.core.geography;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of everything the engine needs, as loaded from the store. Immutable.
 *
 * @param residents usual residents per LSOA code (census), the population the plan balances
 * @param registrations only rows whose LSOA is in {@link #lsoas()}; rows for other codes are
 *                      reported at import and kept out of the analysis
 */
public record Geography(List<Lsoa> lsoas,
                        List<Parish> parishes,
                        List<District> districts,
                        List<Pcn> pcns,
                        List<Practice> practices,
                        List<Registration> registrations,
                        Map<String, Long> residents,
                        List<PostcodePoint> postcodes) {
    public Geography {
        lsoas = List.copyOf(lsoas);
        parishes = List.copyOf(parishes);
        districts = List.copyOf(districts);
        pcns = List.copyOf(pcns);
        practices = List.copyOf(practices);
        registrations = List.copyOf(registrations);
        residents = Map.copyOf(residents);
        postcodes = List.copyOf(postcodes);
    }
}
