package org.sdaplanner.importer.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.crs.CrsCodes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a GeoJSON FeatureCollection feature by feature (Jackson streaming + JTS), so a
 * national boundary file does not have to be held as one JSON tree. Reads the legacy
 * {@code crs} member (GDAL writes it); without it, RFC 7946 says WGS84 longitude/latitude.
 */
public final class GeoJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final GeometryFactory factory = new GeometryFactory();

    public RawLayer read(Path path, String name) {
        List<RawFeature> features = new ArrayList<>();
        Integer srid = null;
        try (InputStream in = Files.newInputStream(path);
             JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw InputException.ofFile(name, "not GeoJSON: expected a JSON object with \"type\": \"FeatureCollection\"");
            }
            String type = null;
            boolean sawFeatures = false;
            JsonToken next;
            while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "type" -> type = p.getValueAsString();
                    case "crs" -> srid = crsOf(p.readValueAsTree(), name);
                    case "features" -> {
                        sawFeatures = true;
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw InputException.ofFile(name, "\"features\" must be an array");
                        }
                        int index = 0;
                        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                            index++;
                            if (t != JsonToken.START_OBJECT) {
                                throw InputException.atFeature(name, index, null,
                                        "expected a Feature object in \"features\", found " + p.getText());
                            }
                            JsonNode f = p.readValueAsTree();
                            features.add(feature(f, index, name));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (next != JsonToken.END_OBJECT) {
                throw InputException.ofFile(name, "not valid GeoJSON after feature " + features.size() + ": found " + next);
            }
            if (type != null && !"FeatureCollection".equals(type)) {
                throw InputException.ofFile(name, "expected a GeoJSON FeatureCollection, found type \"" + type + "\"");
            }
            if (!sawFeatures) {
                throw InputException.ofFile(name, "not a GeoJSON FeatureCollection: no \"features\" array");
            }
        } catch (JsonEOFException e) {
            throw InputException.ofFile(name, "the file ends unexpectedly after feature " + features.size()
                    + " (line " + e.getLocation().getLineNr() + "): is it truncated? Download it again.");
        } catch (JsonParseException e) {
            throw InputException.ofFile(name, "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (after feature " + features.size()
                    + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InputException.ofFile(name, "cannot be read: " + e.getMessage());
        }
        return new RawLayer(name, srid, features);
    }

    private static Integer crsOf(JsonNode crs, String name) {
        String label = crs.path("properties").path("name").asText(null);
        if (label == null) {
            return null;
        }
        Integer srid = CrsCodes.parse(label);
        if (srid == null) {
            throw InputException.ofFile(name, "declares a CRS this tool does not know: \"" + label
                    + "\"; expected EPSG:27700 (British National Grid) or EPSG:4326/CRS84 (longitude/latitude)");
        }
        return srid;
    }

    private RawFeature feature(JsonNode f, int index, String name) {
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode pn = f.path("properties");
        pn.fields().forEachRemaining(e -> props.put(e.getKey(), scalar(e.getValue())));
        JsonNode g = f.get("geometry");
        Geometry geom = g == null || g.isNull() ? null : geometry(g, index, name);
        return new RawFeature(index, props, geom);
    }

    private static Object scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private Geometry geometry(JsonNode g, int index, String name) {
        String type = g.path("type").asText("");
        JsonNode c = g.path("coordinates");
        try {
            return switch (type) {
                case "Polygon" -> polygon(c);
                case "MultiPolygon" -> {
                    requireArray(c, "\"coordinates\" must be a list of polygons");
                    Polygon[] polys = new Polygon[c.size()];
                    for (int i = 0; i < polys.length; i++) {
                        polys[i] = polygon(c.get(i));
                    }
                    yield factory.createMultiPolygon(polys);
                }
                case "Point" -> factory.createPoint(coordinate(c));
                default -> throw InputException.atFeature(name, index, "geometry",
                        "expected a Polygon or MultiPolygon, found \"" + type + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw InputException.atFeature(name, index, "geometry", "malformed " + type + ": " + e.getMessage());
        }
    }

    private Polygon polygon(JsonNode rings) {
        requireArray(rings, "a polygon must be a list of rings");
        if (rings.size() == 0) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode pts) {
        requireArray(pts, "a ring must be a list of positions");
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = coordinate(pts.get(i));
        }
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            // Some writers leave rings open; close them rather than reject the file.
            Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = new Coordinate(cs[0]);
            cs = closed;
        }
        if (cs.length > 0 && cs.length < 4) {
            throw new IllegalArgumentException("a ring has " + cs.length + " points, at least 4 are needed");
        }
        return factory.createLinearRing(cs);
    }

    private static void requireArray(JsonNode n, String expected) {
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(expected + ", found " + shown(n));
        }
    }

    /** A bit of the file for a message, cut short. */
    private static String shown(JsonNode n) {
        String s = n == null || n.isMissingNode() ? "nothing" : n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static Coordinate coordinate(JsonNode xy) {
        if (xy == null || !xy.isArray() || xy.size() < 2 || !xy.get(0).isNumber() || !xy.get(1).isNumber()) {
            throw new IllegalArgumentException("a position must be [x, y] numbers, found " + shown(xy));
        }
        return new Coordinate(xy.get(0).doubleValue(), xy.get(1).doubleValue());
    }
}
