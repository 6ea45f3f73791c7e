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
        for (String c : List.of("import", "dominance", "blocks")) {
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
        runRegion(tmp, "staffordshire-stoke.json", 696, 696);
    }

    @Test
    void cambridgeshireEndToEndIsReproducibleAndConservesPatients(@TempDir Path tmp) throws Exception {
        runRegion(tmp, "cambridgeshire-peterborough.json", 516, 498);
    }

    private void runRegion(Path tmp, String region, int lsoas, int blocks) throws Exception {
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
    }
}
