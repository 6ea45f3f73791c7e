package org.sdaplanner.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.TinyRegion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new import writes the registrations into an empty slot and makes it current; the slot left
 * behind is emptied after the commit, a stale or abandoned one by the next writer, and nothing is
 * lost when the import fails or no slot is free (migration V13, {@link TableGenerations}).
 */
class TableGenerationsTest {
    @TempDir
    static Path dir;
    static ImportedData good;
    static ImportedData smaller;

    @BeforeAll
    static void readTheTinyRegion() {
        good = TinyRegion.standard().writeTo(dir.resolve("region")).read();
        smaller = ImportWriterTest.with(good, "Smaller", good.lsoas(), good.registrations().subList(0, 3));
    }

    /**
     * Puts a store of schema 13 back as schema 12 had it: registration and lsoa_value plain tables
     * holding what their views showed. For tests of stores made before V13.
     */
    static void undoSlots(Statement s) throws SQLException {
        for (String t : TableGenerations.TABLES) {
            s.execute("CREATE TABLE " + t + "_v12 AS SELECT * FROM " + t);
            s.execute("DROP VIEW " + t);
            for (int slot = 1; slot <= 3; slot++) {
                s.execute("DROP TABLE " + new TableGenerations.Slot(t, slot).physical());
            }
            s.execute("ALTER TABLE " + t + "_v12 RENAME TO " + t);
        }
        s.execute("DROP TABLE table_generation");
    }

    abstract static class Contract {
        SpatialStore store;

        abstract SpatialStore openStore() throws Exception;

        @BeforeEach
        void open() throws Exception {
            store = openStore();
        }

        void write(ImportedData d) {
            new ImportWriter(store, Progress.SILENT).write(d);
        }

        long count(String sql) throws SQLException {
            try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        void run(String sql) throws SQLException {
            try (Connection c = store.connect(); Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }

        /** Slot → state for one table. */
        Map<Integer, String> states(String table) throws SQLException {
            Map<Integer, String> m = new TreeMap<>();
            try (Connection c = store.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT slot, state FROM table_generation WHERE table_name = '" + table + "'")) {
                while (rs.next()) {
                    m.put(rs.getInt(1), rs.getString(2));
                }
            }
            return m;
        }

        int current(String table) throws SQLException {
            return states(table).entrySet().stream().filter(e -> e.getValue().equals("current")).findFirst().orElseThrow().getKey();
        }

        /** Rows in every slot of the registrations, current or not. */
        long rowsInAllSlots() throws SQLException {
            long n = 0;
            for (int slot = 1; slot <= 3; slot++) {
                n += count("SELECT COUNT(*) FROM registration_" + slot);
            }
            return n;
        }

        /** The two slots that are not current, in order. */
        int[] idle() throws SQLException {
            int cur = current("registration");
            return java.util.stream.IntStream.rangeClosed(1, 3).filter(s -> s != cur).toArray();
        }

        @Test
        void aSecondImportShowsOnlyItsRowsAndTheSlotItLeftIsEmptied() throws SQLException {
            write(good);
            int first = current("registration");
            write(smaller);
            assertEquals(3, count("SELECT COUNT(*) FROM registration"));
            assertTrue(first != current("registration"), "a fresh slot: " + states("registration"));
            assertEquals(3, rowsInAllSlots(), "the slot left behind was emptied after the commit");
            for (String t : TableGenerations.TABLES) {
                Map<Integer, String> st = states(t);
                assertEquals(1, st.values().stream().filter("current"::equals).count(), t + " " + st);
                assertEquals(2, st.values().stream().filter("empty"::equals).count(), t + " " + st);
            }
            write(good);
            assertEquals(good.registrations().size(), count("SELECT COUNT(*) FROM registration"));
            assertEquals(good.registrations().size(), rowsInAllSlots());
        }

        @Test
        void aFailedImportKeepsThePreviousSlotCurrentAndItsRows() throws SQLException {
            write(good);
            StoreSnapshot before = StoreSnapshot.of(store);
            Map<Integer, String> states = states("registration");
            ImportedData bad = ImportWriterTest.with(good, "Broken", good.lsoas(),
                    ImportWriterTest.withOneTooLongForTheStore(good.registrations()));
            assertThrows(StoreException.class, () -> write(bad));
            assertEquals(before, StoreSnapshot.of(store));
            assertEquals(states, states("registration"));
            assertEquals(good.registrations().size(), rowsInAllSlots(), "the failed rows were rolled back");
        }

        @Test
        void aStaleSlotLeftByAnInterruptedTidyIsEmptiedByTheNextImport() throws SQLException {
            write(good);
            int[] idle = idle();
            // as if the process had stopped after a commit and before emptying: old rows in a stale slot,
            // and the other idle slot being emptied by someone right now
            run("INSERT INTO registration_" + idle[0] + " (practice_code, lsoa_code, patients) VALUES ('X1', 'E01999999', 5)");
            run("UPDATE table_generation SET state = 'stale' WHERE table_name = 'registration' AND slot = " + idle[0]);
            run("UPDATE table_generation SET state = 'emptying', changed_at = '" + Jdbc.now()
                    + "' WHERE table_name = 'registration' AND slot = " + idle[1]);
            write(smaller);
            assertEquals(idle[0], current("registration"), "the stale slot was the only one it could take");
            assertEquals(3, count("SELECT COUNT(*) FROM registration"));
            assertEquals(0, count("SELECT COUNT(*) FROM registration WHERE practice_code = 'X1'"));
            assertEquals("emptying", states("registration").get(idle[1]), "a slot being emptied is left alone");
            assertEquals(3, rowsInAllSlots());
        }

        @Test
        void aSlotAbandonedWhileBeingEmptiedIsTakenBack() throws SQLException {
            write(good);
            int[] idle = idle();
            String anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS).toString();
            run("INSERT INTO registration_" + idle[0] + " (practice_code, lsoa_code, patients) VALUES ('X1', 'E01999999', 5)");
            run("UPDATE table_generation SET state = 'emptying', changed_at = '" + anHourAgo
                    + "' WHERE table_name = 'registration' AND slot = " + idle[0]);
            run("UPDATE table_generation SET state = 'emptying', changed_at = '" + Jdbc.now()
                    + "' WHERE table_name = 'registration' AND slot = " + idle[1]);
            write(smaller);
            assertEquals(idle[0], current("registration"));
            assertEquals(3, count("SELECT COUNT(*) FROM registration"));
            assertEquals(3, rowsInAllSlots() - count("SELECT COUNT(*) FROM registration_" + idle[1]));
        }

        @Test
        void noFreeSlotRefusesTheImportAndChangesNothing() throws SQLException {
            write(good);
            StoreSnapshot before = StoreSnapshot.of(store);
            for (int slot : idle()) {
                run("UPDATE table_generation SET state = 'emptying', changed_at = '" + Jdbc.now()
                        + "' WHERE table_name = 'registration' AND slot = " + slot);
            }
            StoreConflictException e = assertThrows(StoreConflictException.class, () -> write(smaller));
            assertTrue(e.getMessage().contains("still emptying the registration rows"), e.getMessage());
            assertEquals(before, StoreSnapshot.of(store));
        }

        @Test
        void aStoreOfSchema12IsUpgradedWithItsRows() throws SQLException {
            write(good);
            StoreSnapshot before = StoreSnapshot.of(store);
            try (Connection c = store.connect(); Statement s = c.createStatement()) {
                undoSlots(s);
                s.execute("DELETE FROM schema_version WHERE version >= 13");
            }
            SpatialStore reopened = SpatialStore.open(store.url());
            assertEquals(before, StoreSnapshot.of(reopened));
            store = reopened;
            assertEquals("current", states("registration").get(1), "the old table became slot 1");
            write(smaller);
            assertEquals(3, count("SELECT COUNT(*) FROM registration"));
            assertEquals(3, rowsInAllSlots());
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        SpatialStore openStore() {
            return SpatialStore.open("jdbc:h2:file:" + dir.resolve("h2-" + System.nanoTime() + "/sda"));
        }
    }

    @Nested
    class OnPostgis extends Contract {
        SchemaStore schema;

        @Override
        SpatialStore openStore() throws Exception {
            schema = SchemaStore.create("sda_slots_test_");
            return schema.store;
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
