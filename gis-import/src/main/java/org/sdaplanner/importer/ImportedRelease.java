package org.sdaplanner.importer;

import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.load.LoadedRecords.SourceRecord;
import org.sdaplanner.importer.load.LoadedRecords.UnmatchedRegistration;

import java.util.List;
import java.util.Map;

/**
 * One data release read and validated against a region already in the store: registrations, the
 * practice → PCN map, and populations where the manifest gives them, ready to be stored beside the
 * store's other releases.
 *
 * @param residents usual residents per LSOA; empty when the release gives no populations
 */
public record ImportedRelease(String regionId, String lsoaVintage, List<Pcn> pcns, List<Practice> practices,
                              List<Registration> registrations, List<UnmatchedRegistration> unmatched,
                              Map<String, Long> residents, List<SourceRecord> sources, ImportReport report) {
    public ImportedRelease {
        pcns = List.copyOf(pcns);
        practices = List.copyOf(practices);
        registrations = List.copyOf(registrations);
        unmatched = List.copyOf(unmatched);
        residents = Map.copyOf(residents);
        sources = List.copyOf(sources);
    }
}
