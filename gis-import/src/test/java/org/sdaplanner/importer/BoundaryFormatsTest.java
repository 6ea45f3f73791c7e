package org.sdaplanner.importer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.geography.Lsoa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same five-square LSOA layer, as GeoJSON in EPSG:27700 (the reference), GeoJSON in lon/lat,
 * Shapefile (+ .prj), FlatGeobuf and GeoPackage, imports to the same LSOAs: same codes, names,
 * districts, and areas within 1 m² (1% for the lon/lat copy, which went through two projections).
 */
class BoundaryFormatsTest {
    @TempDir
    static Path dir;
    static Map<String, Lsoa> reference;

    @BeforeAll
    static void readTheReference() {
        reference = byCode(TinyRegion.standard().writeTo(dir.resolve("reference")).read());
        assertEquals(List.of("E01000001", "E01000002", "E01000003", "E01000004"), List.copyOf(reference.keySet()));
    }

    static Map<String, Lsoa> byCode(ImportedData d) {
        Map<String, Lsoa> out = new TreeMap<>();
        d.lsoas().forEach(l -> out.put(l.code(), l));
        return out;
    }

    /** The region with its LSOA layer swapped for {@code file} (already written under data/), read. */
    static ImportedData readWith(String sub, String path, String format, String crs, FileWriter writer) throws Exception {
        TinyRegion r = TinyRegion.standard().remove(TinyRegion.LSOA);
        var entry = r.input("lsoa_boundaries");
        entry.put("path", path);
        if (format == null) {
            entry.remove("format");
        } else {
            entry.put("format", format);
        }
        if (crs == null) {
            entry.remove("crs");
        } else {
            entry.put("crs", crs);
        }
        TinyRegion.Written w = r.writeTo(dir.resolve(sub));
        Path file = w.dataDir().resolve(path);
        Files.createDirectories(file.getParent());
        writer.write(file);
        return w.read();
    }

    @FunctionalInterface
    interface FileWriter {
        void write(Path file) throws Exception;
    }

    static void assertSameLayer(ImportedData d, double tolerance, boolean relative) {
        Map<String, Lsoa> got = byCode(d);
        assertEquals(reference.keySet(), got.keySet());
        List<String> problems = new ArrayList<>();
        for (Lsoa ref : reference.values()) {
            Lsoa l = got.get(ref.code());
            if (!ref.name().equals(l.name())) {
                problems.add(ref.code() + " name " + l.name());
            }
            if (!ref.districtCode().equals(l.districtCode())) {
                problems.add(ref.code() + " district " + l.districtCode());
            }
            Geometry g = l.geometry();
            double allowed = relative ? tolerance * ref.geometry().getArea() : tolerance;
            if (Math.abs(g.getArea() - ref.geometry().getArea()) > allowed) {
                problems.add(ref.code() + " area " + g.getArea() + " vs " + ref.geometry().getArea());
            }
            if (g.getCentroid().distance(ref.geometry().getCentroid()) > 5) {
                problems.add(ref.code() + " centroid " + g.getCentroid() + " vs " + ref.geometry().getCentroid());
            }
            if (g.getSRID() != 27700 || !g.isValid()) {
                problems.add(ref.code() + " srid " + g.getSRID() + " valid " + g.isValid());
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(0, d.report().repairedGeometries());
        assertEquals(620, d.report().analysedPatients());
    }

    @Test
    void geoJsonInLonLat() throws Exception {
        List<String> features = new ArrayList<>();
        for (LayerFiles.Square q : LayerFiles.LSOAS) {
            features.add(TinyRegion.rectLonLat(TinyRegion.props("LSOA21CD", q.code(), "LSOA21NM", q.name()),
                    q.x(), q.y(), q.x() + q.size(), q.y() + q.size()));
        }
        String json = TinyRegion.featureCollection(null, features);
        // No crs anywhere: RFC 7946 longitude/latitude.
        ImportedData d = readWith("lonlat", "boundaries/lsoa21_lonlat.geojson", "geojson", null,
                f -> Files.writeString(f, json));
        assertSameLayer(d, 0.01, true);
    }

    @Test
    void geoJsonInLonLatWithCrs84Member() throws Exception {
        List<String> features = new ArrayList<>();
        for (LayerFiles.Square q : LayerFiles.LSOAS) {
            features.add(TinyRegion.rectLonLat(TinyRegion.props("LSOA21CD", q.code(), "LSOA21NM", q.name()),
                    q.x(), q.y(), q.x() + q.size(), q.y() + q.size()));
        }
        String json = TinyRegion.featureCollection("urn:ogc:def:crs:OGC:1.3:CRS84", features);
        // The file's own crs wins over the manifest's (wrong) one.
        ImportedData d = readWith("crs84", "boundaries/lsoa21_crs84.geojson", "geojson", "EPSG:27700",
                f -> Files.writeString(f, json));
        assertSameLayer(d, 0.01, true);
        assertTrue(d.report().warnings().contains("boundaries/lsoa21_crs84.geojson: the file declares EPSG:4326 but the"
                + " manifest says EPSG:27700; the file's own CRS was used"), d.report().warnings().toString());
    }

    @Test
    void shapefileWithPrj() throws Exception {
        ImportedData d = readWith("shp", "boundaries/lsoa21.shp", "shapefile", null, f -> {
            LayerFiles.writeShapefile(f, LayerFiles.LSOAS, 27700);
            Path prj = f.resolveSibling("lsoa21.prj");
            assertTrue(Files.exists(prj), "SHPWRITE writes a .prj for SRID 27700");
            assertTrue(Files.readString(prj).contains("British National Grid"), Files.readString(prj));
        });
        assertSameLayer(d, 1.0, false);
    }

    @Test
    void shapefileWithoutPrjTakesTheManifestCrs() throws Exception {
        ImportedData d = readWith("shp-noprj", "boundaries/lsoa21.shp", "shapefile", "EPSG:27700",
                f -> LayerFiles.writeShapefile(f, LayerFiles.LSOAS, 0));
        assertSameLayer(d, 1.0, false);
    }

    @Test
    void shapefileWithoutItsDbf() throws Exception {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () ->
                readWith("shp-nodbf", "boundaries/lsoa21.shp", "shapefile", null, f -> {
                    LayerFiles.writeShapefile(f, LayerFiles.LSOAS, 27700);
                    Files.delete(f.resolveSibling("lsoa21.dbf"));
                }));
        assertEquals("boundaries/lsoa21.shp: a Shapefile comes as several files: lsoa21.dbf is missing next to it",
                e.getMessage());
    }

    @Test
    void flatGeobufFormatFromExtension() throws Exception {
        ImportedData d = readWith("fgb", "boundaries/lsoa21.fgb", null, null,
                f -> LayerFiles.writeFlatGeobuf(f, LayerFiles.LSOAS, 27700));
        assertSameLayer(d, 1.0, false);
    }

    @Test
    void geoPackage() throws Exception {
        ImportedData d = readWith("gpkg", "boundaries/lsoa21.gpkg", "geopackage", null,
                f -> LayerFiles.writeGeoPackage(f, "lsoa21", LayerFiles.LSOAS));
        assertSameLayer(d, 1.0, false);
    }

    @Test
    void geoPackageNamedTableThatIsMissing() throws Exception {
        TinyRegion r = TinyRegion.standard().remove(TinyRegion.LSOA);
        r.input("lsoa_boundaries").put("path", "boundaries/lsoa21.gpkg").put("format", "geopackage")
                .put("table", "lsoa_2021").remove("crs");
        TinyRegion.Written w = r.writeTo(dir.resolve("gpkg-table"));
        LayerFiles.writeGeoPackage(w.dataDir().resolve("boundaries/lsoa21.gpkg"), "lsoa21", LayerFiles.LSOAS);
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, w::read);
        assertEquals("boundaries/lsoa21.gpkg: the GeoPackage has no feature table 'lsoa_2021'; it has [lsoa21]",
                e.getMessage());
    }
}
