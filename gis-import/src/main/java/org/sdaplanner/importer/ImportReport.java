package org.sdaplanner.importer;

import java.util.List;
import java.util.Map;

/**
 * What an import loaded, for people (printed) and for machines ({@code --report FILE.json}).
 *
 * @param layers                  feature or row counts per layer: lsoa, parish, district, practice, pcn, registration_rows, …
 * @param registeredPatients      all patients in the registrations file
 * @param analysedPatients        patients living in the region's LSOAs, the ones the engine uses
 * @param unmatchedRegistrations  rows and patients kept out of the analysis, with reasons
 * @param residentPopulation      usual residents of the region's LSOAs (0 without a population file)
 */
public record ImportReport(String region,
                           Map<String, Long> layers,
                           long registeredPatients,
                           long analysedPatients,
                           Unmatched unmatchedRegistrations,
                           long residentPopulation,
                           int repairedGeometries,
                           List<String> warnings,
                           List<String> attributions) {
    public record Unmatched(long rows, long patients, Map<String, Count> byReason) {
    }

    public record Count(long rows, long patients) {
    }
}
