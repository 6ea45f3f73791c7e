package org.sdaplanner.importer;

import org.junit.jupiter.api.Test;
import org.sdaplanner.store.StoreContents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input is refused with a message that names the file, the row or feature,
 * the field and what was expected, and the store keeps the previous import exactly.
 *
 * <p>A good import goes into one H2GIS store first; each test then runs the CLI's path
 * (RegionManifest.load, RegionImporter.read, ImportWriter.write) on a broken copy of the region.
 */
class BadInputTest extends ImportHarness {

    // ------------------------------------------------------------------ missing files and columns

    @Test
    void missingFileNamesRolePathAndDownloadUrl() {
        InputException e = rejected(TinyRegion.standard().remove(TinyRegion.REGISTRATIONS));
        Path expected = dir.resolve("data").resolve(TinyRegion.REGISTRATIONS);
        assertEquals(dir.resolve(TinyRegion.MANIFEST).toString(), e.file());
        assertEquals(dir.resolve(TinyRegion.MANIFEST) + ": 1 input file is missing:\n"
                + "- registrations (Patients registered at a GP practice by LSOA): expected " + expected + "\n"
                + "    download it from " + TinyRegion.REGISTRATIONS_URL + "\n"
                + "Put the files there, or change their paths in the manifest.", e.getMessage());
    }

    @Test
    void allMissingFilesAreListedAtOnce() {
        InputException e = rejected(TinyRegion.standard().remove(TinyRegion.LSOA).remove(TinyRegion.ETHNICITY));
        assertContains(e.getMessage(), "2 input files are missing:",
                "- lsoa_boundaries (LSOA (December 2021) Boundaries EW): expected " + dir.resolve("data").resolve(TinyRegion.LSOA),
                "download it from https://geoportal.statistics.gov.uk/search?q=BDY_LSOA%20DEC_2021",
                "- tables.ethnicity (Table ethnicity): expected " + dir.resolve("data").resolve(TinyRegion.ETHNICITY));
    }

    @Test
    void missingColumn() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.REGISTRATIONS, t -> t.replaceAll("(?m),[^,\n]*$", ""));   // drop the last column
        InputException e = rejected(r);
        assertEquals(TinyRegion.REGISTRATIONS, e.file());
        assertEquals("header", e.location());
        assertEquals("NUMBER_OF_PATIENTS", e.field());
        assertEquals(TinyRegion.REGISTRATIONS + ", header, field 'NUMBER_OF_PATIENTS': column missing: the registrations"
                + " file needs a column 'NUMBER_OF_PATIENTS'; the header has [EXTRACT_DATE, PRACTICE_CODE, LSOA_CODE, SEX]",
                e.getMessage());
    }

    @Test
    void misnamedColumnCaseDiffers() {
        TinyRegion r = TinyRegion.standard();
        r.replaceLine(TinyRegion.REGISTRATIONS, 1, "EXTRACT_DATE,PRACTICE_CODE,LSOA_CODE,SEX,Number_Of_Patients");
        InputException e = rejected(r);
        assertEquals("NUMBER_OF_PATIENTS", e.field());
        assertContains(e.getMessage(), TinyRegion.REGISTRATIONS + ", header, field 'NUMBER_OF_PATIENTS': column missing",
                "(a column 'Number_Of_Patients' exists: names are case-sensitive)");
    }

    @Test
    void missingPropertyInBoundaryLayer() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.LSOA, t -> t.replace("\"LSOA21NM\"", "\"lsoa21nm\""));
        InputException e = rejected(r);
        assertEquals(TinyRegion.LSOA + ", feature 1, field 'LSOA21NM': column missing: the LSOA boundaries need a"
                + " property 'LSOA21NM'; the features have [LSOA21CD, lsoa21nm]", e.getMessage());
    }

    // ------------------------------------------------------------------ bad values

    @Test
    void nonNumericPatientCount() {
        InputException e = rejected(TinyRegion.standard()
                .replaceLine(TinyRegion.REGISTRATIONS, 5, "2025-10-01,D81002,E01000002,FEMALE,eighty"));
        assertEquals("row 5", e.location());
        assertEquals(TinyRegion.REGISTRATIONS + ", row 5, field 'NUMBER_OF_PATIENTS': expected a whole number (0 or more),"
                + " found \"eighty\"", e.getMessage());
    }

    @Test
    void fractionalPatientCount() {
        InputException e = rejected(TinyRegion.standard()
                .replaceLine(TinyRegion.REGISTRATIONS, 6, "2025-10-01,D81002,E01000003,MALE,12.5"));
        assertEquals(TinyRegion.REGISTRATIONS + ", row 6, field 'NUMBER_OF_PATIENTS': expected a whole number (0 or more),"
                + " found \"12.5\"", e.getMessage());
    }

    @Test
    void negativePatientCount() {
        InputException e = rejected(TinyRegion.standard()
                .replaceLine(TinyRegion.REGISTRATIONS, 7, "2025-10-01,D81003,E01000004,FEMALE,-3"));
        assertEquals(TinyRegion.REGISTRATIONS + ", row 7, field 'NUMBER_OF_PATIENTS': expected a whole number (0 or more),"
                + " found a negative count \"-3\"", e.getMessage());
    }

    @Test
    void negativePopulation() {
        InputException e = rejected(TinyRegion.standard().replaceLine(TinyRegion.POPULATION, 3, "E01000002,-1600"));
        assertEquals(TinyRegion.POPULATION + ", row 3, field 'Population': expected a whole number (0 or more),"
                + " found a negative count \"-1600\"", e.getMessage());
    }

    @Test
    void duplicateLsoaInBoundaryLayer() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.LSOA, t -> t.replace("\"LSOA21CD\": \"E01000004\"", "\"LSOA21CD\": \"E01000002\""));
        InputException e = rejected(r);
        assertEquals("feature 4", e.location());
        assertEquals("LSOA21CD", e.field());
        assertEquals(TinyRegion.LSOA + ", feature 4, field 'LSOA21CD': duplicate area code E01000002 (also at feature 2):"
                + " each area must appear once", e.getMessage());
    }

    @Test
    void duplicateRegistrationRow() {
        InputException e = rejected(TinyRegion.standard()
                .appendLine(TinyRegion.REGISTRATIONS, "2025-10-01,D81002,E01000003,MALE,1"));
        assertEquals(TinyRegion.REGISTRATIONS + ", row 15, field 'LSOA_CODE': duplicate row for practice D81002 and LSOA"
                + " E01000003 (MALE): already at row 6", e.getMessage());
    }

    @Test
    void duplicateRegistrationRowRightAfterItsTwin() {
        // the last row read again at once: its key is the newest one numbered, still a duplicate
        InputException e = rejected(TinyRegion.standard()
                .appendLine(TinyRegion.REGISTRATIONS, "2025-10-01,D81001,E01099999,MALE,2"));
        assertEquals(TinyRegion.REGISTRATIONS + ", row 15, field 'LSOA_CODE': duplicate row for practice D81001 and LSOA"
                + " E01099999 (MALE): already at row 14", e.getMessage());
    }

    @Test
    void aBrokenRegistrationsFileReadAlongsideIsToldOnlyAfterTheFilesReadBeforeIt() {
        // the registrations are read on a thread of their own while the boundaries are: the first
        // broken file in reading order is still the one named
        TinyRegion r = TinyRegion.standard().appendLine(TinyRegion.REGISTRATIONS, "2025-10-01,D81001,E01099999,MALE,2");
        r.edit(TinyRegion.LSOA, t -> t.replace("\"LSOA21CD\": \"E01000004\"", "\"LSOA21CD\": \"E01000002\""));
        InputException e = rejected(r);
        assertEquals(TinyRegion.LSOA + ", feature 4, field 'LSOA21CD': duplicate area code E01000002 (also at feature 2):"
                + " each area must appear once", e.getMessage());
        r = TinyRegion.standard().appendLine(TinyRegion.REGISTRATIONS, "2025-10-01,D81001,E01099999,MALE,2");
        r.appendLine(TinyRegion.PRACTICE_MAP, "D81003,Gamma again,CB3 3CC,U00002,South PCN,06H");
        assertEquals(TinyRegion.PRACTICE_MAP + ", row 7, field 'PRACTICE_CODE': duplicate practice D81003 (also at row 4):"
                + " the map must list each practice once", rejected(r).getMessage());
    }

    @Test
    void duplicatePracticeInMap() {
        InputException e = rejected(TinyRegion.standard()
                .appendLine(TinyRegion.PRACTICE_MAP, "D81003,Gamma again,CB3 3CC,U00002,South PCN,06H"));
        assertEquals(TinyRegion.PRACTICE_MAP + ", row 7, field 'PRACTICE_CODE': duplicate practice D81003 (also at row 4):"
                + " the map must list each practice once", e.getMessage());
    }

    // ------------------------------------------------------------------ damaged files

    @Test
    void truncatedGeoJson() {
        TinyRegion r = TinyRegion.standard();
        String full = r.text(TinyRegion.LSOA);
        int cut = full.indexOf("E01000003") + 40;            // in the middle of feature 3's coordinates
        r.put(TinyRegion.LSOA, full.substring(0, cut));
        InputException e = rejected(r);
        assertEquals(TinyRegion.LSOA, e.file());
        assertEquals(TinyRegion.LSOA + ": the file ends unexpectedly after feature 2 (line 6): is it truncated?"
                + " Download it again.", e.getMessage());
    }

    @Test
    void truncatedCsv() {
        TinyRegion r = TinyRegion.standard();
        String full = r.text(TinyRegion.REGISTRATIONS);
        r.put(TinyRegion.REGISTRATIONS, full.substring(0, full.lastIndexOf("E01099999") + 4));  // "...,D81001,E010"
        InputException e = rejected(r);
        assertEquals(TinyRegion.REGISTRATIONS + ", row 14: expected 5 fields as in the header, found 3"
                + " (is the file truncated?)", e.getMessage());
    }

    @Test
    void csvCutInsideAQuotedField() {
        TinyRegion r = TinyRegion.standard();
        String full = r.text(TinyRegion.PRACTICE_MAP);
        r.put(TinyRegion.PRACTICE_MAP, full.substring(0, full.indexOf("Mill Road")));
        InputException e = rejected(r);
        assertEquals(TinyRegion.PRACTICE_MAP + ", row 2: a quoted field is never closed (is the file truncated?)",
                e.getMessage());
    }

    @Test
    void geoJsonThatIsBinaryGarbage() {
        byte[] junk = new byte[2048];
        new Random(42).nextBytes(junk);
        junk[0] = (byte) 0x89;   // as a PNG or a zip would start: not '{'
        InputException e = rejected(TinyRegion.standard().put(TinyRegion.LSOA, junk));
        assertEquals(TinyRegion.LSOA, e.file());
        assertNull(e.location());
        assertEquals(TinyRegion.LSOA + ": not valid JSON at line 1, column 2 (after feature 0): Invalid UTF-8 start byte 0x89",
                e.getMessage());
    }

    @Test
    void geoJsonThatIsPlainText() {
        InputException e = rejected(TinyRegion.standard().put(TinyRegion.PARISH, "PARNCP21CD,PARNCP21NM\nE04000001,Grantchester\n"));
        assertContains(e.getMessage(), TinyRegion.PARISH + ": not valid JSON at line 1, column 1 (after feature 0): ");
    }

    @Test
    void nullInTheFeaturesArrayIsRefusedNotSkipped() {
        // BUG (GeoJsonReader): the feature loop stops at the first non-object element and the outer loop then
        // stops too, so features 3..5 are silently dropped and the import succeeds with 1 LSOA.
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.LSOA, t -> t.replaceFirst("\\}\\},\n", "}},\n    null,\n"));
        InputException e = rejected(r);
        assertEquals(TinyRegion.LSOA, e.file());
        assertEquals("feature 2", e.location());
    }

    @Test
    void csvThatIsASpreadsheet() {
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, (byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1, '\n'};
        InputException e = rejected(TinyRegion.standard().put(TinyRegion.PRACTICE_MAP, xlsx));
        assertEquals(TinyRegion.PRACTICE_MAP + ": the file is not UTF-8 text: if it was saved as Windows-1252/Latin-1, save it again as 'CSV UTF-8'; if it is a spreadsheet or a zip, export or unzip the CSV", e.getMessage());
    }

    @Test
    void csvInWindows1252() {
        TinyRegion r = TinyRegion.standard();
        r.put(TinyRegion.PRACTICE_MAP, r.text(TinyRegion.PRACTICE_MAP).replace("Beta Practice", "Caf\u00e9 Practice")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        InputException e = rejected(r);
        assertEquals(TinyRegion.PRACTICE_MAP, e.file());
        assertContains(e.getMessage(), TinyRegion.PRACTICE_MAP + ": the file is not UTF-8 text");
    }

    @Test
    void directoryInsteadOfFile() throws IOException {
        TinyRegion r = TinyRegion.standard().remove(TinyRegion.PCN);
        TinyRegion.Written w = r.writeTo(dir);
        Files.createDirectories(w.dataDir().resolve(TinyRegion.PCN));
        InputException e = rejected(w);
        assertContains(e.getMessage(), "1 input file is missing:",
                "- pcn_catchments (PCN catchments): expected " + w.dataDir().resolve(TinyRegion.PCN),
                "download it from https://github.com/humaniverse/geographr");
    }

    @Test
    void emptyCsv() {
        InputException e = rejected(TinyRegion.standard().put(TinyRegion.POSTCODES, ""));
        assertEquals(TinyRegion.POSTCODES + ": the file is empty: expected a header row with column names", e.getMessage());
    }

    @Test
    void registrationsWithHeaderOnly() {
        InputException e = rejected(TinyRegion.standard().put(TinyRegion.REGISTRATIONS,
                "EXTRACT_DATE,PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\n"));
        assertEquals(TinyRegion.REGISTRATIONS + ": the registrations file has a header but no rows", e.getMessage());
    }

    // ------------------------------------------------------------------ coordinate reference systems

    @Test
    void shapefileWithoutPrjAndNoCrsInManifest() throws Exception {
        TinyRegion r = TinyRegion.standard().remove(TinyRegion.LSOA);
        r.input("lsoa_boundaries").put("path", "boundaries/lsoa21.shp").put("format", "shapefile").remove("crs");
        TinyRegion.Written w = r.writeTo(dir);
        Path shp = w.dataDir().resolve("boundaries/lsoa21.shp");
        LayerFiles.writeShapefile(shp, LayerFiles.LSOAS, 0);
        Files.deleteIfExists(w.dataDir().resolve("boundaries/lsoa21.prj"));
        assertFalse(Files.exists(w.dataDir().resolve("boundaries/lsoa21.prj")));

        InputException e = rejected(w);
        assertEquals("boundaries/lsoa21.shp: missing CRS: the file does not say which coordinate reference system it uses"
                + " (no .prj or crs member) and the manifest gives none; add \"crs\": \"EPSG:27700\" (British National Grid)"
                + " or \"EPSG:4326\" (longitude/latitude) to its entry", e.getMessage());
    }

    @Test
    void britishGridCoordinatesDeclaredAsLonLat() {
        TinyRegion r = TinyRegion.standard();
        r.input("lsoa_boundaries").put("crs", "EPSG:4326");
        InputException e = rejected(r);
        assertEquals(TinyRegion.LSOA + ": coordinates (x 545000.000 to 548000.000, y 257000.000 to 259000.000) are not"
                + " longitude/latitude although the CRS is EPSG:4326; they look like British National Grid metres:"
                + " set \"crs\": \"EPSG:27700\"", e.getMessage());
    }

    @Test
    void britishGridCoordinatesWithoutAnyCrs() {
        TinyRegion r = TinyRegion.standard();
        r.input("pcn_catchments").remove("crs");
        // GeoJSON without a crs member means WGS84 (RFC 7946); metres do not fit it.
        InputException e = rejected(r);
        assertContains(e.getMessage(), TinyRegion.PCN + ": missing CRS");
    }

    @Test
    void lonLatCoordinatesDeclaredAsBritishGrid() {
        TinyRegion r = TinyRegion.standard();
        r.input("district_boundaries").put("crs", "EPSG:27700");
        InputException e = rejected(r);
        assertContains(e.getMessage(), TinyRegion.DISTRICT + ": coordinates (x 0.", "are not British National Grid metres"
                + " although the CRS is EPSG:27700; they look like longitude/latitude: set \"crs\": \"EPSG:4326\"");
    }

    @Test
    void unknownCrsInManifest() {
        TinyRegion r = TinyRegion.standard();
        r.input("lsoa_boundaries").put("crs", "OSGB 1936");
        InputException e = rejected(r);
        assertEquals(TinyRegion.LSOA + ": the manifest gives crs \"OSGB 1936\", which is not understood: expected e.g."
                + " EPSG:27700 or EPSG:4326", e.getMessage());
    }

    // ------------------------------------------------------------------ empty layers and the manifest

    @Test
    void emptyLayer() {
        InputException e = rejected(TinyRegion.standard()
                .put(TinyRegion.LSOA, "{\"type\": \"FeatureCollection\", \"features\": []}\n"));
        assertEquals(TinyRegion.LSOA + ": the layer is empty: expected LSOA boundaries features", e.getMessage());
    }

    @Test
    void geoJsonWithoutFeaturesArray() {
        InputException e = rejected(TinyRegion.standard().put(TinyRegion.PARISH, "{\"type\": \"FeatureCollection\"}\n"));
        assertEquals(TinyRegion.PARISH + ": not a GeoJSON FeatureCollection: no \"features\" array", e.getMessage());
    }

    @Test
    void noLsoaInTheRegionsDistricts() {
        TinyRegion r = TinyRegion.standard();
        r.manifest().with("region").putArray("districts").addObject().put("code", "E07000099").put("name", "Nowhere");
        InputException e = rejected(r);
        assertEquals(TinyRegion.LSOA + ": no LSOA lies in the region's districts [E07000099]: check region.districts"
                + " and the LSOA names or lookup", e.getMessage());
    }

    @Test
    void manifestWithUnknownKey() {
        TinyRegion r = TinyRegion.standard();
        r.input("registrations").put("colums", "oops");
        InputException e = rejected(r);
        assertEquals(dir.resolve(TinyRegion.MANIFEST).toString(), e.file());
        assertContains(e.getMessage(), dir.resolve(TinyRegion.MANIFEST) + ": unknown key 'colums' at inputs.registrations.colums",
                "; known keys there: [attribution, columns, crs, format, id, layout, licence, lsoa_vintage,");
    }

    @Test
    void manifestWithUnknownTopLevelKey() {
        TinyRegion r = TinyRegion.standard();
        r.manifest().put("regoin", "typo");
        InputException e = rejected(r);
        assertContains(e.getMessage(), ": unknown key 'regoin' at ", "known keys there: ");
    }

    @Test
    void manifestMissingARequiredRole() {
        TinyRegion r = TinyRegion.standard();
        ((com.fasterxml.jackson.databind.node.ObjectNode) r.manifest().get("inputs")).remove("practice_map");
        InputException e = rejected(r);
        assertEquals(dir.resolve(TinyRegion.MANIFEST) + ": inputs.practice_map is required (GP practice to PCN map)",
                e.getMessage());
    }

    @Test
    void everyCaseAboveLeftTheStoreAsImported() {
        // A guard that the snapshot itself is meaningful: it covers every table the writer replaces, with data.
        assertEquals(StoreContents.TABLES, List.copyOf(before.tables().keySet()));
        Map<String, Long> counts = StoreContents.counts(store);
        for (String t : List.of("lsoa_value", "postcode", "pcn_catchment", "lsoa_lookup", "lsoa_population",
                "unmatched_registration", "registration", "practice", "pcn", "parish", "lsoa", "district", "source_file",
                "import_run")) {
            assertTrue(counts.get(t) > 0, t + " " + counts);
        }
    }

}
