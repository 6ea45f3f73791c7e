package org.sdaplanner.web;

import org.junit.jupiter.api.Assumptions;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.SpatialStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where the web tests find the shared data and PostGIS (the rule of gis-import's TestEnvironment:
 * in CI both must be there, elsewhere tests that need them are skipped), and the C&P import, read
 * once per test JVM and written into as many stores as the tests need (the `sda import` path).
 */
public final class TestData {
    /** Server options for tests that make many writes quickly: the write limit is tested on its own. */
    static final MapServer.Options GENEROUS = MapServer.Options.defaults().withWriteLimit(10_000, 1_000);

    private static ImportedData cambridgeshire;

    private TestData() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** $SDA_DATA_DIR, else the sda.data.dir property (../shared/data). */
    public static Path dataDir() {
        String env = System.getenv("SDA_DATA_DIR");
        Path p = Path.of(env != null && !env.isBlank() ? env : System.getProperty("sda.data.dir", "../../shared/data"))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            if (inCi()) {
                throw new IllegalStateException("shared data folder " + p + " not found (set SDA_DATA_DIR)");
            }
            Assumptions.abort("shared data folder " + p + " not found: set SDA_DATA_DIR to run this test");
        }
        return p;
    }

    /** $SDA_TEST_POSTGIS_URL (.ci/postgis.sh prints one). */
    static String postgisUrl() {
        String url = System.getenv("SDA_TEST_POSTGIS_URL");
        if (url == null || url.isBlank()) {
            if (inCi()) {
                throw new IllegalStateException("CI must run the PostGIS tests: SDA_TEST_POSTGIS_URL is not set");
            }
            Assumptions.abort("no PostGIS configured: run `bash .ci/postgis.sh` and export SDA_TEST_POSTGIS_URL to run this test");
        }
        return url;
    }

    public static Path manifest(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("data").resolve(name))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("region manifest data/" + name + " not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("data").resolve(name);
    }

    /** The C&P files read and validated as `sda import` does (once per JVM). */
    public static synchronized ImportedData cambridgeshire() {
        if (cambridgeshire == null) {
            Path data = dataDir();
            RegionManifest manifest = RegionManifest.load(manifest("cambridgeshire-peterborough.json"));
            cambridgeshire = new RegionImporter(Progress.SILENT).read(manifest, data);
        }
        return cambridgeshire;
    }

    /** A store at {@code url} holding the C&P import. */
    public static SpatialStore importedStore(String url) {
        ImportedData d = cambridgeshire();
        SpatialStore store = SpatialStore.open(url);
        new ImportWriter(store, Progress.SILENT).write(d);
        return store;
    }

    /** A fresh schema of its own in the PostGIS database, so tests never see each other's tables. */
    record PostgisSchema(String baseUrl, String name) implements AutoCloseable {
        static PostgisSchema create() throws Exception {
            String base = postgisUrl();
            String name = "sda_web_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + name);
            }
            return new PostgisSchema(base, name);
        }

        /** The store URL with the schema first on the search path (PostGIS's functions stay in public). */
        String url() {
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name + ",public";
        }

        @Override
        public void close() throws Exception {
            try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }
}
