package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.sdaplanner.web.basemap.PmTilesWriter;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A councillor's view with context: place names and parish outlines on the map, first without a basemap
 * (nothing fetched from anywhere but the server), then on a second server started with
 * {@code --basemap FILE.pmtiles}: a tile file this test draws itself from the region's places and
 * districts (never a remote server). The tiles come from the server, the credit is in the footer, and
 * the Content-Security-Policy still allows images from the server only. The two screenshots are the
 * ones in docs/ ({@code basemap-off.png}, {@code basemap-on.png} under target/screenshots).
 */
class BasemapJourneyTest extends BrowserJourney {
    private static final int MIN_ZOOM = 8;
    private static final int MAX_ZOOM = 12;

    @Test
    void placeNamesAndParishOutlinesWithAndWithoutABasemap(@TempDir Path tmp) {
        JsonNode ely = server.getJson("/api/search?q=ely").get(0);
        String view = "#plan=" + server.firstPlanId();

        Browser b = open(1280, 800, false);
        b.load(server.baseUrl() + "/" + view);
        signIn(b, BrowserServer.MEMBER);
        showEly(b, ely);
        b.waitFor("place names", d -> visibleLabels(b, ".place-label") >= 5);
        assertTrue(b.all(".leaflet-blocks-pane path").size() > 100, "parish outlines are drawn");
        assertEquals(1, visibleLabels(b, ".place-label span[data-name='Ely']"), "Ely is named on the map");
        assertEquals(0, b.all(".leaflet-basemap-pane img").size(), "no basemap unless one is configured");
        assertFalse(b.$("layer-basemap-row").isDisplayed());
        b.screenshot("basemap-off");
        closeChecked(b);

        Path tiles = tmp.resolve("context.pmtiles");
        int count = drawTiles(tiles);
        assertTrue(count > 50, "tiles drawn: " + count);
        BrowserServer withMap = BrowserServer.another("--basemap", tiles.toString(), "--basemap-attribution", "Test tiles drawn from the region's own data");
        String at = "/api/basemap/9/" + tileX(ely.path("lon").asDouble(), 9) + "/" + tileY(ely.path("lat").asDouble(), 9);
        BrowserServer.Response tile = withMap.send("GET", at, null);
        assertEquals(200, tile.status(), "a tile of the file at " + at);
        assertTrue(tile.contentType().startsWith("image/png"), tile.contentType());
        assertEquals(404, withMap.send("GET", "/api/basemap/3/0/0", null).status(), "outside the file: 404");

        Browser m = open(1280, 800, false);
        m.load(withMap.baseUrl() + "/" + view);
        signIn(m, BrowserServer.MEMBER);
        showEly(m, ely);
        m.waitFor("the basemap's tiles", d -> ((Number) m.js("return [...document.querySelectorAll('.leaflet-basemap-pane img')]"
                + ".filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;")).intValue() >= 4);
        @SuppressWarnings("unchecked")
        List<String> srcs = (List<String>) m.js("return [...document.querySelectorAll('.leaflet-basemap-pane img')].map(function (i) { return i.src; });");
        assertTrue(srcs.stream().allMatch(s -> s.startsWith(withMap.baseUrl() + "/api/basemap/")), "tiles from the server itself: " + srcs);
        assertTrue(m.$("attribution-text").getText().contains("Background map: Test tiles drawn from the region's own data"), m.$("attribution-text").getText());
        assertTrue(m.$("layer-basemap-row").getDomAttribute("hidden") == null, "the layer box can switch it off");
        String csp = String.valueOf(m.driver().executeAsyncScript(
                "var done = arguments[0]; fetch('/').then(function (r) { done(r.headers.get('content-security-policy')); });"));
        assertTrue(csp.contains("img-src 'self' data:;"), "a local basemap needs no other origin: " + csp);
        m.waitFor("place names over the basemap", d -> visibleLabels(m, ".place-label") >= 5);
        m.screenshot("basemap-on");
        closeChecked(m);
    }

    private static void showEly(Browser b, JsonNode ely) {
        b.js("window.sda.map.setView([arguments[0], arguments[1]], 11, {animate: false});", ely.path("lat").asDouble(), ely.path("lon").asDouble());
        b.idle();
        b.waitFor("the parish outlines", d -> "true".equals(b.attr(By.id("map"), "data-blocks-loaded")));
        BrowserServer.sleep(500);
    }

    private static int visibleLabels(Browser b, String css) {
        return ((Number) b.js("return [...document.querySelectorAll(arguments[0])].filter(function (e) {"
                + " var t = e.closest('.leaflet-tooltip') || e; return t.style.visibility !== 'hidden' && t.getBoundingClientRect().width > 0; }).length;", css)).intValue();
    }

    /** A small raster basemap of the region: countryside, the districts' edges, and each place as a built-up patch. */
    private static int drawTiles(Path file) {
        System.setProperty("java.awt.headless", "true");
        JsonNode places = server.getJson("/api/layers/places").path("features");
        JsonNode districts = server.getJson("/api/layers/districts?zoom=12").path("features");
        JsonNode bounds = server.getJson("/api/region").path("bounds");
        PmTilesWriter w = new PmTilesWriter();
        for (int z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
            int x0 = tileX(bounds.get(0).asDouble(), z), x1 = tileX(bounds.get(2).asDouble(), z);
            int y0 = tileY(bounds.get(3).asDouble(), z), y1 = tileY(bounds.get(1).asDouble(), z);
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1; y++) {
                    w.add(z, x, y, tile(z, x, y, places, districts));
                }
            }
        }
        w.write(file, 64);
        return w.size();
    }

    private static byte[] tile(int z, int tx, int ty, JsonNode places, JsonNode districts) {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xeef2e6));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(0xd7dccb));
        for (int i = 0; i < 256; i += 64) {
            g.drawLine(i, 0, i, 256);
            g.drawLine(0, i, 256, i);
        }
        double scale = Math.pow(2, z) * 256;
        for (JsonNode f : places) {
            JsonNode c = f.path("geometry").path("coordinates");
            double px = px(c.get(0).asDouble(), scale) - tx * 256.0;
            double py = py(c.get(1).asDouble(), scale) - ty * 256.0;
            double r = Math.sqrt(f.path("properties").path("residents").asDouble()) / 1400 * Math.pow(2, z - 8) * 6;
            if (px + r < 0 || py + r < 0 || px - r > 256 || py - r > 256) {
                continue;
            }
            g.setColor(new Color(0xd9cfc1));
            g.fill(new java.awt.geom.Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
            g.setColor(new Color(0xbdb2a3));
            g.draw(new java.awt.geom.Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
        }
        g.setColor(new Color(0x9aa0a6));
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{5f, 4f}, 0f));
        for (JsonNode f : districts) {
            JsonNode geom = f.path("geometry");
            Iterable<JsonNode> all = "Polygon".equals(geom.path("type").asText()) ? List.of(geom.path("coordinates")) : geom.path("coordinates");
            for (JsonNode poly : all) {
                for (JsonNode ring : poly) {
                    Path2D p = new Path2D.Double();
                    boolean first = true;
                    for (JsonNode pt : ring) {
                        double px = px(pt.get(0).asDouble(), scale) - tx * 256.0;
                        double py = py(pt.get(1).asDouble(), scale) - ty * 256.0;
                        if (first) {
                            p.moveTo(px, py);
                            first = false;
                        } else {
                            p.lineTo(px, py);
                        }
                    }
                    g.draw(p);
                }
            }
        }
        g.setColor(new Color(0x8a8f94));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        g.drawString("test tiles " + z + "/" + tx + "/" + ty, 4, 252);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static double px(double lon, double scale) {
        return (lon + 180) / 360 * scale;
    }

    private static double py(double lat, double scale) {
        double s = Math.sin(Math.toRadians(lat));
        return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
    }

    private static int tileX(double lon, int z) {
        return (int) Math.floor(px(lon, Math.pow(2, z)));
    }

    private static int tileY(double lat, int z) {
        return (int) Math.floor(py(lat, Math.pow(2, z)));
    }
}
