package org.sdaplanner.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.load.LoadedRecords.LsoaValue;
import org.sdaplanner.importer.load.LoadedRecords.SourceRecord;
import org.sdaplanner.importer.load.LoadedRecords.UnmatchedRegistration;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoreContents;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiny region imports with exactly the counts its hand-made files imply. */
class RegionImporterTest {
    static final String NOT_AN_LSOA = "not an LSOA code (e.g. CLOSED, EMPTY, placeholder)";
    static final String OUTSIDE_ENGLAND = "LSOA or data zone in Wales, Scotland or Northern Ireland";
    static final String OUTSIDE_REGION = "LSOA outside the region";

    @TempDir
    Path dir;

    @Test
    void readsTheTinyRegionWithExactCounts() {
        ImportedData d = TinyRegion.standard().writeTo(dir).read();
        ImportReport r = d.report();

        Map<String, Long> layers = new LinkedHashMap<>();
        layers.put("lsoa", 4L);
        layers.put("parish", 3L);
        layers.put("unparished_area", 1L);
        layers.put("district", 2L);
        layers.put("practice", 4L);          // D81001-D81004 (sub-ICB 06H)
        layers.put("pcn", 2L);               // U00001, U00002; D81004's 'U' is no PCN
        layers.put("practice_all", 5L);      // + X99001, whose patients live in the region
        layers.put("pcn_all", 3L);           // + U00099
        layers.put("registration_rows", 13L);
        layers.put("lsoa_table_values", 16L);
        assertEquals(layers, r.layers());
        assertEquals(List.copyOf(layers.keySet()), List.copyOf(r.layers().keySet()), "report order");

        assertEquals("Tiny Cambridge", r.region());
        assertEquals(648, r.registeredPatients());
        assertEquals(620, r.analysedPatients());
        assertEquals(5, r.unmatchedRegistrations().rows());
        assertEquals(28, r.unmatchedRegistrations().patients());
        assertEquals(Map.of(
                NOT_AN_LSOA, new ImportReport.Count(2, 8),
                OUTSIDE_ENGLAND, new ImportReport.Count(1, 7),
                OUTSIDE_REGION, new ImportReport.Count(2, 13)), r.unmatchedRegistrations().byReason());
        assertEquals(0, r.repairedGeometries());
        assertEquals(r.registeredPatients(), r.analysedPatients() + r.unmatchedRegistrations().patients(),
                "every registered patient is either analysed or reported");

        // LSOAs: districts from the lookup (1-3) and from the ONS name (4); E01000005 (Fenland) left out.
        assertEquals(Map.of("E01000001", "E07000008", "E01000002", "E07000008", "E01000003", "E07000012",
                "E01000004", "E07000012"), d.lsoas().stream().collect(Collectors.toMap(Lsoa::code, Lsoa::districtCode)));
        for (Lsoa l : d.lsoas()) {
            assertEquals(1_000_000.0, l.geometry().getArea(), 1e-6, l.code());
            assertEquals(27700, l.geometry().getSRID(), l.code());
        }
        // Districts come from the lon/lat layer reprojected to EPSG:27700: 2 km² each, to a few m².
        assertEquals(List.of("E07000008", "E07000012"), d.districts().stream().map(District::code).toList());
        for (District x : d.districts()) {
            assertEquals(2_000_000.0, x.geometry().getArea(), 5.0, x.code());
        }
        assertEquals(Map.of("E43000001", true, "E04000001", false, "E04000002", false),
                d.parishes().stream().collect(Collectors.toMap(Parish::code, Parish::unparished)));
        assertEquals(List.of("E07000008", "E07000012", "E07000012"), d.parishes().stream().map(Parish::districtCode).toList());

        assertEquals(List.of(
                new Registration("D81001", "E01000001", 210),
                new Registration("D81001", "E01000002", 50),
                new Registration("D81002", "E01000002", 80),
                new Registration("D81002", "E01000003", 120),
                new Registration("D81003", "E01000004", 90),
                new Registration("D81003", "E01000003", 30),
                new Registration("X99001", "E01000004", 40)), d.registrations());
        assertEquals(List.of(
                new UnmatchedRegistration(10, "D81001", "CLOSED", 5, NOT_AN_LSOA),
                new UnmatchedRegistration(11, "D81002", "CLOSED", 3, NOT_AN_LSOA),
                new UnmatchedRegistration(12, "D81003", "W01000123", 7, OUTSIDE_ENGLAND),
                new UnmatchedRegistration(13, "D81002", "E01000005", 11, OUTSIDE_REGION),
                new UnmatchedRegistration(14, "D81001", "E01099999", 2, OUTSIDE_REGION)), d.unmatched());

        Map<String, Practice> practices = d.practices().stream().collect(Collectors.toMap(Practice::code, p -> p));
        assertEquals(5, practices.size());
        assertEquals("Alpha Surgery, Mill Road", practices.get("D81001").name(), "quoted CSV field");
        assertEquals("U", practices.get("D81004").pcnCode());
        assertTrue(practices.get("D81004").inRegion());
        assertTrue(!practices.get("X99001").inRegion());
        assertEquals(545500.0, practices.get("D81001").location().getX());
        assertEquals(258500.0, practices.get("D81001").location().getY());
        assertEquals(List.of("U", "U00001", "U00002", "U00099"), d.pcns().stream().map(Pcn::code).toList());

        assertEquals(Map.of("E01000001", 1500L, "E01000002", 1600L, "E01000003", 1700L, "E01000004", 1800L), d.residents());
        assertEquals(3, d.lookup().size());
        assertEquals(List.of("CB1 1AA", "CB2 2BB", "CB3 3CC"), d.postcodes().stream().map(PostcodePoint::postcode).toList());
        assertEquals(List.of("U00001", "U00002"), d.catchments().stream().map(c -> c.pcnCode()).toList());
        assertEquals(8, d.values().stream().filter(v -> v.dataset().equals("ethnicity")).count());
        Map<String, Long> ruc = d.values().stream().filter(v -> v.dataset().equals("rural_urban"))
                .collect(Collectors.groupingBy(v -> v.number() == null ? "text" : "number", TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("number", 4L, "text", 4L), ruc);
        LsoaValue first = d.values().stream().filter(v -> v.dataset().equals("ethnicity")).findFirst().orElseThrow();
        assertEquals(new LsoaValue("ethnicity", "E01000001", "White", 1001.0, null), first);

        Map<String, Long> sourceRows = new LinkedHashMap<>();
        for (SourceRecord s : d.sources()) {
            sourceRows.put(s.role(), s.rows());
        }
        Map<String, Long> expectedSources = new LinkedHashMap<>();
        expectedSources.put("lsoa_lookup", 3L);
        expectedSources.put("lsoa_boundaries", 5L);
        expectedSources.put("district_boundaries", 3L);
        expectedSources.put("parish_boundaries", 4L);
        expectedSources.put("lsoa_population", 4L);
        expectedSources.put("practice_map", 5L);
        expectedSources.put("registrations", 13L);
        expectedSources.put("practice_locations", 5L);
        expectedSources.put("pcn_catchments", 2L);
        expectedSources.put("postcodes", 3L);
        expectedSources.put("tables.ethnicity", 8L);
        expectedSources.put("tables.rural_urban", 8L);
        assertEquals(expectedSources, sourceRows);
        assertEquals(List.copyOf(expectedSources.keySet()), List.copyOf(sourceRows.keySet()));

        assertEquals(List.of(
                TinyRegion.LSOA + ": 1 LSOAs lie outside the region's districts and were left out",
                TinyRegion.PARISH + ": 1 parishes lie outside the region's districts and were left out",
                TinyRegion.POPULATION + ": 1 rows with no LSOA code were skipped (footnotes)",
                "1 practices belong to no PCN (unallocated 'U'): D81004",
                TinyRegion.POSTCODES + ": 1 postcodes have no grid reference and were skipped"), r.warnings());
        assertEquals(11, r.attributions().size(), "10 single roles + one shared by both tables (distinct)");
    }

    @Test
    void csvWithByteOrderMarkAndCrlfReadsTheSame() {
        TinyRegion r = TinyRegion.standard();
        r.put(TinyRegion.REGISTRATIONS, "\uFEFF" + r.text(TinyRegion.REGISTRATIONS).replace("\n", "\r\n"));
        r.put(TinyRegion.PRACTICE_MAP, "\uFEFF" + r.text(TinyRegion.PRACTICE_MAP).replace("\n", "\r\n"));
        ImportedData d = r.writeTo(dir).read();
        ImportedData plain = TinyRegion.standard().writeTo(dir.resolve("plain")).read();
        assertEquals(plain.registrations(), d.registrations());
        assertEquals(plain.unmatched(), d.unmatched());
        assertEquals(plain.practices().stream().map(Practice::name).toList(), d.practices().stream().map(Practice::name).toList());
        assertEquals(648, d.report().registeredPatients());
    }

    @Test
    void thousandsSeparatorsInCountsAreRead() {
        TinyRegion r = TinyRegion.standard()
                .replaceLine(TinyRegion.REGISTRATIONS, 2, "2025-10-01,D81001,E01000001,MALE,\"1,100\"");
        ImportedData d = r.writeTo(dir).read();
        assertEquals(new Registration("D81001", "E01000001", 1210), d.registrations().get(0));
        assertEquals(1648, d.report().registeredPatients());
    }

    @Test
    void regionWithoutParishLayerIsAccepted() {
        ImportedData d = TinyRegion.standard().withoutInput("parish_boundaries").writeTo(dir).read();
        assertEquals(0L, d.report().layers().get("parish"));
        assertEquals(0L, d.report().layers().get("unparished_area"));
        assertEquals(4L, d.report().layers().get("lsoa"));
        assertEquals(620, d.report().analysedPatients());
        assertTrue(d.parishes().isEmpty());
        assertTrue(d.sources().stream().noneMatch(s -> s.role().equals("parish_boundaries")));
    }

    @Test
    void regionWithOnlyTheRequiredInputsIsAccepted() {
        TinyRegion r = TinyRegion.standard();
        for (String role : List.of("parish_boundaries", "district_boundaries", "practice_locations", "lsoa_population",
                "lsoa_lookup", "pcn_catchments", "postcodes")) {
            r.withoutInput(role);
        }
        r.manifest().with("inputs").putArray("tables");
        r.remove(TinyRegion.ETHNICITY).remove(TinyRegion.RURAL_URBAN);
        ImportedData d = r.writeTo(dir).read();
        // Without lookup or district layer, districts come from the LSOA names alone.
        assertEquals(4, d.lsoas().size());
        assertEquals(List.of("E01000001", "E01000002", "E01000003", "E01000004"), d.lsoas().stream().map(Lsoa::code).toList());
        assertEquals(620, d.report().analysedPatients());
        assertTrue(d.districts().stream().allMatch(x -> x.geometry() == null));
        assertTrue(d.practices().stream().allMatch(p -> p.location() == null));
        assertNull(d.report().layers().get("postcode"));
        assertTrue(d.residents().isEmpty());
    }

    @Test
    void theStoreHoldsWhatWasRead(@TempDir Path db) {
        ImportedData d = TinyRegion.standard().writeTo(dir).read();
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + db.resolve("store"));
        new ImportWriter(store, Progress.SILENT).write(d);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lsoa_value", 16L);
        counts.put("postcode", 3L);
        counts.put("pcn_catchment", 2L);
        counts.put("lsoa_lookup", 3L);
        counts.put("lsoa_population", 4L);
        counts.put("unmatched_registration", 5L);
        counts.put("registration", 7L);
        counts.put("practice", 5L);
        counts.put("pcn", 4L);
        counts.put("parish", 3L);
        counts.put("lsoa", 4L);
        counts.put("district", 2L);
        counts.put("source_file", 12L);
        counts.put("import_run", 1L);
        counts.put("dataset_info", 2L); // the LSOA vintage of its two tables
        assertEquals(StoreContents.expected(counts), StoreContents.counts(store));
    }
}
