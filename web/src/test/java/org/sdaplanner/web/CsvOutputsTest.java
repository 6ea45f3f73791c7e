package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.cli.QuietRun;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.web.auth.AccountAdmin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every CSV the project writes, from the command line and from the map server, with names, codes
 * and texts that a spreadsheet would run as formulas: parish, district and PCN names in the store
 * (as an older import or another tool may have left them), an area renamed " =1+1", comments and a
 * moderation reason starting with = and @. No cell of any CSV may start as a formula does (= + - @,
 * a tab or a line break, or white space and then one of those) unless it is a plain number.
 */
class CsvOutputsTest {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String FORMULA_START = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    @TempDir
    Path dir;

    /**
     * The routes read above are every route that answers CSV (openapi.json documents each one's text/csv
     * answer; a new one must join the test above), and the download's CSV formats are the two read.
     */
    @Test
    void theTestReadsEveryCsvTheServerSends() throws Exception {
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                CsvOutputsTest.class.getResourceAsStream(OpenApiDocument.RESOURCE));
        List<String> csvRoutes = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().path("responses").toString().contains("text/csv")) {
                csvRoutes.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertEquals(List.of("GET /api/plans/{id}/pcn-alignment", "GET /api/plans/{id}/download", "GET /api/plans/{id}/profiles",
                "GET /api/plans/{id}/comments"), csvRoutes);
        List<String> csvFormats = new ArrayList<>();
        for (JsonNode p : doc.path("paths").path("/api/plans/{id}/download").path("get").path("parameters")) {
            p.path("schema").path("enum").forEach(f -> {
                if (f.asText().contains("csv")) {
                    csvFormats.add(f.asText());
                }
            });
        }
        assertEquals(List.of("blocks-csv", "lsoas-csv"), csvFormats);
    }

    @Test
    void noCsvCellCanRunAsAFormula() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store").resolve("sda");
        SpatialStore store = TestData.importedStore(url);
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE parish SET name = '=1+1' WHERE code = (SELECT MIN(code) FROM parish WHERE NOT unparished)");
            s.executeUpdate("UPDATE parish SET name = ' =HYPERLINK(\"http://evil.example\",\"click\")'"
                    + " WHERE code = (SELECT MAX(code) FROM parish WHERE NOT unparished)");
            s.executeUpdate("UPDATE district SET name = CHAR(9) || '@SUM(A1)' WHERE code = 'E07000008'");
            s.executeUpdate("UPDATE pcn SET name = '+cmd|'' /C calc''!A0' WHERE code = (SELECT MIN(code) FROM pcn)");
            s.executeUpdate("UPDATE lsoa SET name = '-2+3' WHERE code = (SELECT MIN(code) FROM lsoa)");
            // the import's snapshot of these tables is what commands read: a hand edit drops it (docs/user-guide.md)
            s.executeUpdate("DELETE FROM geography_snapshot");
        }
        Map<String, String> csvs = new LinkedHashMap<>();

        // the command line's CSVs
        Path plan = dir.resolve("plan");
        Path profiles = dir.resolve("profiles");
        Path dominance = dir.resolve("dominance.csv");
        assertEquals(0, QuietRun.sda("dominance", "--db", url, "--out", dominance.toString()));
        assertEquals(0, QuietRun.sda("build", "--db", url, "--random-plans", "0", "--out", plan.toString()));
        assertEquals(0, QuietRun.sda("profiles", "--db", url, "--out", profiles.toString()));
        csvs.put("sda dominance", Files.readString(dominance));
        for (String f : List.of("parish_to_area.csv", "lsoa_to_area.csv", "pcn_alignment.csv")) {
            csvs.put("sda build " + f, Files.readString(plan.resolve(f)));
        }
        csvs.put("sda profiles profiles.csv", Files.readString(profiles.resolve("profiles.csv")));

        // the map server's CSVs
        try (PlannerService service = PlannerService.open(store)) {
            service.ensureDefaultPlan("test");
            try (MapServer server = MapServer.start(service, TestData.GENEROUS, "127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + server.port();
                TestAccounts accounts = new TestAccounts(store, base);
                new AccountAdmin(new AccountRepository(store), id -> { }).add("cllr-formula", "@SUM(A1) for Cllr", Role.MEMBER,
                        TestAccounts.PASSWORD, new Actor("test", "local"));
                Http member = new Http(base).signIn("cllr-formula", TestAccounts.PASSWORD);
                Http analyst = accounts.analyst("ana-csv");
                long id = ok(analyst.get("/api/plans")).get(0).path("id").asLong();
                JsonNode p = ok(analyst.get("/api/plans/" + id));
                String area = p.path("areas").get(0).path("area_id").asText();
                JsonNode comment = created(member.post("/api/plans/" + id + "/comments",
                        Http.json(Map.of("area", area, "text", "=HYPERLINK(\"http://evil.example\",\"see\")"))));
                created(member.post("/api/plans/" + id + "/comments", Http.json(Map.of("area", area, "text", "\t=1+2"))));
                ok(analyst.send("PATCH", "/api/plans/" + id + "/areas/" + area, Http.json(Map.of("name", " =1+1",
                        "revision", p.path("revision").asLong()))));
                created(member.post("/api/plans/" + id + "/comments", Http.json(Map.of("area", area, "text", "after the rename"))));
                ok(analyst.post("/api/comments/" + comment.path("id").asLong() + "/hide",
                        Http.json(Map.of("reason", "-1+1 not a comment", "revision", comment.path("revision").asLong()))));
                csvs.put("comments", text(analyst.get("/api/plans/" + id + "/comments?format=csv")));
                csvs.put("pcn matrix", text(analyst.get("/api/plans/" + id + "/pcn-alignment?format=csv")));
                csvs.put("profiles", text(analyst.get("/api/plans/" + id + "/profiles?format=csv")));
                csvs.put("download blocks-csv", text(analyst.get("/api/plans/" + id + "/download?format=blocks-csv")));
                csvs.put("download lsoas-csv", text(analyst.get("/api/plans/" + id + "/download?format=lsoas-csv")));
            }
        }

        int cells = 0;
        List<String> neutralised = new ArrayList<>();
        for (Map.Entry<String, String> e : csvs.entrySet()) {
            List<List<String>> rows = parse(e.getValue());
            assertTrue(rows.size() > 1, e.getKey() + " has rows");
            for (int r = 0; r < rows.size(); r++) {
                for (String cell : rows.get(r)) {
                    cells++;
                    if (couldRun(cell)) {
                        fail(e.getKey() + ", row " + (r + 1) + ": the cell <" + cell + "> would run as a formula");
                    }
                    if (cell.startsWith("'")) {
                        neutralised.add(e.getKey() + ": " + cell);
                    }
                }
            }
        }
        assertTrue(cells > 10_000, cells + " cells checked");
        // the dangerous values did reach the CSVs, neutralised (so the check above is not vacuous)
        for (String[] expected : new String[][]{
                {"sda build parish_to_area.csv", "'=1+1"}, {"sda build parish_to_area.csv", "' =HYPERLINK(\"http://evil.example\",\"click\")"},
                {"sda profiles profiles.csv", "'\t@SUM(A1)"}, {"profiles", "'\t@SUM(A1)"},
                {"pcn matrix", "'+cmd|' /C calc'!A0"},
                {"comments", "'=HYPERLINK(\"http://evil.example\",\"see\")"}, {"comments", "'\t=1+2"},
                {"comments", "'-1+1 not a comment"}, {"comments", "'=1+1"},
                {"download blocks-csv", "'=1+1"}}) {
            assertTrue(neutralised.contains(expected[0] + ": " + expected[1]),
                    "expected " + expected[1] + " in " + expected[0] + "; neutralised cells: " + neutralised);
        }
    }

    /** What a spreadsheet would run: a formula start, possibly after white space; plain numbers are data. */
    static boolean couldRun(String cell) {
        if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        String stripped = cell.stripLeading();
        return !stripped.isEmpty() && FORMULA_START.indexOf(stripped.charAt(0)) >= 0;
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }


    private static JsonNode ok(Http.Response r) {
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static JsonNode created(Http.Response r) {
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    private static String text(Http.Response r) {
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.header("Content-Type").startsWith("text/csv"), r::toString);
        return r.text();
    }
}
