package org.sdaplanner.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H2gisDialectTest {
    private final H2gisDialect dialect = new H2gisDialect();

    @Test
    void theCacheIsAQuarterOfTheHeapBetween16MegabytesAnd1Gigabyte() {
        long mb = 1024L * 1024;
        assertEquals(16 * 1024, H2gisDialect.cacheKilobytes(32 * mb));
        assertEquals(256 * 1024, H2gisDialect.cacheKilobytes(1024 * mb));
        assertEquals(1024 * 1024, H2gisDialect.cacheKilobytes(4096 * mb));
        assertEquals(1024 * 1024, H2gisDialect.cacheKilobytes(6144 * mb));
    }

    @Test
    void fileUrlsGetTheCacheAndTheAutoServerUnlessTheyGiveThem() {
        String tuned = dialect.tune("jdbc:h2:file:/tmp/x/sda");
        assertTrue(tuned.matches("jdbc:h2:file:/tmp/x/sda;CACHE_SIZE=\\d+;AUTO_SERVER=TRUE"), tuned);
        assertEquals("jdbc:h2:file:/tmp/x/sda;cache_size=1024;auto_server=false",
                dialect.tune("jdbc:h2:file:/tmp/x/sda;cache_size=1024;auto_server=false"));
        assertEquals("jdbc:h2:mem:x", dialect.tune("jdbc:h2:mem:x"));
    }

    @Test
    void anOpenedStoreRunsWithThatCache(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("sda"));
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
            assertTrue(rs.next());
            long expectedMb = H2gisDialect.cacheKilobytes(Runtime.getRuntime().maxMemory()) / 1024;
            assertEquals(expectedMb, Long.parseLong(rs.getString(1)), "MVStore cache in MB");
        }
    }
}
