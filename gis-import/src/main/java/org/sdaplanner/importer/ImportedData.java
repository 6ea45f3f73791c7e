package org.sdaplanner.importer;

import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.load.LoadedRecords.LsoaLink;
import org.sdaplanner.importer.load.LoadedRecords.LsoaValue;
import org.sdaplanner.importer.load.LoadedRecords.PcnCatchment;
import org.sdaplanner.importer.load.LoadedRecords.SourceRecord;
import org.sdaplanner.importer.load.LoadedRecords.UnmatchedRegistration;

import java.util.List;
import java.util.Map;

/**
 * Everything one import read and validated, ready to be written to the store in one transaction.
 *
 * @param defaultAreas the headline number of areas (28: in all, or of parishes), or null
 * @param areaCounts   the default area counts in full (reading, per-district table), or null
 */
public record ImportedData(String regionId,
                           String regionName,
                           Integer defaultAreas,
                           List<District> districts,
                           List<Lsoa> lsoas,
                           List<Parish> parishes,
                           List<Pcn> pcns,
                           List<Practice> practices,
                           List<Registration> registrations,
                           List<UnmatchedRegistration> unmatched,
                           Map<String, Long> residents,
                           List<LsoaLink> lookup,
                           List<PcnCatchment> catchments,
                           List<PostcodePoint> postcodes,
                           List<LsoaValue> values,
                           List<SourceRecord> sources,
                           ImportReport report,
                           List<List<String>> bridges,
                           List<org.sdaplanner.importer.manifest.IndicatorSpec> indicators,
                           Map<String, String> datasetVintages,
                           org.sdaplanner.core.cluster.AreaCounts areaCounts) {
    public ImportedData {
        bridges = bridges == null ? List.of() : List.copyOf(bridges);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        datasetVintages = datasetVintages == null ? Map.of() : Map.copyOf(datasetVintages);
    }

    /** An import whose area counts are {@code defaultAreas} in all (or none). */
    public ImportedData(String regionId, String regionName, Integer defaultAreas, List<District> districts,
                        List<Lsoa> lsoas, List<Parish> parishes, List<Pcn> pcns, List<Practice> practices,
                        List<Registration> registrations, List<UnmatchedRegistration> unmatched,
                        Map<String, Long> residents, List<LsoaLink> lookup, List<PcnCatchment> catchments,
                        List<PostcodePoint> postcodes, List<LsoaValue> values, List<SourceRecord> sources,
                        ImportReport report, List<List<String>> bridges,
                        List<org.sdaplanner.importer.manifest.IndicatorSpec> indicators, Map<String, String> datasetVintages) {
        this(regionId, regionName, defaultAreas, districts, lsoas, parishes, pcns, practices, registrations, unmatched,
                residents, lookup, catchments, postcodes, values, sources, report, bridges, indicators, datasetVintages,
                defaultAreas == null ? null : org.sdaplanner.core.cluster.AreaCounts.inAll(defaultAreas));
    }

    /** An import with no declared bridges. */
    public ImportedData(String regionId, String regionName, Integer defaultAreas, List<District> districts,
                        List<Lsoa> lsoas, List<Parish> parishes, List<Pcn> pcns, List<Practice> practices,
                        List<Registration> registrations, List<UnmatchedRegistration> unmatched,
                        Map<String, Long> residents, List<LsoaLink> lookup, List<PcnCatchment> catchments,
                        List<PostcodePoint> postcodes, List<LsoaValue> values, List<SourceRecord> sources,
                        ImportReport report) {
        this(regionId, regionName, defaultAreas, districts, lsoas, parishes, pcns, practices, registrations, unmatched,
                residents, lookup, catchments, postcodes, values, sources, report, List.of(), List.of(), Map.of(),
                defaultAreas == null ? null : org.sdaplanner.core.cluster.AreaCounts.inAll(defaultAreas));
    }
}
