package org.sdaplanner.web.basemap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The basemap option: remote URL templates, local PMTiles and MBTiles files, and the mistakes people make with them. */
class BasemapTest {
    private static byte[] tile(String s) {
        return ("tile " + s).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void tileIdsFollowTheSpecsHilbertCurve() {
        // the values of the PMTiles v3 specification's examples
        assertEquals(0, PmTilesFile.tileId(0, 0, 0));
        assertEquals(1, PmTilesFile.tileId(1, 0, 0));
        assertEquals(2, PmTilesFile.tileId(1, 0, 1));
        assertEquals(3, PmTilesFile.tileId(1, 1, 1));
        assertEquals(4, PmTilesFile.tileId(1, 1, 0));
        assertEquals(5, PmTilesFile.tileId(2, 0, 0));
        assertEquals(19_078_479, PmTilesFile.tileId(12, 3423, 1763));
    }

    @Test
    void aPmTilesFileGivesItsTilesBackFromTheRootAndFromLeaves(@TempDir Path tmp) {
        PmTilesWriter w = new PmTilesWriter();
        for (int x = 250; x < 256; x++) {
            for (int y = 160; y < 170; y++) {
                w.add(9, x, y, tile("9/" + x + "/" + y));
            }
        }
        w.add(8, 126, 82, tile("8/126/82"));
        for (int leaf : new int[]{0, 7}) {
            Path f = tmp.resolve("t" + leaf + ".pmtiles");
            w.write(f, leaf);
            try (PmTilesFile p = PmTilesFile.open(f)) {
                assertEquals(new TileSource.Info("png", 8, 9), p.info());
                assertArrayEquals(tile("9/253/166"), p.tile(9, 253, 166).orElseThrow());
                assertArrayEquals(tile("9/250/160"), p.tile(9, 250, 160).orElseThrow());
                assertArrayEquals(tile("9/255/169"), p.tile(9, 255, 169).orElseThrow());
                assertArrayEquals(tile("8/126/82"), p.tile(8, 126, 82).orElseThrow());
                assertEquals(Optional.empty(), p.tile(9, 249, 166), "no tile there");
                assertEquals(Optional.empty(), p.tile(10, 0, 0), "no tile at that zoom");
                assertEquals(Optional.empty(), p.tile(9, 600, 0), "outside the zoom's grid");
            }
        }
    }

    @Test
    void anMbTilesFileCountsItsRowsFromTheBottom(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("t.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
            c.createStatement().execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            c.createStatement().execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            c.createStatement().execute("INSERT INTO metadata VALUES ('format', 'png'), ('name', 'test')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, 9);
                ps.setInt(2, 253);
                ps.setInt(3, (1 << 9) - 1 - 166);
                ps.setBytes(4, tile("9/253/166"));
                ps.executeUpdate();
            }
        }
        try (MbTilesFile m = MbTilesFile.open(f)) {
            assertEquals(new TileSource.Info("png", 9, 9), m.info());
            assertArrayEquals(tile("9/253/166"), m.tile(9, 253, 166).orElseThrow());
            assertEquals(Optional.empty(), m.tile(9, 253, 167));
        }
        Basemap b = Basemap.of(f.toString(), "Test tiles");
        assertTrue(b.isLocal());
        assertEquals(Basemap.LOCAL_URL, b.url());
        assertNull(b.origin(), "nothing from another origin");
        b.local().close();
    }

    @Test
    void aRemoteTemplateAllowsExactlyItsOrigin() {
        Basemap b = Basemap.of("https://Tiles.Example.org:8443/base/{z}/{x}/{y}.png?key=1", "© Example");
        assertEquals("https://tiles.example.org:8443", b.origin());
        assertEquals("png", b.format());
        assertTrue(org.sdaplanner.web.MapServer.contentSecurityPolicy(b).contains("img-src 'self' data: https://tiles.example.org:8443;"));
        assertTrue(org.sdaplanner.web.MapServer.contentSecurityPolicy(null).contains("img-src 'self' data:;"), "no basemap: images from the server only");
    }

    @Test
    void mistakesAreRefusedWithAMessageThatSaysWhatToDo(@TempDir Path tmp) throws Exception {
        assertTrue(message(() -> Basemap.of("https://t.example.org/{z}/{x}/{y}.png", null)).contains("--basemap-attribution is needed"));
        assertTrue(message(() -> Basemap.of("https://t.example.org/tiles.png", "x")).contains("{z}, {x} and {y}"));
        assertTrue(message(() -> Basemap.of("https://{s}.t.example.org/{z}/{x}/{y}.png", "x")).contains("no {s} subdomains"));
        assertTrue(message(() -> Basemap.of("https://t.example.org/{z}/{x}/{y}.pbf", "x")).contains("raster basemaps only"));
        assertTrue(message(() -> Basemap.of(tmp.resolve("missing.pmtiles").toString(), "x")).contains("no such file"));
        Path txt = Files.writeString(tmp.resolve("tiles.txt"), "hello");
        assertTrue(message(() -> Basemap.of(txt.toString(), "x")).contains(".pmtiles or .mbtiles"));
        Path fake = Files.writeString(tmp.resolve("fake.pmtiles"), "not a tile file at all, but long enough to hold a header of 127 bytes"
                + " ...........................................................................");
        assertTrue(message(() -> Basemap.of(fake.toString(), "x")).contains("is not a PMTiles file"));
        Path fakeMb = Files.writeString(tmp.resolve("fake.mbtiles"), "not SQLite");
        assertTrue(message(() -> Basemap.of(fakeMb.toString(), "x")).contains("is not an MBTiles file"));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
