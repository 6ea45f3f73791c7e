package org.sdaplanner.importer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoreContents;
import org.sdaplanner.store.StoreSnapshot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every bad-input test needs: a good import in one H2GIS store, the CLI's path (RegionManifest.load,
 * RegionImporter.read, ImportWriter.write) run on a broken copy of the region, and the check that a
 * refused import left the store exactly as it was.
 */
abstract class ImportHarness {
    @TempDir
    static Path shared;
    static SpatialStore store;
    static StoreSnapshot before;
    static TinyRegion.Written good;
    /** Keeps the H2 file database open between tests (it would otherwise close and reopen on every connect). */
    static Connection keepOpen;

    @TempDir
    Path dir;

    @BeforeAll
    static void importAGoodRegion() {
        store = SpatialStore.open("jdbc:h2:file:" + shared.resolve("store/sda"));
        try {
            keepOpen = store.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        good = TinyRegion.standard().writeTo(shared.resolve("good"));
        cliImport(good);
        before = StoreSnapshot.of(store);
        assertEquals(4L, StoreContents.counts(store).get("lsoa"));
        assertEquals(7L, StoreContents.counts(store).get("registration"));
    }

    @AfterAll
    static void close() throws SQLException {
        keepOpen.close();
    }

    /** What {@code sda import} does. */
    static void cliImport(TinyRegion.Written w) {
        RegionManifest manifest = RegionManifest.load(w.manifest());
        ImportedData data = new RegionImporter(Progress.SILENT).read(manifest, w.dataDir());
        new ImportWriter(store, Progress.SILENT).write(data);
    }

    /** Runs the import of a broken region, expects an InputException and an unchanged store. */
    InputException rejected(TinyRegion r) {
        return rejected(r.writeTo(dir));
    }

    /** The same for a region already written (and perhaps altered on disk). */
    InputException rejected(TinyRegion.Written w) {
        try {
            cliImport(w);
        } catch (InputException e) {
            assertEquals(before, StoreSnapshot.of(store), "the store must keep the previous import");
            return e;
        }
        cliImport(good);   // put the baseline back so that the other tests still compare against it
        return fail("the broken region was imported: expected an InputException");
    }

    static void assertContains(String message, String... parts) {
        for (String p : parts) {
            if (!message.contains(p)) {
                fail("message lacks <" + p + ">:\n" + message);
            }
        }
    }


    /** Reads a region that must be accepted (nothing is written), for its report's warnings. */
    ImportedData accepted(TinyRegion r) {
        return r.writeTo(dir).read();
    }

    /** The message must not show the program's insides. */
    static void assertNoInternals(String message) {
        for (String internal : new String[]{"jdbc:", "user=", "SELECT ", "INSERT INTO", "CALL ", "java.", "org.h2",
                "org.sdaplanner", "Exception", "`"}) {
            if (message.contains(internal)) {
                fail("message shows internal text <" + internal + ">:\n" + message);
            }
        }
    }
}
