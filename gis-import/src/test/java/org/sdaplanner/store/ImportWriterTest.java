package org.sdaplanner.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.TinyRegion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer replaces an import in one transaction: all of it, or nothing. */
class ImportWriterTest {
    @TempDir
    static Path dir;
    static ImportedData good;
    static SpatialStore store;
    /** Keeps the H2 file database open between tests (it would otherwise close and reopen on every connect). */
    static Connection keepOpen;

    @BeforeAll
    static void openStoreAndReadTheTinyRegion() throws SQLException {
        good = TinyRegion.standard().writeTo(dir.resolve("region")).read();
        store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("store/sda"));
        keepOpen = store.connect();
    }

    /** Every test starts from an empty store (a freshly migrated one holds no data either). */
    @BeforeEach
    void emptyTheStore() throws SQLException {
        try (Statement s = keepOpen.createStatement()) {
            for (String t : ImportWriter.TABLES) {
                if (TableGenerations.holds(t)) { // a view: its slots are the tables
                    for (int slot = 1; slot <= 3; slot++) {
                        s.executeUpdate("DELETE FROM " + new TableGenerations.Slot(t, slot).physical());
                    }
                } else {
                    s.executeUpdate("DELETE FROM " + t);
                }
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        keepOpen.close();
    }

    void write(ImportedData d) {
        new ImportWriter(store, Progress.SILENT).write(d);
    }

    /**
     * {@code regs} and one more registration whose LSOA code is longer than its column: both stores refuse
     * it while writing, after the tables written before the registrations (duplicate rows are the loader's
     * to refuse, not the store's).
     */
    static List<Registration> withOneTooLongForTheStore(List<Registration> regs) {
        List<Registration> out = new ArrayList<>(regs);
        out.add(new Registration(regs.get(0).practiceCode(), "E01" + "0".repeat(30), 1));
        return out;
    }

    /** A copy of {@code d} with other LSOAs and registrations, and another region name. */
    static ImportedData with(ImportedData d, String regionName, List<Lsoa> lsoas, List<Registration> registrations) {
        return new ImportedData(d.regionId(), regionName, d.defaultAreas(), d.districts(), lsoas, d.parishes(), d.pcns(),
                d.practices(), registrations, d.unmatched(), d.residents(), d.lookup(), d.catchments(), d.postcodes(),
                d.values(), d.sources(), d.report(), d.bridges(), d.indicators(), d.datasetVintages());
    }

    static String regionName(SpatialStore s) throws SQLException {
        try (Connection c = s.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT region_name FROM import_run")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void duplicateLsoaFailsAndLeavesThePreviousImportIntact() throws SQLException {
        write(good);
        StoreSnapshot before = StoreSnapshot.of(store);
        List<Lsoa> lsoas = new ArrayList<>(good.lsoas());
        lsoas.add(new Lsoa(lsoas.get(0).code(), "a second E01000001", "E07000008", lsoas.get(1).geometry()));
        ImportedData bad = with(good, "Broken region", lsoas, good.registrations());

        StoreException e = assertThrows(StoreException.class, () -> write(bad));
        assertTrue(e.getMessage().startsWith("the import could not be written to the store (H2GIS); the previous import is"
                + " unchanged: "), e.getMessage());
        assertTrue(e.getMessage().contains("E01000001"), e.getMessage());
        assertEquals(before, StoreSnapshot.of(store));
        assertEquals("Tiny Cambridge", regionName(store));
    }

    @Test
    void failureAfterMostTablesWereWrittenLeavesThePreviousImportIntact() {
        write(good);
        StoreSnapshot before = StoreSnapshot.of(store);
        // Registrations come after districts, LSOAs, parishes, PCNs and practices: fail there.
        ImportedData bad = with(good, "Broken region", good.lsoas().subList(0, 2),
                withOneTooLongForTheStore(good.registrations()));
        assertThrows(StoreException.class, () -> write(bad));
        assertEquals(before, StoreSnapshot.of(store));
    }

    @Test
    void runtimeFailurePartWayIsRolledBackToo() {
        write(good);
        StoreSnapshot before = StoreSnapshot.of(store);
        List<Registration> regs = new ArrayList<>(good.registrations());
        regs.add(null);   // the binder throws a NullPointerException after several tables were written
        ImportedData bad = with(good, "Broken region", good.lsoas(), regs);
        assertThrows(NullPointerException.class, () -> write(bad));
        assertEquals(before, StoreSnapshot.of(store));
    }

    @Test
    void failedFirstImportLeavesAnEmptyStore() {
        StoreSnapshot empty = StoreSnapshot.of(store);
        assertTrue(StoreContents.counts(store).values().stream().allMatch(n -> n == 0));
        List<Lsoa> lsoas = new ArrayList<>(good.lsoas());
        lsoas.add(lsoas.get(3));
        assertThrows(StoreException.class, () -> write(with(good, good.regionName(), lsoas, good.registrations())));
        assertEquals(empty, StoreSnapshot.of(store));
    }

    @Test
    void reimportingTheSameDataGivesIdenticalContents() {
        write(good);
        StoreSnapshot first = StoreSnapshot.of(store);
        write(good);
        assertEquals(first, StoreSnapshot.of(store));
        // Reading the files again gives the same store too (reading is deterministic).
        ImportedData again = TinyRegion.standard().writeTo(dir.resolve("region-again")).read();
        write(again);
        assertEquals(first, StoreSnapshot.of(store));
        Map<String, Long> counts = StoreContents.counts(store);
        assertEquals(4L, counts.get("lsoa"));
        assertEquals(7L, counts.get("registration"));
        assertEquals(1L, counts.get("import_run"));
    }

    @Test
    void aDifferentImportReplacesThePreviousOneCompletely() {
        write(good);
        StoreSnapshot first = StoreSnapshot.of(store);
        ImportedData smaller = with(good, "Smaller", good.lsoas().subList(0, 2), good.registrations().subList(0, 3));
        write(smaller);
        Map<String, Long> second = StoreContents.counts(store);
        assertNotEquals(first, StoreSnapshot.of(store));
        assertEquals(2L, second.get("lsoa"));
        assertEquals(3L, second.get("registration"));
        assertEquals(1L, second.get("import_run"));
        assertEquals(good.parishes().size(), second.get("parish"));
        write(good);
        assertEquals(first, StoreSnapshot.of(store));
    }

    @Test
    void snapshotCoversEveryImportedTable() {
        write(good);
        assertEquals(ImportWriter.TABLES, List.copyOf(StoreSnapshot.of(store).tables().keySet()));
        Map<String, Long> counts = StoreContents.counts(store);
        for (String t : List.of("lsoa_value", "postcode", "pcn_catchment", "lsoa_lookup", "lsoa_population",
                "unmatched_registration", "registration", "practice", "pcn", "parish", "lsoa", "district", "source_file",
                "import_run")) {
            assertTrue(counts.get(t) > 0, t + " " + counts);
        }
    }
}
