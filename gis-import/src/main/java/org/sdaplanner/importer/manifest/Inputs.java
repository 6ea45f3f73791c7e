package org.sdaplanner.importer.manifest;

import java.util.List;

/** The input files of a region, by role. Only {@code lsoaBoundaries}, {@code registrations} and {@code practiceMap} are required. */
public record Inputs(InputSource lsoaBoundaries,
                     InputSource parishBoundaries,
                     InputSource districtBoundaries,
                     InputSource registrations,
                     InputSource practiceMap,
                     InputSource practiceLocations,
                     InputSource lsoaPopulation,
                     InputSource lsoaLookup,
                     InputSource pcnCatchments,
                     InputSource postcodes,
                     List<InputSource> tables) {
    public Inputs {
        tables = Region.copy(tables);
    }
}
