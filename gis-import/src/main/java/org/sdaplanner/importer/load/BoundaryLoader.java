package org.sdaplanner.importer.load;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Quoted;
import org.sdaplanner.importer.crs.Coordinates;
import org.sdaplanner.importer.crs.CrsCodes;
import org.sdaplanner.importer.crs.ToBritishNationalGrid;
import org.sdaplanner.importer.plausible.GreatBritain;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.importer.read.BoundaryFiles;
import org.sdaplanner.importer.read.RawFeature;
import org.sdaplanner.importer.read.RawLayer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads a boundary file and makes it fit for the engine: code and name present and unique,
 * CRS known and reprojected to EPSG:27700 (rounded to the millimetre), invalid geometries repaired
 * (and counted) rather than dropped.
 */
public final class BoundaryLoader {
    private static final double MM = 1000.0;
    private final GeometryFactory factory = new GeometryFactory();

    /**
     * @param declaredCrs the CRS the manifest gives, or null
     * @param role        the role's words for messages, e.g. "LSOA boundaries"
     */
    public BoundaryLayer load(Path path, String name, String format, String table, String declaredCrs,
                              String codeColumn, String nameColumn, String role, List<String> warnings) {
        RawLayer raw = BoundaryFiles.read(path, name, format, table);
        if (raw.features().isEmpty()) {
            throw InputException.ofFile(name, "the layer is empty: expected " + role + " features");
        }
        int srid = resolveCrs(raw, declaredCrs, name, warnings);
        ToBritishNationalGrid toBng;
        try {
            toBng = new ToBritishNationalGrid(srid);
        } catch (IllegalArgumentException e) {
            throw InputException.ofFile(name, "CRS EPSG:" + srid + " cannot be reprojected to EPSG:27700");
        }
        List<RawFeature> fs = raw.features();
        // Checks and attribute reads first (cheap, and gives the first error in file order) ...
        String[] codes = new String[fs.size()];
        String[] names = new String[fs.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fs.size(); i++) {
            RawFeature f = fs.get(i);
            if (i == 0) {
                requireProperty(f, codeColumn, name, role);
                requireProperty(f, nameColumn, name, role);
            }
            String code = f.text(codeColumn);
            if (code == null || code.isEmpty()) {
                throw InputException.atFeature(name, f.index(), codeColumn, "expected an area code, found nothing");
            }
            String bad = TextRule.problem(TextRule.Kind.CODE, code).orElse(null);
            if (bad != null) {
                throw InputException.atFeature(name, f.index(), codeColumn, "the area code " + Quoted.of(code) + ": " + bad);
            }
            Integer before = seen.put(code, f.index());
            if (before != null) {
                throw InputException.atFeature(name, f.index(), codeColumn, "duplicate area code " + code
                        + " (also at feature " + before + "): each area must appear once");
            }
            String areaName = f.text(nameColumn);
            bad = TextRule.problem(TextRule.Kind.PLACE_NAME, areaName).orElse(null);
            if (bad != null) {
                throw InputException.atFeature(name, f.index(), nameColumn, "the name of area " + code + ": " + bad);
            }
            if (f.geometry() == null || f.geometry().isEmpty()) {
                throw InputException.atFeature(name, f.index(), "geometry", "area " + code + " has no geometry");
            }
            if (!(f.geometry() instanceof Polygonal)) {
                throw InputException.atFeature(name, f.index(), "geometry", "area " + code + " is a "
                        + f.geometry().getGeometryType() + ": expected a Polygon or MultiPolygon");
            }
            codes[i] = code;
            names[i] = areaName;
        }
        // ... then the geometry work, in parallel since it dominates the time on national files. A geometry off
        // Great Britain's grid (latitude and longitude swapped, a mistyped number) is not repaired but refused.
        MultiPolygon[] geoms = new MultiPolygon[fs.size()];
        boolean[] repaired = new boolean[fs.size()];
        boolean[] offGrid = new boolean[fs.size()];
        boolean[] broken = new boolean[fs.size()];
        IntStream.range(0, fs.size()).parallel().forEach(i -> {
            try {
                Geometry g = round(toBng.apply(fs.get(i).geometry()));
                if (!GreatBritain.onGrid(g.getEnvelopeInternal())) {
                    offGrid[i] = true;
                    return;
                }
                if (!g.isValid()) {
                    g = GeometryFixer.fix(g);
                    repaired[i] = true;
                }
                geoms[i] = toMultiPolygon(g);
            } catch (RuntimeException e) {
                broken[i] = true; // JTS gives up on some degenerate shapes: refused below, in file order
            }
        });
        refuseOffGrid(fs, codes, offGrid, srid, name);
        List<BoundaryFeature> out = new ArrayList<>(fs.size());
        int repairs = 0;
        for (int i = 0; i < fs.size(); i++) {
            RawFeature f = fs.get(i);
            if (broken[i]) {
                throw InputException.atFeature(name, f.index(), "geometry", "area " + codes[i]
                        + " has a geometry that cannot be read or repaired");
            }
            if (geoms[i].isEmpty()) {
                throw InputException.atFeature(name, f.index(), "geometry", "area " + codes[i]
                        + " has a geometry with no area, even after repair");
            }
            if (repaired[i]) {
                repairs++;
            }
            out.add(new BoundaryFeature(f.index(), codes[i], names[i], f.properties(), geoms[i]));
        }
        if (repairs > 0) {
            warnings.add(name + ": " + repairs + " invalid geometr" + (repairs == 1 ? "y was" : "ies were")
                    + " repaired (self-intersections, bad rings); none was dropped");
        }
        return new BoundaryLayer(name, srid, out, repairs);
    }

    /** Refuses the first feature off the grid, saying how many more there are and whether latitude and longitude look swapped. */
    private static void refuseOffGrid(List<RawFeature> fs, String[] codes, boolean[] offGrid, int srid, String name) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < offGrid.length; i++) {
            if (offGrid[i]) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first < 0) {
            return;
        }
        Envelope raw = fs.get(first).geometry().getEnvelopeInternal();
        String hint = srid == CrsCodes.WGS84 && GreatBritain.swappedLonLatFits(raw)
                ? "; its positions look like [latitude, longitude]: GeoJSON and EPSG:4326 files here give [longitude, latitude],"
                  + " so swap the two numbers" : "";
        throw InputException.atFeature(name, fs.get(first).index(), "geometry", "area " + codes[first]
                + " lies outside Great Britain (" + describe(raw) + " in EPSG:" + srid + "): " + GreatBritain.expected()
                + hint + (count > 1 ? " (" + count + " of the " + fs.size() + " features are outside)" : ""));
    }

    private static void requireProperty(RawFeature f, String column, String file, String role) {
        if (column != null && !f.properties().containsKey(column)) {
            throw new InputException(file, "feature " + f.index(), column, "column missing: the " + role
                    + " need a property '" + column + "'; the features have " + f.properties().keySet());
        }
    }

    /**
     * The CRS to read the file in: the file's own declaration wins over the manifest's, and a
     * file that declares none must get one from the manifest, except GeoJSON in longitude/latitude
     * (RFC 7946). Coordinates are checked against the CRS so a mislabelled file is caught.
     */
    static int resolveCrs(RawLayer raw, String declaredCrs, String name, List<String> warnings) {
        Integer declared = declaredCrs == null ? null : CrsCodes.parse(declaredCrs);
        if (declaredCrs != null && declared == null) {
            throw InputException.ofFile(name, "the manifest gives crs \"" + declaredCrs
                    + "\", which is not understood: expected e.g. EPSG:27700 or EPSG:4326");
        }
        Envelope env = new Envelope();
        for (RawFeature f : raw.features()) {
            if (f.geometry() != null) {
                env.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        }
        Integer detected = raw.detectedSrid();
        int srid;
        if (detected != null) {
            if (declared != null && !declared.equals(detected)) {
                warnings.add(name + ": the file declares EPSG:" + detected + " but the manifest says EPSG:"
                        + declared + "; the file's own CRS was used");
            }
            srid = detected;
        } else if (declared != null) {
            srid = declared;
        } else if (name.toLowerCase().endsWith("json") && ToBritishNationalGrid.looksLikeLonLat(env)) {
            srid = CrsCodes.WGS84;
        } else {
            throw InputException.ofFile(name, "missing CRS: the file does not say which coordinate reference system"
                    + " it uses (no .prj or crs member) and the manifest gives none; add \"crs\": \"EPSG:27700\""
                    + " (British National Grid) or \"EPSG:4326\" (longitude/latitude) to its entry");
        }
        if (srid == CrsCodes.WGS84 && !ToBritishNationalGrid.looksLikeLonLat(env)) {
            throw InputException.ofFile(name, "coordinates (" + describe(env) + ") are not longitude/latitude although the CRS"
                    + " is EPSG:4326; they look like " + (ToBritishNationalGrid.looksLikeBritishNationalGrid(env)
                    ? "British National Grid metres: set \"crs\": \"EPSG:27700\"" : "another projection"));
        }
        if (srid == CrsCodes.BNG && !ToBritishNationalGrid.looksLikeBritishNationalGrid(env)) {
            throw InputException.ofFile(name, "coordinates (" + describe(env) + ") are not British National Grid metres although"
                    + " the CRS is EPSG:27700" + (ToBritishNationalGrid.looksLikeLonLat(env)
                    ? "; they look like longitude/latitude: set \"crs\": \"EPSG:4326\"" : ""));
        }
        return srid;
    }

    private static String describe(Envelope e) {
        return String.format(java.util.Locale.ROOT, "x %.3f to %.3f, y %.3f to %.3f", e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
    }

    private static Geometry round(Geometry g) {
        return Coordinates.map(g, (x, y, out) -> {
            out[0] = Coordinates.round(x, MM);
            out[1] = Coordinates.round(y, MM);
        });
    }

    private MultiPolygon toMultiPolygon(Geometry g) {
        if (g instanceof MultiPolygon mp) {
            mp.setSRID(CrsCodes.BNG);
            return mp;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polys = PolygonExtracter.getPolygons(g);
        MultiPolygon mp = factory.createMultiPolygon(polys.toArray(new Polygon[0]));
        mp.setSRID(CrsCodes.BNG);
        return mp;
    }
}
