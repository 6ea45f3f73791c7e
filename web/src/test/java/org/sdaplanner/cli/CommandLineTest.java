package org.sdaplanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sda commands end to end on the real and modelled data: import, dominance and blocks,
 * exit codes, reproducible files, and conservation of patients and residents.
 */
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path dataDir() {
        String env = System.getenv("SDA_DATA_DIR");
        Path p = Path.of(env != null && !env.isBlank() ? env : System.getProperty("sda.data.dir", "../../shared/data"));
        if (!Files.isDirectory(p)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("shared data not found at " + p);
            }
            Assumptions.abort("shared data not found at " + p + ": set SDA_DATA_DIR");
        }
        return p.toAbsolutePath().normalize();
    }

    static Path manifest(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("data"))) {
            p = p.getParent();
        }
        return p.resolve("data").resolve(name);
    }

    private static int sda(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf));
        try {
            return SdaMain.run(args);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void everyCommandHasHelpAndAnUnknownOptionFails() {
        assertEquals(0, sda("--help"));
        for (String c : List.of("import", "dominance", "blocks", "build", "export", "profiles")) {
            assertEquals(0, sda(c, "--help"), c);
        }
        assertTrue(sda("import", "--no-such-option") != 0);
        assertTrue(sda("dominance") != 0, "--out is required");
    }

    @Test
    void aMissingDataFolderFailsWithAnInputError(@TempDir Path tmp) {
        int code = sda("import", "--data", tmp.resolve("nowhere").toString(), "--region",
                manifest("cambridgeshire-peterborough.json").toString(), "--db", "jdbc:h2:file:" + tmp.resolve("db"));
        assertEquals(FailureHandler.INPUT_ERROR, code);
    }

    @Test
    void staffordshireEndToEndIsReproducibleAndConservesPatients(@TempDir Path tmp) throws Exception {
        String db = runRegion(tmp, "staffordshire-stoke.json", 696, 696);
        checkBuild(tmp, db, 12, 9);
    }

    @Test
    void cambridgeshireEndToEndIsReproducibleAndConservesPatients(@TempDir Path tmp) throws Exception {
        String db = runRegion(tmp, "cambridgeshire-peterborough.json", 516, 413);
        checkBuild(tmp, db, 28, 6);
        checkProfiles(tmp, db);
    }

    /** sda profiles: for every count, and every category of every table, the areas add up to the region. */
    private void checkProfiles(Path tmp, String db) throws Exception {
        Path out = tmp.resolve("profiles");
        assertEquals(0, sda("profiles", "--db", db, "--region", manifest("cambridgeshire-peterborough.json").toString(),
                "--out", out.toString()));
        JsonNode root = JSON.readTree(out.resolve("profiles.json").toFile());
        JsonNode region = null;
        List<JsonNode> areas = new java.util.ArrayList<>();
        for (JsonNode p : root.path("profiles")) {
            if (p.path("kind").asText().equals("region")) {
                region = p;
            } else if (p.path("kind").asText().equals("area")) {
                areas.add(p);
            }
        }
        assertEquals(28, areas.size());
        assertEquals(894_516, region.path("values").path("residents").path("value").asDouble(), 0.5);
        assertEquals(859_830, region.path("values").path("age_bands").path("numerator").asDouble(), 0.5,
                "mid-2020 LSOA 2011 estimates carried onto LSOA 2021 keep every person");
        int checked = 0;
        for (java.util.Iterator<String> it = region.path("values").fieldNames(); it.hasNext(); ) {
            String id = it.next();
            JsonNode whole = region.path("values").path(id);
            if (whole.has("parts")) {
                for (java.util.Iterator<String> c = whole.path("parts").fieldNames(); c.hasNext(); ) {
                    String cat = c.next();
                    double sum = areas.stream().mapToDouble(a -> a.path("values").path(id).path("parts").path(cat).asDouble()).sum();
                    assertEquals(whole.path("parts").path(cat).asDouble(), sum, 0.01 * areas.size(), id + " / " + cat);
                    checked++;
                }
            } else if (whole.has("numerator")) {
                double sum = areas.stream().mapToDouble(a -> a.path("values").path(id).path("numerator").asDouble()).sum();
                assertEquals(whole.path("numerator").asDouble(), sum, 0.01 * areas.size(), id);
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked + " totals");
    }

    /** sda build twice: the same files; every block in one area; areas contiguous and nested; better than the baselines. */
    private void checkBuild(Path tmp, String db, int areas, int districts) throws Exception {
        Path p1 = tmp.resolve("plan1");
        Path p2 = tmp.resolve("plan2");
        String[] common = {"build", "--db", db, "--seed", "1", "--random-plans", "20"};
        List<String> a1 = new java.util.ArrayList<>(List.of(common));
        List<String> a2 = new java.util.ArrayList<>(List.of(common));
        if (areas != 28) {
            a1.addAll(List.of("--areas", Integer.toString(areas)));
            a2.addAll(List.of("--areas", Integer.toString(areas)));
        }
        a1.addAll(List.of("--out", p1.toString()));
        a2.addAll(List.of("--out", p2.toString()));
        assertEquals(0, sda(a1.toArray(new String[0])));
        assertEquals(0, sda(a2.toArray(new String[0])));
        for (String f : List.of("areas.geojson", "blocks.geojson", "parish_to_area.csv", "lsoa_to_area.csv",
                "pcn_alignment.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(p1.resolve(f)), Files.readAllBytes(p2.resolve(f)), f + " differs between runs");
        }
        JsonNode summary = JSON.readTree(p1.resolve("summary.json").toFile());
        assertEquals(areas, summary.path("plan").path("areas").asInt());
        assertEquals(areas, summary.path("areas").size());
        assertEquals(0, summary.path("plan").path("non_contiguous_areas").asInt());
        java.util.Set<String> seenDistricts = new java.util.TreeSet<>();
        for (JsonNode a : summary.path("areas")) {
            assertEquals(1, a.path("district_codes").size(), "nested in one district: " + a);
            assertTrue(a.path("contiguous").asBoolean());
            seenDistricts.add(a.path("district_codes").get(0).asText());
        }
        assertEquals(districts, seenDistricts.size());
        double alignment = summary.path("plan").path("alignment").asDouble();
        JsonNode base = summary.path("baselines");
        assertTrue(alignment > base.path("random_alignment_max").asDouble(), "beats every random contiguous plan");
        // every block in exactly one area
        List<String> rows = Files.readAllLines(p1.resolve("parish_to_area.csv"));
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertTrue(codes.add(f[0]), "block listed twice: " + f[0]);
            assertTrue(f[f.length - 1].startsWith("SDA"), row);
        }
        assertEquals(summary.path("plan").path("blocks").asInt(), codes.size());
        assertEquals(summary.path("plan").path("lsoas").asInt(), Files.readAllLines(p1.resolve("lsoa_to_area.csv")).size() - 1);
    }

    private String runRegion(Path tmp, String region, int lsoas, int blocks) throws Exception {
        String db = "jdbc:h2:file:" + tmp.resolve("db");
        Path report = tmp.resolve("report.json");
        assertEquals(0, sda("import", "--data", dataDir().toString(), "--region", manifest(region).toString(),
                "--db", db, "--report", report.toString()));
        JsonNode r = JSON.readTree(report.toFile());
        assertEquals(lsoas, r.path("layers").path("lsoa").asInt());
        if (region.startsWith("cambridgeshire")) {
            assertEquals(894_516, r.path("resident_population").asLong(), "Census 2021 usual residents of C&P (DOMAIN.md)");
        }
        long analysed = r.path("analysed_patients").asLong();

        Path d1 = tmp.resolve("d1.csv");
        Path d2 = tmp.resolve("d2.csv");
        assertEquals(0, sda("dominance", "--db", db, "--out", d1.toString()));
        assertEquals(0, sda("dominance", "--db", db, "--out", d2.toString()));
        assertArrayEquals(Files.readAllBytes(d1), Files.readAllBytes(d2), "dominance output must be byte-for-byte stable");
        List<String> rows = Files.readAllLines(d1);
        assertTrue(rows.get(0).startsWith("lsoa_code,dominant_pcn_code,dominant_share,second_pcn_code,second_share,registered_patients,contested"));
        assertEquals(lsoas + 1, rows.size(), "one row per LSOA");
        long patients = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertTrue(!f[1].isEmpty(), "every LSOA with registrations has a dominant PCN: " + row);
            patients += Long.parseLong(f[5]);
        }
        assertEquals(analysed, patients, "patients living in the region's LSOAs are all in the dominance table");

        Path b1 = tmp.resolve("b1.geojson");
        Path b2 = tmp.resolve("b2.geojson");
        assertEquals(0, sda("blocks", "--db", db, "--out", b1.toString()));
        assertEquals(0, sda("blocks", "--db", db, "--out", b2.toString()));
        assertArrayEquals(Files.readAllBytes(b1), Files.readAllBytes(b2), "blocks output must be byte-for-byte stable");
        JsonNode fc = JSON.readTree(b1.toFile());
        assertEquals(blocks, fc.path("features").size());
        double residents = 0;
        double registered = 0;
        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode f : fc.path("features")) {
            residents += f.path("properties").path("resident_population").asDouble();
            registered += f.path("properties").path("registered_population").asDouble();
            kinds.merge(f.path("properties").path("block_kind").asText(), 1, Integer::sum);
            JsonNode c = f.path("geometry").path("coordinates");
            while (c.isArray()) {
                c = c.get(0);
            }
            double lon = c.asDouble();
            assertTrue(lon > -6 && lon < 2, "EPSG:4326 longitudes");
        }
        long census = r.path("resident_population").asLong();
        assertTrue(census > 0);
        assertEquals(census, residents, 0.5 * blocks, "block residents add up to the LSOA residents");
        assertEquals(analysed, registered, 0.5 * blocks, "block registered patients add up to the analysed patients");
        assertTrue(kinds.containsKey("unparished"));
        return db;
    }
}
