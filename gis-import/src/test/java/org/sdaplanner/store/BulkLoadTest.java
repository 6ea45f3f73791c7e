package org.sdaplanner.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.TinyRegion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.store.BulkTable.bigint;
import static org.sdaplanner.store.BulkTable.bool;
import static org.sdaplanner.store.BulkTable.geometry;
import static org.sdaplanner.store.BulkTable.real;
import static org.sdaplanner.store.BulkTable.text;

/** Each store's bulk load (COPY on PostGIS, batches on H2) writes exactly what it is given, and only on commit. */
class BulkLoadTest {
    @TempDir
    static Path dir;

    abstract static class Contract {
        SpatialStore store;

        abstract SpatialStore openStore() throws Exception;

        @BeforeEach
        void open() throws Exception {
            store = openStore();
        }

        @Test
        void awkwardTextNullsNumbersAndGeometriesReadBackEqual() throws Exception {
            GeometryFactory f = new GeometryFactory();
            Geometry point = f.createPoint(new Coordinate(512345.25, 265432.125));
            List<Object[]> rows = List.of(
                    new Object[] {"tab\there, newline\nthere, cr\r, backslash \\ and \\N, 'quotes' \"too\", é", 1L, 0.1, true, point},
                    new Object[] {null, null, null, null, null},
                    new Object[] {"", Long.MAX_VALUE, -1.0e-300, false, f.createPoint(new Coordinate(0, 0))},
                    new Object[] {"\\.", -7L, 1.0 / 3, true, point});
            try (Connection c = store.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bulk_probe (t VARCHAR(200), n BIGINT, d DOUBLE PRECISION, b BOOLEAN,"
                        + " g GEOMETRY(POINT, 27700))");
                c.setAutoCommit(false);
                store.dialect().bulkLoad().load(c, new BulkTable("bulk_probe",
                        List.of(text("t"), bigint("n"), real("d"), bool("b"), geometry("g")), rows));
                c.commit();
                c.setAutoCommit(true);
                List<Object[]> back = new ArrayList<>();
                if (store.dialect() instanceof H2gisDialect) { // the store registers only the functions its own SQL calls
                    org.h2gis.functions.factory.H2GISFunctions.registerFunction(s,
                            new org.h2gis.functions.spatial.properties.ST_SRID(), "");
                }
                try (ResultSet rs = s.executeQuery("SELECT t, n, d, b, ST_AsBinary(g), ST_SRID(g) FROM bulk_probe")) {
                    while (rs.next()) {
                        byte[] wkb = rs.getBytes(5);
                        Object[] r = {rs.getString(1), (Long) rs.getObject(2), rs.getObject(3) == null ? null : rs.getDouble(3),
                                rs.getObject(4) == null ? null : rs.getBoolean(4), wkb == null ? null : new WKBReader().read(wkb)};
                        if (wkb != null) {
                            assertEquals(27700, rs.getInt(6));
                        }
                        back.add(r);
                    }
                }
                s.execute("DROP TABLE bulk_probe");
                assertEquals(rows.size(), back.size());
                for (Object[] want : rows) {
                    assertTrue(back.stream().anyMatch(got -> Arrays.equals(want, got)),
                            "missing " + Arrays.toString(want) + " in " + back.stream().map(Arrays::toString).toList());
                }
            }
        }

        @Test
        void anImportReadsBackAndAFailureInALateTableLeavesThePreviousImportExactlyAsItWas() throws Exception {
            ImportedData good = TinyRegion.standard().writeTo(dir.resolve("region-" + store.dialect().name())).read();
            new ImportWriter(store, Progress.SILENT).write(good);
            try (Connection c = store.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT code, ST_AsBinary(geom) FROM lsoa ORDER BY code")) {
                for (Lsoa l : good.lsoas().stream().sorted(java.util.Comparator.comparing(Lsoa::code)).toList()) {
                    assertTrue(rs.next());
                    assertEquals(l.code(), rs.getString(1));
                    assertTrue(l.geometry().equalsExact(new WKBReader().read(rs.getBytes(2))), l.code());
                }
            }
            assertEquals(good.registrations().size(), StoreContents.counts(store).get("registration"));
            StoreSnapshot before = StoreSnapshot.of(store);
            // registrations come after districts, LSOAs, parishes, PCNs and practices: the failure is part-way
            ImportedData bad = ImportWriterTest.with(good, "Broken region", good.lsoas(),
                    ImportWriterTest.withOneTooLongForTheStore(good.registrations()));
            assertThrows(StoreException.class, () -> new ImportWriter(store, Progress.SILENT).write(bad));
            assertEquals(before, StoreSnapshot.of(store));
            assertEquals("Tiny Cambridge", ImportWriterTest.regionName(store));
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
            schema = SchemaStore.create("sda_bulk_test_");
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
