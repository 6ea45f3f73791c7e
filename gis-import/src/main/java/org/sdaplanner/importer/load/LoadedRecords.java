package org.sdaplanner.importer.load;

import org.locationtech.jts.geom.MultiPolygon;

/** Small value types the import produces besides the core geography. */
public final class LoadedRecords {
    private LoadedRecords() {
    }

    /** A registration row kept out of the analysis, with the reason. */
    public record UnmatchedRegistration(long row, String practiceCode, String lsoaCode, long patients, String reason) {
    }

    /** One row of the ONS LSOA 2011 → 2021 lookup; change is U (unchanged), S (split), M (merged) or X (complex). */
    public record LsoaLink(String lsoa11Code, String lsoa21Code, String change, String districtCode) {
    }

    /** A PCN catchment polygon (e.g. the union of its practices' eDEC inner catchments). */
    public record PcnCatchment(String pcnCode, String name, MultiPolygon geometry) {
    }

    /** One value of a per-LSOA table: a number, or a text such as a rural-urban class. */
    public record LsoaValue(String dataset, String lsoaCode, String field, Double number, String text) {
    }

    /** Where an imported file came from, kept for attribution and for the report. */
    public record SourceRecord(String role, String path, String format, String vintage, String title, String sourceUrl,
                               String licence, String attribution, long rows) {
    }
}
