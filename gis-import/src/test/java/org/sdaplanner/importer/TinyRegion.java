package org.sdaplanner.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.sdaplanner.importer.manifest.RegionManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A complete, hand-made, tiny region near Cambridge: a manifest naming every role plus the
 * GeoJSON and CSV files it points at. Tests start from {@link #standard()}, break one thing
 * (a file's text, a manifest key) and write it into a temporary folder.
 *
 * <p>The geography (EPSG:27700, 1 km squares):
 * <pre>
 *   y 259000 +-----------+-----------+-----------+
 *            | E01000001 | E01000002 | E01000005 |   Cambridge (E07000008) | Fenland (E07000010, outside)
 *   y 258000 +-----------+-----------+-----------+
 *            | E01000003 | E01000004 |                South Cambridgeshire (E07000012)
 *   y 257000 +-----------+-----------+
 *          x 545000    546000      547000      548000
 * </pre>
 * LSOA districts come from the lookup (E01000001-3), else from the LSOA name (E01000004, E01000005).
 */
public final class TinyRegion {
    public static final String MANIFEST = "tiny-region.json";
    public static final String LSOA = "boundaries/lsoa21.geojson";
    public static final String PARISH = "boundaries/parishes.geojson";
    public static final String DISTRICT = "boundaries/districts_lonlat.geojson";
    public static final String REGISTRATIONS = "nhs/gp-reg-pat-prac-lsoa.csv";
    public static final String PRACTICE_MAP = "nhs/gp-reg-pat-prac-map.csv";
    public static final String PRACTICE_LOCATIONS = "nhs/practice_locations.csv";
    public static final String POPULATION = "census/population.csv";
    public static final String LOOKUP = "lookups/lsoa11_lsoa21.csv";
    public static final String PCN = "nhs/pcn_catchments.geojson";
    public static final String POSTCODES = "os/codepoint.csv";
    public static final String ETHNICITY = "census/ethnicity.csv";
    public static final String RURAL_URBAN = "census/rural_urban.csv";

    public static final String REGISTRATIONS_URL = "https://digital.nhs.uk/data-and-information/publications/statistical/patients-registered-at-a-gp-practice";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode manifest;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private TinyRegion(ObjectNode manifest) {
        this.manifest = manifest;
    }

    /** Where a region was written. */
    public record Written(Path manifest, Path dataDir) {
        public RegionManifest load() {
            return RegionManifest.load(manifest);
        }

        public ImportedData read() {
            return new RegionImporter(Progress.SILENT).read(load(), dataDir);
        }
    }

    // ------------------------------------------------------------------ the standard region

    public static TinyRegion standard() {
        TinyRegion r = new TinyRegion(standardManifest());
        r.put(LSOA, featureCollection(null, List.of(
                square(props("LSOA21CD", "E01000001", "LSOA21NM", "Cambridge 001A"), 545000, 258000, 1000),
                square(props("LSOA21CD", "E01000002", "LSOA21NM", "Cambridge 001B"), 546000, 258000, 1000),
                square(props("LSOA21CD", "E01000003", "LSOA21NM", "South Cambridgeshire 001A"), 545000, 257000, 1000),
                square(props("LSOA21CD", "E01000004", "LSOA21NM", "South Cambridgeshire 001B"), 546000, 257000, 1000),
                square(props("LSOA21CD", "E01000005", "LSOA21NM", "Fenland 001A"), 547000, 258000, 1000))));
        r.put(PARISH, featureCollection("urn:ogc:def:crs:EPSG::27700", List.of(
                rect(props("PARNCP21CD", "E43000001", "PARNCP21NM", "Cambridge, unparished area", "LAD21CD", "E07000008"),
                        545000, 258000, 547000, 259000),
                rect(props("PARNCP21CD", "E04000001", "PARNCP21NM", "Grantchester", "LAD21CD", "E07000012"),
                        545000, 257000, 546000, 258000),
                rect(props("PARNCP21CD", "E04000002", "PARNCP21NM", "Coton", "LAD21CD", "E07000012"),
                        546000, 257000, 547000, 258000),
                rect(props("PARNCP21CD", "E04000003", "PARNCP21NM", "March", "LAD21CD", "E07000010"),
                        547000, 258000, 548000, 259000))));
        r.put(DISTRICT, featureCollection(null, List.of(
                rectLonLat(props("LAD24CD", "E07000008", "LAD24NM", "Cambridge"), 545000, 258000, 547000, 259000),
                rectLonLat(props("LAD24CD", "E07000012", "LAD24NM", "South Cambridgeshire"), 545000, 257000, 547000, 258000),
                rectLonLat(props("LAD24CD", "E07000010", "LAD24NM", "Fenland"), 547000, 258000, 548000, 259000))));
        r.put(PCN, featureCollection(null, List.of(
                rect(props("pcn_code", "U00001", "pcn_name", "North PCN"), 545000, 258000, 547000, 259000),
                rect(props("pcn_code", "U00002", "pcn_name", "South PCN"), 545000, 257000, 547000, 258000))));
        r.put(REGISTRATIONS, lines(
                "EXTRACT_DATE,PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS",
                "2025-10-01,D81001,E01000001,MALE,100",      // row 2
                "2025-10-01,D81001,E01000001,FEMALE,110",    // row 3: same cell as row 2, summed
                "2025-10-01,D81001,E01000002,MALE,50",       // row 4
                "2025-10-01,D81002,E01000002,FEMALE,80",     // row 5
                "2025-10-01,D81002,E01000003,MALE,120",      // row 6
                "2025-10-01,D81003,E01000004,FEMALE,90",     // row 7
                "2025-10-01,D81003,E01000003,MALE,30",       // row 8
                "2025-10-01,X99001,E01000004,MALE,40",       // row 9: practice from another sub-ICB
                "2025-10-01,D81001,CLOSED,MALE,5",           // row 10: not an LSOA
                "2025-10-01,D81002,CLOSED,FEMALE,3",         // row 11: not an LSOA
                "2025-10-01,D81003,W01000123,MALE,7",        // row 12: Wales
                "2025-10-01,D81002,E01000005,FEMALE,11",     // row 13: English LSOA of Fenland (in the layer)
                "2025-10-01,D81001,E01099999,MALE,2"));      // row 14: English LSOA in no file
        r.put(PRACTICE_MAP, lines(
                "PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,SUB_ICB_LOCATION_CODE",
                "D81001,\"Alpha Surgery, Mill Road\",CB1 1AA,U00001,North PCN,06H",
                "D81002,Beta Practice,CB2 2BB,U00001,North PCN,06H",
                "D81003,Gamma Health Centre,CB3 3CC,U00002,South PCN,06H",
                "D81004,Delta Surgery,CB4 4DD,U,Unallocated,06H",
                "X99001,Elsewhere Medical Centre,PE1 1ZZ,U00099,Far PCN,07H"));
        r.put(PRACTICE_LOCATIONS, lines(
                "PRACTICE_CODE,CODEPOINT_EASTING,CODEPOINT_NORTHING",
                "D81001,545500,258500",
                "D81002,546500,258500",
                "D81003,545500,257500",
                "D81004,546500,257500",
                "X99001,547500,258500"));
        r.put(POPULATION, lines(
                "LSOA21CD,Population",
                "E01000001,1500",
                "E01000002,1600",
                "E01000003,1700",
                "E01000004,1800",
                "E01000005,1900",
                ",\"Source: Census 2021, a footnote\""));
        r.put(LOOKUP, lines(
                "lsoa11_code,lsoa21_code,change_code,ltla22_code",
                "E01000001,E01000001,U,E07000008",
                "E01000002,E01000002,U,E07000008",
                "E01000003,E01000003,U,E07000012"));
        r.put(POSTCODES, lines(
                "PC,EA,NO,DC",
                "CB1 1AA,545500,258500,E07000008",
                "CB2 2BB,546500,258500,E07000008",
                "CB3 3CC,545500,257500,E07000012",
                "CB4 4DD,,,E07000012",
                "PE1 1ZZ,547500,258500,E07000010"));
        List<String> eth = new ArrayList<>(List.of("lsoa21_code,ethnic_group,n"));
        List<String> ruc = new ArrayList<>(List.of("lsoa21_code,ruc21_code,density"));
        for (int i = 1; i <= 5; i++) {
            eth.add("E0100000" + i + ",White," + (1000 + i));
            eth.add("E0100000" + i + ",\"Asian, Asian British\"," + (100 + i));
            ruc.add("E0100000" + i + "," + (i <= 2 ? "UN1" : "RSN1") + "," + (i * 1000 + 0.5));
        }
        r.put(ETHNICITY, lines(eth.toArray(new String[0])));
        r.put(RURAL_URBAN, lines(ruc.toArray(new String[0])));
        return r;
    }

    private static ObjectNode standardManifest() {
        ObjectNode m = JSON.createObjectNode();
        m.put("manifest_version", 1);
        ObjectNode region = m.putObject("region");
        region.put("id", "tiny-cambridge");
        region.put("name", "Tiny Cambridge");
        region.put("areas", 3);
        region.put("lsoa_vintage", "2021");
        ArrayNode ds = region.putArray("districts");
        ds.addObject().put("code", "E07000008").put("name", "Cambridge");
        ds.addObject().put("code", "E07000012").put("name", "South Cambridgeshire");
        ObjectNode pf = region.putObject("practice_filter");
        pf.put("column", "SUB_ICB_LOCATION_CODE");
        pf.putArray("values").add("06H");

        ObjectNode in = m.putObject("inputs");
        ObjectNode lsoa = source(in, "lsoa_boundaries", LSOA, "geojson", "2021",
                "LSOA (December 2021) Boundaries EW", "https://geoportal.statistics.gov.uk/search?q=BDY_LSOA%20DEC_2021");
        lsoa.put("crs", "EPSG:27700");
        columns(lsoa, "code", "LSOA21CD", "name", "LSOA21NM");
        ObjectNode parish = source(in, "parish_boundaries", PARISH, "geojson", "2021",
                "Parishes (December 2021)", "https://geoportal.statistics.gov.uk/search?q=BDY_PARNCP%20DEC_2021");
        columns(parish, "code", "PARNCP21CD", "name", "PARNCP21NM", "district", "LAD21CD");
        parish.putArray("unparished_code_prefixes").add("E43");
        ObjectNode district = source(in, "district_boundaries", DISTRICT, "geojson", "2024",
                "LAD (May 2024) BUC", "https://geoportal.statistics.gov.uk/search?q=BDY_LAD%202024");
        columns(district, "code", "LAD24CD", "name", "LAD24NM");
        ObjectNode reg = source(in, "registrations", REGISTRATIONS, "csv", "2021",
                "Patients registered at a GP practice by LSOA", REGISTRATIONS_URL);
        columns(reg, "practice", "PRACTICE_CODE", "lsoa", "LSOA_CODE", "patients", "NUMBER_OF_PATIENTS", "sex", "SEX",
                "extract_date", "EXTRACT_DATE");
        ObjectNode map = source(in, "practice_map", PRACTICE_MAP, "csv", "October 2025",
                "Practice to PCN map", REGISTRATIONS_URL);
        columns(map, "practice", "PRACTICE_CODE", "name", "PRACTICE_NAME", "postcode", "PRACTICE_POSTCODE",
                "pcn", "PCN_CODE", "pcn_name", "PCN_NAME");
        ObjectNode loc = source(in, "practice_locations", PRACTICE_LOCATIONS, "csv", "October 2025",
                "Practice locations", "https://osdatahub.os.uk/downloads/open/CodePointOpen");
        loc.put("crs", "EPSG:27700");
        columns(loc, "practice", "PRACTICE_CODE", "x", "CODEPOINT_EASTING", "y", "CODEPOINT_NORTHING");
        ObjectNode pop = source(in, "lsoa_population", POPULATION, "csv", "Census 2021",
                "Census 2021 TS001", "https://www.nomisweb.co.uk/sources/census_2021_bulk");
        columns(pop, "code", "LSOA21CD", "value", "Population");
        ObjectNode lookup = source(in, "lsoa_lookup", LOOKUP, "csv", "2011 to 2021",
                "LSOA11 to LSOA21 lookup", "https://geoportal.statistics.gov.uk/search?q=LUP_LSOA11_LSOA21_LAD22");
        columns(lookup, "code_2011", "lsoa11_code", "code_2021", "lsoa21_code", "change", "change_code",
                "district", "ltla22_code");
        ObjectNode pcn = source(in, "pcn_catchments", PCN, "geojson", "2020",
                "PCN catchments", "https://github.com/humaniverse/geographr");
        pcn.put("crs", "EPSG:27700");
        columns(pcn, "code", "pcn_code", "name", "pcn_name");
        ObjectNode pc = source(in, "postcodes", POSTCODES, "csv", "2025.4",
                "Code-Point Open", "https://osdatahub.os.uk/downloads/open/CodePointOpen");
        pc.put("crs", "EPSG:27700");
        columns(pc, "code", "PC", "x", "EA", "y", "NO", "district", "DC");
        ArrayNode tables = in.putArray("tables");
        ObjectNode eth = table(tables, "ethnicity", ETHNICITY, "long");
        columns(eth, "code", "lsoa21_code", "category", "ethnic_group", "value", "n");
        ObjectNode ruc = table(tables, "rural_urban", RURAL_URBAN, "wide");
        ruc.putObject("columns").put("code", "lsoa21_code").putArray("fields").add("ruc21_code").add("density");
        return m;
    }

    private static ObjectNode source(ObjectNode inputs, String role, String path, String format, String vintage,
                                     String title, String url) {
        ObjectNode s = inputs.putObject(role);
        s.put("path", path);
        s.put("format", format);
        s.put("vintage", vintage);
        s.put("title", title);
        s.put("source_url", url);
        s.put("licence", "Open Government Licence v3.0");
        s.put("attribution", "Attribution for " + role);
        return s;
    }

    private static ObjectNode table(ArrayNode tables, String id, String path, String layout) {
        ObjectNode t = tables.addObject();
        t.put("id", id);
        t.put("path", path);
        t.put("format", "csv");
        t.put("vintage", "Census 2021");
        t.put("layout", layout);
        t.put("title", "Table " + id);
        t.put("source_url", "https://www.nomisweb.co.uk/sources/census_2021_bulk");
        t.put("licence", "Open Government Licence v3.0");
        t.put("attribution", "Source: Office for National Statistics");
        return t;
    }

    private static void columns(ObjectNode s, String... kv) {
        ObjectNode c = s.putObject("columns");
        for (int i = 0; i < kv.length; i += 2) {
            c.put(kv[i], kv[i + 1]);
        }
    }

    // ------------------------------------------------------------------ hooks to break things

    public ObjectNode manifest() {
        return manifest;
    }

    /** The manifest entry of a single-file role, e.g. {@code input("registrations")}. */
    public ObjectNode input(String role) {
        return (ObjectNode) manifest.get("inputs").get(role);
    }

    /** Drops a role from the manifest and its file from the data folder. */
    public TinyRegion withoutInput(String role) {
        ObjectNode in = (ObjectNode) manifest.get("inputs");
        String path = in.get(role).get("path").asText();
        in.remove(role);
        files.remove(path);
        return this;
    }

    public TinyRegion put(String path, String text) {
        return put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public TinyRegion put(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    /** Leaves a file out of the data folder (the manifest still names it). */
    public TinyRegion remove(String path) {
        files.remove(path);
        return this;
    }

    public String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    public TinyRegion edit(String path, UnaryOperator<String> change) {
        String before = text(path);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit changed nothing in " + path);
        }
        return put(path, after);
    }

    /** Replaces line {@code n} (1-based, the header is line 1) of a text file. */
    public TinyRegion replaceLine(String path, int n, String line) {
        List<String> ls = new ArrayList<>(Arrays.asList(text(path).split("\n", -1)));
        ls.set(n - 1, line);
        return put(path, String.join("\n", ls));
    }

    public TinyRegion appendLine(String path, String line) {
        return put(path, text(path) + line + "\n");
    }

    /** Writes the data files under {@code dir/data} and the manifest as {@code dir/tiny-region.json}. */
    public Written writeTo(Path dir) {
        try {
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path p = data.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            Path m = dir.resolve(MANIFEST);
            // getBytes: text no UTF-8 can hold (a lone surrogate from a fuzzed value) becomes '?' rather than failing the write
            Files.write(m, JSON.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
            return new Written(m, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ small writers

    public static String lines(String... ls) {
        return String.join("\n", ls) + "\n";
    }

    public static Map<String, String> props(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A FeatureCollection, with a legacy {@code crs} member when {@code crsName} is given. */
    public static String featureCollection(String crsName, List<String> features) {
        StringBuilder sb = new StringBuilder("{\n  \"type\": \"FeatureCollection\",\n");
        if (crsName != null) {
            sb.append("  \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"").append(crsName).append("\"}},\n");
        }
        sb.append("  \"features\": [\n    ").append(String.join(",\n    ", features)).append("\n  ]\n}\n");
        return sb.toString();
    }

    /** A Polygon feature with one ring given as x,y pairs (closed here). */
    public static String polygon(Map<String, String> props, double... xy) {
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i <= xy.length; i += 2) {
            int j = i == xy.length ? 0 : i;
            ring.append(ring.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "[%s, %s]", num(xy[j]), num(xy[j + 1])));
        }
        StringBuilder p = new StringBuilder();
        props.forEach((k, v) -> p.append(p.isEmpty() ? "" : ", ").append('"').append(k).append("\": \"").append(v).append('"'));
        return "{\"type\": \"Feature\", \"properties\": {" + p + "}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [["
                + ring + "]]}}";
    }

    public static String square(Map<String, String> props, double x0, double y0, double size) {
        return rect(props, x0, y0, x0 + size, y0 + size);
    }

    public static String rect(Map<String, String> props, double x0, double y0, double x1, double y1) {
        return polygon(props, x0, y0, x1, y0, x1, y1, x0, y1);
    }

    /** The same rectangle (given in EPSG:27700) with its corners in WGS84 longitude/latitude. */
    public static String rectLonLat(Map<String, String> props, double x0, double y0, double x1, double y1) {
        double[] a = toLonLat(x0, y0);
        double[] b = toLonLat(x1, y0);
        double[] c = toLonLat(x1, y1);
        double[] d = toLonLat(x0, y1);
        return polygon(props, a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]);
    }

    private static CoordinateTransform bngToLonLat;

    /** EPSG:27700 to WGS84 longitude/latitude (proj4j; the transform is built once, it is slow to set up). */
    public static synchronized double[] toLonLat(double x, double y) {
        if (bngToLonLat == null) {
            CRSFactory f = new CRSFactory();
            bngToLonLat = new CoordinateTransformFactory().createTransform(
                    f.createFromName("EPSG:27700"), f.createFromName("EPSG:4326"));
        }
        ProjCoordinate out = new ProjCoordinate();
        bngToLonLat.transform(new ProjCoordinate(x, y), out);
        return new double[]{out.x, out.y};
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.10f", v);
    }
}
