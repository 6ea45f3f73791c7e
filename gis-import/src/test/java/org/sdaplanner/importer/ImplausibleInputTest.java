package org.sdaplanner.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files that are well formed but wrong: misplaced geometries, counts no real file has, categories out
 * of range, LSOA codes of the other vintage, manifests that point outside the data folder or mean
 * nothing, and damaged binary files whose drivers talk SQL. Each is refused (the message naming the
 * file, the row or feature, the field and what was expected, and the store unchanged) or, where it is
 * usable but odd, named in the report's warnings.
 */
class ImplausibleInputTest extends ImportHarness {

    private static String manifestFile(Path dir) {
        return dir.resolve(TinyRegion.MANIFEST).toString();
    }

    /** The standard LSOA squares with longitude and latitude exchanged in the features listed (1-based; none: all). */
    private static String lsoasInLonLat(boolean swapAll, int... swapped) {
        String[][] lsoas = {{"E01000001", "Cambridge 001A"}, {"E01000002", "Cambridge 001B"},
                {"E01000003", "South Cambridgeshire 001A"}, {"E01000004", "South Cambridgeshire 001B"}, {"E01000005", "Fenland 001A"}};
        double[][] corner = {{545000, 258000}, {546000, 258000}, {545000, 257000}, {546000, 257000}, {547000, 258000}};
        List<String> fs = new ArrayList<>();
        for (int i = 0; i < lsoas.length; i++) {
            boolean swap = swapAll;
            for (int s : swapped) {
                swap |= s == i + 1;
            }
            double[] xy = new double[8];
            double[][] pts = {{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}};
            for (int k = 0; k < 4; k++) {
                double[] ll = TinyRegion.toLonLat(corner[i][0] + pts[k][0], corner[i][1] + pts[k][1]);
                xy[2 * k] = swap ? ll[1] : ll[0];
                xy[2 * k + 1] = swap ? ll[0] : ll[1];
            }
            fs.add(TinyRegion.polygon(TinyRegion.props("LSOA21CD", lsoas[i][0], "LSOA21NM", lsoas[i][1]), xy));
        }
        return TinyRegion.featureCollection(null, fs);
    }

    private static TinyRegion withLonLatLsoas(String geojson) {
        TinyRegion r = TinyRegion.standard().put(TinyRegion.LSOA, geojson);
        r.input("lsoa_boundaries").put("crs", "EPSG:4326");
        return r;
    }

    // ------------------------------------------------------------------ geometries in the wrong place

    @Test
    void latitudeAndLongitudeSwappedInTheWholeFile() {
        InputException e = rejected(withLonLatLsoas(lsoasInLonLat(true)));
        assertEquals(TinyRegion.LSOA, e.file());
        assertEquals("feature 1", e.location());
        assertEquals("geometry", e.field());
        assertContains(e.getMessage(), "area E01000001 lies outside Great Britain", "expected eastings from 0 to 700,000",
                "look like [latitude, longitude]", "swap the two numbers", "(5 of the 5 features are outside)");
    }

    @Test
    void oneFeatureWithLatitudeAndLongitudeSwappedIsNamed() {
        InputException e = rejected(withLonLatLsoas(lsoasInLonLat(false, 3)));
        assertEquals("feature 3", e.location());
        assertContains(e.getMessage(), TinyRegion.LSOA + ", feature 3, field 'geometry': area E01000003 lies outside Great"
                + " Britain", "[latitude, longitude]");
        assertFalse(e.getMessage().contains("features are outside"), "only one is");
    }

    @Test
    void anLsoaFarFromItsDistrictIsRefused() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.LSOA, t -> t.replace(TinyRegion.square(TinyRegion.props("LSOA21CD", "E01000003", "LSOA21NM",
                "South Cambridgeshire 001A"), 545000, 257000, 1000), TinyRegion.square(TinyRegion.props("LSOA21CD", "E01000003",
                "LSOA21NM", "South Cambridgeshire 001A"), 150000, 50000, 1000)));   // now in Cornwall
        InputException e = rejected(r);
        assertEquals("feature 3", e.location());
        assertContains(e.getMessage(), TinyRegion.LSOA + ", feature 3, field 'geometry': area E01000003 lies ",
                " km from its district E07000012 South Cambridgeshire", "expected it within 5 km of the district boundaries");
    }

    @Test
    void eastingsAndNorthingsSwappedAreRecognised() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.LSOA, t -> t.replace(TinyRegion.square(TinyRegion.props("LSOA21CD", "E01000002", "LSOA21NM",
                "Cambridge 001B"), 546000, 258000, 1000), TinyRegion.square(TinyRegion.props("LSOA21CD", "E01000002",
                "LSOA21NM", "Cambridge 001B"), 258000, 546000, 1000)));
        InputException e = rejected(r);
        assertEquals("feature 2", e.location());
        assertContains(e.getMessage(), "its district E07000008 Cambridge", "its eastings and northings look swapped");
    }

    /** The standard parish Coton, a 1 km square with its lower-left corner at (x, y). */
    private static String coton(double x, double y) {
        return TinyRegion.rect(TinyRegion.props("PARNCP21CD", "E04000002", "PARNCP21NM", "Coton", "LAD21CD", "E07000012"),
                x, y, x + 1000, y + 1000);
    }

    @Test
    void aParishFarFromItsDistrictIsRefused() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.PARISH, t -> t.replace(coton(546000, 257000), coton(346000, 157000)));
        InputException e = rejected(r);
        assertEquals(TinyRegion.PARISH, e.file());
        assertEquals("feature 3", e.location());
        assertContains(e.getMessage(), "area E04000002 lies ", "from its district E07000012 South Cambridgeshire");
    }

    @Test
    void withoutDistrictBoundariesAnIsolatedLsoaIsAWarning() {
        TinyRegion r = TinyRegion.standard().withoutInput("district_boundaries");
        r.edit(TinyRegion.LSOA, t -> t.replace(TinyRegion.square(TinyRegion.props("LSOA21CD", "E01000004", "LSOA21NM",
                "South Cambridgeshire 001B"), 546000, 257000, 1000), TinyRegion.square(TinyRegion.props("LSOA21CD", "E01000004",
                "LSOA21NM", "South Cambridgeshire 001B"), 446000, 157000, 1000)));
        r.edit(TinyRegion.PARISH, t -> t.replace(coton(546000, 257000), coton(446000, 157000)));
        List<String> w = accepted(r).report().warnings();
        assertTrue(w.contains(TinyRegion.LSOA + ": 1 LSOA lies more than 20 km from every other LSOA of the region: E01000004;"
                + " check their coordinates (give district_boundaries to have this checked)"), w.toString());
    }

    @Test
    void aPracticeAtAnImpossibleEastingIsRefused() {
        InputException e = rejected(TinyRegion.standard().replaceLine(TinyRegion.PRACTICE_LOCATIONS, 3, "D81002,9000000000,258500"));
        assertEquals(TinyRegion.PRACTICE_LOCATIONS, e.file());
        assertEquals("row 3", e.location());
        assertEquals("CODEPOINT_EASTING", e.field());
        assertContains(e.getMessage(), "D81002 at 9,000,000,000, 258,500", "lies outside Great Britain: expected eastings from 0 to 700,000");
    }

    @Test
    void aPracticeGivenAsLatitudeLongitudeIsRecognised() {
        TinyRegion r = TinyRegion.standard().replaceLine(TinyRegion.PRACTICE_LOCATIONS, 2, "D81001,52.2,0.12");
        r.input("practice_locations").put("crs", "EPSG:4326");
        r.put(TinyRegion.PRACTICE_LOCATIONS, r.text(TinyRegion.PRACTICE_LOCATIONS).replaceAll("\n(D8100[234]|X99001),[^\n]*", ""));
        InputException e = rejected(r);
        assertEquals("row 2", e.location());
        assertEquals("CODEPOINT_EASTING", e.field());
        assertContains(e.getMessage(), "expected longitudes from -9 to 2.5 and latitudes from 49 to 61",
                "the two coordinates look swapped (CODEPOINT_EASTING takes the longitude)");
    }

    // ------------------------------------------------------------------ counts no real file has

    @Test
    void threeBillionPatientsForOneLsoaAreRefused() {
        InputException e = rejected(TinyRegion.standard()
                .replaceLine(TinyRegion.REGISTRATIONS, 5, "2025-10-01,D81002,E01000002,FEMALE,3000000000"));
        assertEquals(TinyRegion.REGISTRATIONS, e.file());
        assertEquals("row 5", e.location());
        assertEquals("NUMBER_OF_PATIENTS", e.field());
        assertContains(e.getMessage(), "3,000,000,000 patients for one practice and LSOA (E01000002)",
                "the most populous LSOA in England, Oxford 008A, has 9,899 usual residents (Census 2021)",
                "expected at most 50,000");
    }

    @Test
    void rowsThatTogetherExceedWhatAnLsoaHoldsAreRefused() {
        TinyRegion r = TinyRegion.standard()
                .replaceLine(TinyRegion.REGISTRATIONS, 4, "2025-10-01,D81001,E01000002,MALE,30000")
                .replaceLine(TinyRegion.REGISTRATIONS, 5, "2025-10-01,D81002,E01000002,FEMALE,30000");
        InputException e = rejected(r);
        assertEquals("row 5", e.location());
        assertContains(e.getMessage(), "60,000 patients in all for LSOA E01000002 (2 rows from row 4)");
    }

    @Test
    void anOddButPossibleCountIsAWarningNamingTheRows() {
        TinyRegion r = TinyRegion.standard().replaceLine(TinyRegion.REGISTRATIONS, 6, "2025-10-01,D81002,E01000003,MALE,16000");
        List<String> w = accepted(r).report().warnings();
        assertTrue(w.stream().anyMatch(x -> x.startsWith(TinyRegion.REGISTRATIONS + ": 1 LSOA has more than 15,000 registered"
                + " patients") && x.contains("E01000003 16,030 (from row 6, 2 rows)")), w.toString());
    }

    @Test
    void populationsNoLsoaHasAreRefusedOrNamed() {
        InputException e = rejected(TinyRegion.standard().replaceLine(TinyRegion.POPULATION, 3, "E01000002,90000"));
        assertEquals(TinyRegion.POPULATION + ", row 3, field 'Population': 90,000 usual residents for one LSOA (E01000002); the"
                + " most populous LSOA in England, Oxford 008A, has 9,899 usual residents (Census 2021) and real registration"
                + " files have fewer than 5,000 patients for any one LSOA: expected at most 50,000", e.getMessage());
        List<String> w = accepted(TinyRegion.standard().replaceLine(TinyRegion.POPULATION, 4, "E01000003,16000")).report().warnings();
        assertTrue(w.stream().anyMatch(x -> x.startsWith(TinyRegion.POPULATION + ": more residents than any real LSOA has")
                && x.contains("row 4 (E01000003: 16,000)")), w.toString());
    }

    @Test
    void aNegativeCensusCountIsRefused() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.ETHNICITY, t -> t.replace("E01000002,White,1002", "E01000002,White,-7"));
        InputException e = rejected(r);
        assertEquals(TinyRegion.ETHNICITY, e.file());
        assertEquals("row 4", e.location());
        assertEquals("n", e.field());
        assertContains(e.getMessage(), "expected a count of people or households in one LSOA: 0 to 50,000", "found -7");
    }

    /** The region with an IMD-like table of 2021 LSOAs: rank and decile. */
    private static TinyRegion withDeprivation(String... rows) {
        TinyRegion r = TinyRegion.standard();
        List<String> lines = new ArrayList<>(List.of("lsoa21_code,IMD Rank,IMD Decile"));
        lines.addAll(List.of(rows));
        r.put("census/imd.csv", TinyRegion.lines(lines.toArray(new String[0])));
        ObjectNode t = ((com.fasterxml.jackson.databind.node.ArrayNode) r.manifest().get("inputs").get("tables")).addObject();
        t.put("id", "imd").put("path", "census/imd.csv").put("format", "csv").put("layout", "wide");
        t.putObject("columns").put("code", "lsoa21_code").putArray("fields").add("IMD Rank").add("IMD Decile");
        return r;
    }

    @Test
    void deprivationDecilesAndRanksMustBeInRange() {
        assertEquals(2, accepted(withDeprivation("E01000001,120,1", "E01000002,33755,10")).values().stream()
                .filter(v -> v.dataset().equals("imd") && v.lsoaCode().equals("E01000002")).count(), "the bounds themselves pass");
        InputException decile = rejected(withDeprivation("E01000001,120,1", "E01000002,500,42"));
        assertEquals("census/imd.csv, row 3, field 'IMD Decile': expected a decile: a whole number from 1 to 10, found 42",
                decile.getMessage());
        InputException rank = rejected(withDeprivation("E01000001,-1,1"));
        assertEquals("census/imd.csv, row 2, field 'IMD Rank': expected a rank among England's LSOAs (2021): a whole number"
                + " from 1 to 33,755, found -1", rank.getMessage());
        assertContains(rejected(withDeprivation("E01000001,40000,1")).getMessage(), "from 1 to 33,755, found 40,000");
        assertContains(rejected(withDeprivation("E01000001,12,ten")).getMessage(), "row 2, field 'IMD Decile': expected a decile:"
                + " a whole number from 1 to 10, found \"ten\"");
    }

    @Test
    void fieldsThatIndicatorsCountCannotBeNegative() {
        TinyRegion r = TinyRegion.standard();
        r.manifest().putArray("indicators").addObject().put("id", "density_total").put("kind", "count")
                .put("dataset", "rural_urban").putArray("fields").add("density");
        r.edit(TinyRegion.RURAL_URBAN, t -> t.replace("E01000003,RSN1,3000.5", "E01000003,RSN1,-5"));
        InputException e = rejected(r);
        assertEquals(TinyRegion.RURAL_URBAN + ", row 4, field 'density': expected a count of people or households in one LSOA:"
                + " 0 to 50,000 (" + "the most populous LSOA in England, Oxford 008A, has 9,899 usual residents (Census 2021)"
                + " and real registration files have fewer than 5,000 patients for any one LSOA), found -5", e.getMessage());
    }

    // ------------------------------------------------------------------ LSOA vintages

    /** VintageConversionTest's 2011-coded registrations, with no vintage declared at all. */
    private static TinyRegion undeclared2011() {
        TinyRegion r = VintageConversionTest.region2011();
        r.input("registrations").remove("lsoa_vintage");
        r.input("registrations").remove("vintage");
        return r;
    }

    @Test
    void undeclared2011CodesAreRecognisedAndConvertedWithAWarning() {
        ImportedData d = accepted(undeclared2011());
        Map<String, Long> perLsoa = new TreeMap<>();
        d.registrations().forEach(x -> perLsoa.merge(x.lsoaCode(), x.patients(), Long::sum));
        assertEquals(Map.of("E01000001", 80L, "E01000002", 27L, "E01000003", 40L, "E01000004", 50L), perLsoa,
                "the same conversion as when the vintage is declared");
        assertTrue(d.report().warnings().contains(TinyRegion.REGISTRATIONS + ": 6 rows carry LSOA 2011 codes that 2021 replaced"
                + " (the first at row 2: E01100002) and none a code of 2021 only, so its codes were read as LSOA 2011 codes and"
                + " converted to 2021 through the ONS lookup (inputs.lsoa_lookup: splits shared by population, merges summed);"
                + " declare `lsoa_vintage: 2011` on inputs.registrations to say so"), d.report().warnings().toString());
    }

    @Test
    void codesOf2011InAFileSaidToBe2021AreRefused() {
        TinyRegion r = undeclared2011();
        r.input("registrations").put("vintage", "2021");
        InputException e = rejected(r);
        assertEquals(TinyRegion.REGISTRATIONS, e.file());
        assertEquals(TinyRegion.REGISTRATIONS + ": the manifest gives LSOA vintage 2021 for inputs.registrations, but 6 rows carry"
                + " LSOA 2011 codes that 2021 replaced (the first at row 2: E01100002) and none a code only 2021 has: declare"
                + " `lsoa_vintage: 2011` there", e.getMessage());
    }

    /** A lookup in which E01000001 and E01000002 are 2021 LSOAs split from the 2011 LSOA E01100001. */
    private static TinyRegion withSplitLookup() {
        return TinyRegion.standard().put(TinyRegion.LOOKUP, TinyRegion.lines(
                "lsoa11_code,lsoa21_code,change_code,ltla22_code",
                "E01100001,E01000001,S,E07000008",
                "E01100001,E01000002,S,E07000008",
                "E01000003,E01000003,U,E07000012"));
    }

    @Test
    void aDeclaredVintageTheCodesContradictIsRefused() {
        TinyRegion r = withSplitLookup();
        r.input("registrations").put("lsoa_vintage", "2011");
        InputException e = rejected(r);
        assertEquals(TinyRegion.REGISTRATIONS + ": the manifest gives LSOA vintage 2011 for inputs.registrations, but 4 rows carry"
                + " LSOA 2021 codes that are new in 2021 (the first at row 2: E01000001) and none a code only 2011 has: declare"
                + " `lsoa_vintage: 2021` there (or leave lsoa_vintage out)", e.getMessage());
    }

    @Test
    void aFileMixingBothVintagesIsRefused() {
        TinyRegion r = withSplitLookup().replaceLine(TinyRegion.REGISTRATIONS, 6, "2025-10-01,D81002,E01100001,MALE,120");
        InputException e = rejected(r);
        assertContains(e.getMessage(), TinyRegion.REGISTRATIONS + ": mixes LSOA vintages: 1 row carries LSOA 2011 codes that"
                + " 2021 replaced (the first at row 6: E01100001), and 4 rows carry LSOA 2021 codes that are new in 2021 (the first"
                + " at row 2: E01000001)");
    }

    @Test
    void a2021BoundaryCarryingA2011OnlyCodeIsRefused() {
        TinyRegion r = TinyRegion.standard().put(TinyRegion.LOOKUP, TinyRegion.lines(
                "lsoa11_code,lsoa21_code,change_code,ltla22_code",
                "E01000001,E01000001,U,E07000008",
                "E01000002,E01000002,U,E07000008",
                "E01000003,E01000003,U,E07000012",
                "E01000004,E01000014,S,E07000012",
                "E01000004,E01000015,S,E07000012"));
        InputException e = rejected(r);
        assertEquals(TinyRegion.LSOA, e.file());
        assertEquals("feature 4", e.location());
        assertEquals("code", e.field());
        assertContains(e.getMessage(), "E01000004 is an LSOA 2011 code that the 2021 LSOAs do not have",
                "the region's boundaries are LSOA 2021 (region.lsoa_vintage): expected the LSOA 2021 boundaries");
    }

    @Test
    void populationsOnCodesOfTheOtherVintageAreRefused() {
        TinyRegion r = withSplitLookup().replaceLine(TinyRegion.POPULATION, 2, "E01100001,1500")
                .replaceLine(TinyRegion.POPULATION, 3, "E01100001x,1600");
        InputException e = rejected(r);
        assertContains(e.getMessage(), TinyRegion.POPULATION + ": uses LSOA 2011 codes (1 row carries LSOA 2011 codes that 2021"
                + " replaced (the first at row 2: E01100001)), but the residents must be counted per LSOA of the boundaries'"
                + " vintage, 2021");
    }

    @Test
    void aTableOf2011CodesIsRecognisedOrRefusedWhenDeclaredOtherwise() {
        TinyRegion undeclared = withSplitLookup();
        undeclared.edit(TinyRegion.ETHNICITY, t -> t.replace("E01000001,", "E01100001,").replace("E01000002,", "E01100009,"));
        ImportedData d = accepted(undeclared);
        assertEquals("2011", d.datasetVintages().get("ethnicity"));
        assertTrue(d.report().warnings().stream().anyMatch(w -> w.startsWith(TinyRegion.ETHNICITY + ": 2 rows carry LSOA 2011"
                + " codes")), d.report().warnings().toString());
        ObjectNode eth = (ObjectNode) undeclared.manifest().get("inputs").get("tables").get(0);
        eth.put("lsoa_vintage", "2021");
        InputException e = rejected(undeclared);
        assertContains(e.getMessage(), TinyRegion.ETHNICITY + ": the manifest gives LSOA vintage 2021 for inputs.tables (id"
                + " ethnicity), but 2 rows carry LSOA 2011 codes", "declare `lsoa_vintage: 2011` there");
    }

    // ------------------------------------------------------------------ the manifest

    @Test
    void aPathOutOfTheDataFolderIsRefusedWithoutReadingIt() {
        for (String p : new String[]{"../../../../../../../etc/passwd", "/etc/passwd", "nhs/../../outside.csv"}) {
            TinyRegion r = TinyRegion.standard();
            r.input("registrations").put("path", p);
            InputException e = rejected(r);
            assertEquals(manifestFile(dir), e.file());
            assertEquals("inputs.registrations.path", e.field());
            assertContains(e.getMessage(), "points outside the data folder (--data DIR): expected a path inside it");
            assertFalse(e.getMessage().contains("root:"), "never the content of a file outside");
        }
    }

    @Test
    void twoTablesWithOneIdAreRefusedBeforeTheStore() {
        TinyRegion r = TinyRegion.standard();
        ((ObjectNode) r.manifest().get("inputs").get("tables").get(1)).put("id", "ethnicity");
        InputException e = rejected(r);
        assertEquals(manifestFile(dir) + ", field 'inputs.tables[1].id': table id 'ethnicity' is used twice (also"
                + " inputs.tables[0]): each table needs its own id", e.getMessage());
    }

    @Test
    void aNegativeNumberOfAreasIsRefused() {
        TinyRegion r = TinyRegion.standard();
        ((ObjectNode) r.manifest().get("region")).put("areas", -3);
        assertEquals(manifestFile(dir) + ": region.areas must be at least 1, got -3", rejected(r).getMessage());
    }

    @Test
    void valuesOfTheWrongTypeAreNamedInTheManifestsWords() {
        TinyRegion r = TinyRegion.standard();
        ((ObjectNode) r.manifest().get("region")).put("areas", "many");
        InputException e = rejected(r);
        // region.areas is a number or {"parished": N, "unparished": M}: AreasSpec names both forms
        assertContains(e.getMessage(), "region.areas must be a number of areas or {\"parished\": N, \"unparished\": M or"
                + " \"auto\"}, got \"many\"");
        assertNoInternals(e.getMessage());

        TinyRegion list = TinyRegion.standard();
        ((ObjectNode) list.manifest().get("region")).put("districts", "E07000008");
        InputException l = rejected(list);
        assertContains(l.getMessage(), "at region.districts", "expected a list [ … ]");
        assertNoInternals(l.getMessage());

        TinyRegion nulls = TinyRegion.standard();
        ((ObjectNode) nulls.manifest().get("region")).putArray("districts").addNull();
        InputException n = rejected(nulls);
        assertContains(n.getMessage(), "region.districts[0]");
        assertNoInternals(n.getMessage());
    }

    @Test
    void semanticChecksNameTheKey() {
        TinyRegion dup = TinyRegion.standard();
        ((com.fasterxml.jackson.databind.node.ArrayNode) dup.manifest().get("region").get("districts")).addObject()
                .put("code", "E07000008").put("name", "Cambridge again");
        assertContains(rejected(dup).getMessage(), "field 'region.districts[2].code': district E07000008 is listed twice");

        TinyRegion vintage = TinyRegion.standard();
        vintage.input("registrations").put("lsoa_vintage", "2016");
        assertContains(rejected(vintage).getMessage(), "field 'inputs.registrations.lsoa_vintage': expected \"2011\" or \"2021\"");

        TinyRegion format = TinyRegion.standard();
        format.input("registrations").put("format", "xlsx");
        assertContains(rejected(format).getMessage(), "field 'inputs.registrations.format': expected csv, found \"xlsx\"");

        TinyRegion id = TinyRegion.standard();
        ((ObjectNode) id.manifest().get("region")).put("id", "tiny region; drop");
        assertContains(rejected(id).getMessage(), "field 'region.id': expected an id of 1 to 90 letters");

        TinyRegion fields = TinyRegion.standard();
        fields.manifest().putArray("indicators").addObject().put("id", "x").put("kind", "count").put("dataset", "ethnicity")
                .putArray("fields").addNull();
        assertContains(rejected(fields).getMessage(), "field 'indicators[0].fields': expected a list of field names, found null");

        TinyRegion layout = TinyRegion.standard();
        ((ObjectNode) layout.manifest().get("inputs").get("tables").get(0)).put("layout", "tall");
        assertContains(rejected(layout).getMessage(), "field 'inputs.tables[0].layout': expected long, wide or events");
    }

    // ------------------------------------------------------------------ codes and names a store or a spreadsheet would choke on

    @Test
    void codesAndNamesFollowTheTextRule() {
        TinyRegion formula = TinyRegion.standard();
        formula.edit(TinyRegion.LSOA, t -> t.replace("\"E01000002\"", "\"=1+1\""));
        InputException e = rejected(formula);
        assertEquals("feature 2", e.location());
        assertEquals("LSOA21CD", e.field());
        assertContains(e.getMessage(), "the area code \"=1+1\": expected a code of letters, digits");

        TinyRegion escape = TinyRegion.standard();
        escape.edit(TinyRegion.PARISH, t -> t.replace("Grantchester", "Grant\\u001b[31mchester"));
        InputException esc = rejected(escape);
        assertEquals("PARNCP21NM", esc.field());
        assertContains(esc.getMessage(), "the name of area E04000001: has a control character (U+001B)");

        TinyRegion district = TinyRegion.standard();
        district.edit(TinyRegion.PARISH, t -> t.replace("\"Coton\", \"LAD21CD\": \"E07000012\"",
                "\"Coton\", \"LAD21CD\": \"South Cambridgeshire District\""));
        InputException d = rejected(district);
        assertEquals("LAD21CD", d.field());
        assertContains(d.getMessage(), "the district code \"South Cambridgeshire District\": expected at most 20 characters");

        InputException longCode = rejected(TinyRegion.standard()
                .replaceLine(TinyRegion.REGISTRATIONS, 4, "2025-10-01,D81001D81001D81001D81001D81001,E01000002,MALE,50"));
        assertEquals("row 4", longCode.location());
        assertContains(longCode.getMessage(), "the practice code \"D81001D81001D81001D81001D81001\": expected at most 20 characters");

        InputException bell = rejected(TinyRegion.standard()
                .replaceLine(TinyRegion.PRACTICE_MAP, 3, "D81002,Beta Practice,CB2 2BB,U00001,North\u0007PCN,06H"));
        assertEquals("PCN_NAME", bell.field());
        assertContains(bell.getMessage(), "the name \"North\\u0007PCN\": has a control character (U+0007)");
    }

    // ------------------------------------------------------------------ damaged binary files: no driver internals

    @Test
    void truncatedShapefileFlatGeobufAndGeoPackageSayNothingInternal() throws Exception {
        for (String[] kind : new String[][]{{"shapefile", "boundaries/lsoa21.shp"}, {"flatgeobuf", "boundaries/lsoa21.fgb"},
                {"geopackage", "boundaries/lsoa21.gpkg"}}) {
            TinyRegion r = TinyRegion.standard().remove(TinyRegion.LSOA);
            r.input("lsoa_boundaries").put("path", kind[1]).put("format", kind[0]);
            TinyRegion.Written w = r.writeTo(dir.resolve(kind[0]));
            Path f = w.dataDir().resolve(kind[1]);
            switch (kind[0]) {
                case "shapefile" -> LayerFiles.writeShapefile(f, LayerFiles.LSOAS, 27700);
                case "flatgeobuf" -> LayerFiles.writeFlatGeobuf(f, LayerFiles.LSOAS, 27700);
                default -> LayerFiles.writeGeoPackage(f, "lsoa21", LayerFiles.LSOAS);
            }
            byte[] all = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(all, all.length / 3));
            InputException e = rejected(w);
            assertEquals(kind[1], e.file(), kind[0]);
            assertContains(e.getMessage(), "is it truncated");
            assertNoInternals(e.getMessage());
        }
    }
}
