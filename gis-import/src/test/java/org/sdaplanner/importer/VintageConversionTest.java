package org.sdaplanner.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.load.LoadedRecords.UnmatchedRegistration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registrations keyed by LSOA 2011 codes are converted to the region's 2021 LSOAs through the
 * ONS lookup: U moves, S shares by population (largest remainder), M sums; no patient is lost.
 */
class VintageConversionTest {
    @TempDir
    Path dir;

    /** 2011 → 2021: U E01100003→E01000003; S E01100002→E01000001 (pop 300) + E01000002 (pop 100);
     *  M E01100004 + E01100005 → E01000004; U E01100006 → E01000005 (Fenland, outside the region). */
    static TinyRegion region2011() {
        TinyRegion r = TinyRegion.standard();
        r.input("registrations").put("lsoa_vintage", "2011");
        r.put(TinyRegion.LOOKUP, TinyRegion.lines(
                "lsoa11_code,lsoa21_code,change_code,ltla22_code",
                "E01100002,E01000001,S,E07000008",
                "E01100002,E01000002,S,E07000008",
                "E01100003,E01000003,U,E07000012",
                "E01100004,E01000004,M,E07000012",
                "E01100005,E01000004,M,E07000012",
                "E01100006,E01000005,U,E07000010"));
        r.put(TinyRegion.POPULATION, TinyRegion.lines(
                "LSOA21CD,Population",
                "E01000001,300",
                "E01000002,100",
                "E01000003,500",
                "E01000004,600",
                "E01000005,700"));
        r.put(TinyRegion.REGISTRATIONS, TinyRegion.lines(
                "EXTRACT_DATE,PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS",
                "2023-10-01,D81001,E01100002,MALE,100",    // row 2: S → 75 + 25
                "2023-10-01,D81002,E01100002,FEMALE,7",    // row 3: S → 5.25/1.75 → 5 + 2 (largest remainder)
                "2023-10-01,D81002,E01100003,MALE,40",     // row 4: U
                "2023-10-01,D81003,E01100004,FEMALE,30",   // row 5: M
                "2023-10-01,D81003,E01100005,FEMALE,20",   // row 6: M, summed with row 5
                "2023-10-01,D81001,CLOSED,MALE,5",         // row 7: not an LSOA
                "2023-10-01,D81002,E01100006,MALE,9",      // row 8: converted, but its 2021 LSOA is outside
                "2023-10-01,D81003,W01000123,MALE,4"));    // row 9: Wales
        return r;
    }

    @Test
    void convertsUnchangedSplitAndMergedCodes() {
        ImportedData d = region2011().writeTo(dir).read();

        assertEquals(List.of(
                new Registration("D81001", "E01000001", 75),
                new Registration("D81001", "E01000002", 25),
                new Registration("D81002", "E01000001", 5),
                new Registration("D81002", "E01000002", 2),
                new Registration("D81002", "E01000003", 40),
                new Registration("D81003", "E01000004", 50)), d.registrations());
        Map<String, Long> perLsoa = new TreeMap<>();
        d.registrations().forEach(x -> perLsoa.merge(x.lsoaCode(), x.patients(), Long::sum));
        assertEquals(Map.of("E01000001", 80L, "E01000002", 27L, "E01000003", 40L, "E01000004", 50L), perLsoa);

        assertEquals(List.of(
                new UnmatchedRegistration(7, "D81001", "CLOSED", 5, RegionImporterTest.NOT_AN_LSOA),
                new UnmatchedRegistration(8, "D81002", "E01100006", 9, RegionImporterTest.OUTSIDE_REGION),
                new UnmatchedRegistration(9, "D81003", "W01000123", 4, RegionImporterTest.OUTSIDE_ENGLAND)), d.unmatched());

        ImportReport r = d.report();
        assertEquals(8L, r.layers().get("registration_rows"));
        assertEquals(215, r.registeredPatients());
        assertEquals(197, r.analysedPatients());
        assertEquals(18, r.unmatchedRegistrations().patients());
        assertEquals(r.registeredPatients(), r.analysedPatients() + r.unmatchedRegistrations().patients(),
                "conversion neither loses nor invents patients");
        assertEquals(d.registrations().stream().mapToLong(Registration::patients).sum(), r.analysedPatients());
        assertTrue(r.warnings().contains(TinyRegion.REGISTRATIONS + ": LSOA 2011 codes converted to 2021 through the ONS"
                + " lookup (splits shared by population, merges summed)"), r.warnings().toString());
        // The lookup also gave E01000004 its district.
        assertEquals("E07000012", d.lsoas().stream().filter(l -> l.code().equals("E01000004")).findFirst().orElseThrow()
                .districtCode());
    }

    @Test
    void splitWithoutPopulationsIsSharedEqually() {
        TinyRegion r = region2011().withoutInput("lsoa_population");
        ImportedData d = r.writeTo(dir).read();
        assertEquals(List.of(
                new Registration("D81001", "E01000001", 50),
                new Registration("D81001", "E01000002", 50),
                new Registration("D81002", "E01000001", 4),    // 3.5 / 3.5: the left-over patient goes to the lower code
                new Registration("D81002", "E01000002", 3),
                new Registration("D81002", "E01000003", 40),
                new Registration("D81003", "E01000004", 50)), d.registrations());
        assertEquals(197, d.report().analysedPatients());
        assertEquals(215, d.report().registeredPatients());
    }

    @Test
    void codesOf2011WithoutLookupAreRefused() {
        TinyRegion r = region2011().withoutInput("lsoa_lookup");
        InputException e = assertThrows(InputException.class, () -> r.writeTo(dir).read());
        assertEquals(TinyRegion.REGISTRATIONS + ": uses LSOA 2011 codes but the region's boundaries are 2021: add"
                + " inputs.lsoa_lookup (ONS LSOA 2011 to 2021 lookup) to convert them", e.getMessage());
    }

    @Test
    void unknownChangeCodeInLookup() {
        TinyRegion r = region2011().appendLine(TinyRegion.LOOKUP, "E01100007,E01000003,Q,E07000012");
        InputException e = assertThrows(InputException.class, () -> r.writeTo(dir).read());
        assertEquals(TinyRegion.LOOKUP + ", row 8, field 'change_code': expected a change code U, S, M or X, found \"Q\"",
                e.getMessage());
    }
}
