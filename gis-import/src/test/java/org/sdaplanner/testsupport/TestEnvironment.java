package org.sdaplanner.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the shared data and the PostGIS server. In CI both must be there (a missing
 * one fails the run); on a developer's machine tests that need them are skipped, and say why.
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The shared data folder: $SDA_DATA_DIR, else the sda.data.dir property (../shared/data). */
    public static Path dataDir() {
        String env = System.getenv("SDA_DATA_DIR");
        String prop = System.getProperty("sda.data.dir", "../../shared/data");
        Path p = Path.of(env != null && !env.isBlank() ? env : prop).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            if (inCi()) {
                throw new IllegalStateException("shared data folder " + p + " not found (set SDA_DATA_DIR)");
            }
            Assumptions.abort("shared data folder " + p + " not found: set SDA_DATA_DIR to run this test");
        }
        return p;
    }

    /** The PostGIS JDBC URL from $SDA_TEST_POSTGIS_URL (.ci/postgis.sh prints one). */
    public static String postgisUrl() {
        String url = System.getenv("SDA_TEST_POSTGIS_URL");
        if (url == null || url.isBlank()) {
            if (inCi()) {
                throw new IllegalStateException("CI must run the PostGIS tests: SDA_TEST_POSTGIS_URL is not set");
            }
            Assumptions.abort("no PostGIS configured: run `bash .ci/postgis.sh` and export SDA_TEST_POSTGIS_URL to run this test");
        }
        return url;
    }

    /** The repository root (for data/*.json manifests), found from the module's working directory. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data")) ) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root with data/ not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
