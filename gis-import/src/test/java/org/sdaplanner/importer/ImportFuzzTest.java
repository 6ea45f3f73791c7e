package org.sdaplanner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.SpatialStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Property-based fuzzing of the import: the tiny region with one thing broken at random (a CSV cell,
 * line or cut; a GeoJSON node; a manifest key), thousands of times. Every case must end in one of two
 * ways: refused with an {@link InputException} whose message shows none of the program's insides, or
 * accepted and then written to a store without error. Anything else (a NullPointerException, a
 * database error, a stack overflow) is a bug in the validation.
 *
 * <p>The seeds are fixed so that CI runs the same cases every time; change them to explore.
 */
class ImportFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CSV_FILES = List.of(TinyRegion.REGISTRATIONS, TinyRegion.PRACTICE_MAP,
            TinyRegion.PRACTICE_LOCATIONS, TinyRegion.POPULATION, TinyRegion.LOOKUP, TinyRegion.POSTCODES, TinyRegion.ETHNICITY,
            TinyRegion.RURAL_URBAN);
    private static final List<String> GEOJSON_FILES = List.of(TinyRegion.LSOA, TinyRegion.PARISH, TinyRegion.DISTRICT,
            TinyRegion.PCN);
    /** Values real files and spreadsheets have been seen to hold, and values that break naive code. */
    private static final List<String> NASTY = List.of("", " ", "-1", "-7", "0", "3000000000", "99999999999999999999", "1e400",
            "NaN", "Infinity", "-0", "1,944", "12.5", "=1+1", "+SUM(A1)", "@cmd", "\t=1", "E01100001", "E01000001", "W01000123",
            "CLOSED", "\"", "\"\"", ",", "a,b", "line\nbreak", "\r", "\u0000", "\u001b[31m", "\u202e", "\ud800", "🙂", "É01",
            "x".repeat(300), "null", "true", "{}", "[]", "EPSG:4326", "../../etc/passwd", "/etc/passwd", "2011", "2021", "42");

    private static SpatialStore store;
    private static Path root;
    private static final AtomicInteger refused = new AtomicInteger();
    private static final AtomicInteger accepted = new AtomicInteger();

    @BeforeContainer
    static void openStore() throws IOException {
        // thousands of tiny regions are written: in memory when the machine has a RAM disk, and an in-memory store
        Path shm = Path.of("/dev/shm");
        root = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "sda-fuzz")
                : Files.createTempDirectory("sda-fuzz");
        store = SpatialStore.open("jdbc:h2:mem:sda-fuzz-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        System.out.println("ImportFuzzTest: " + refused.get() + " refused with a message, " + accepted.get()
                + " accepted and stored");
        delete(root);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 1200, seed = "13")
    void aMutatedCsvIsRefusedWithAMessageOrImported(@ForAll("csvMutations") CsvMutation m) {
        TinyRegion r = TinyRegion.standard();
        r.put(m.file(), m.apply(r.text(m.file())));
        check(r);
    }

    @Property(tries = 900, seed = "14")
    void aMutatedGeoJsonIsRefusedWithAMessageOrImported(@ForAll("geoJsonMutations") TreeMutation m) {
        TinyRegion r = TinyRegion.standard();
        String file = GEOJSON_FILES.get(m.target() % GEOJSON_FILES.size());
        r.put(file, m.apply(r.text(file)));
        check(r);
    }

    @Property(tries = 900, seed = "15")
    void aMutatedManifestIsRefusedWithAMessageOrImported(@ForAll("manifestMutations") TreeMutation m) throws IOException {
        TinyRegion r = TinyRegion.standard();
        String changed = m.apply(JSON.writeValueAsString(r.manifest()));
        JsonNode tree;
        try {
            tree = JSON.readTree(changed);
        } catch (IOException e) {
            tree = null;
        }
        if (tree instanceof ObjectNode o) {
            r.manifest().removeAll();
            r.manifest().setAll(o);
        }
        check(r);
    }

    /** Refused with a clean message, or accepted and stored. */
    private static void check(TinyRegion r) {
        Path dir;
        try {
            dir = Files.createTempDirectory(root, "case");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            TinyRegion.Written w = r.writeTo(dir);
            ImportedData data;
            try {
                data = new RegionImporter(Progress.SILENT).read(RegionManifest.load(w.manifest()), w.dataDir());
            } catch (InputException e) {
                ImportHarness.assertNoInternals(e.getMessage());
                refused.incrementAndGet();
                return;
            }
            new ImportWriter(store, Progress.SILENT).write(data);
            accepted.incrementAndGet();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ mutations

    /** One change to a CSV: replace a cell, drop or repeat a line, cut the file, rename a column, add a cell. */
    record CsvMutation(String file, int kind, int row, int col, String value, double cut) {
        String apply(String text) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            int i = Math.floorMod(row, lines.size());
            List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
            int j = Math.floorMod(col, cells.size());
            switch (kind) {
                case 0 -> cells.set(j, value);
                case 1 -> cells.set(j, "\"" + value.replace("\"", "\"\"") + "\"");
                case 2 -> lines.remove(i);
                case 3 -> lines.add(i, lines.get(i));
                case 4 -> {
                    return text.substring(0, (int) (cut * text.length()));
                }
                case 5 -> cells.add(j, value);
                default -> cells.remove(j);
            }
            if (kind != 2 && kind != 3 && i < lines.size()) {
                lines.set(i, String.join(",", cells));
            }
            return String.join("\n", lines);
        }
    }

    /** One change to a JSON tree: replace the n-th node with a value, remove it, or swap a pair of numbers. */
    record TreeMutation(int target, int node, int kind, JsonNode value) {
        String apply(String json) {
            JsonNode tree;
            try {
                tree = JSON.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<JsonNode[]> slots = new ArrayList<>();   // {parent, child}, depth first
            collect(tree, slots);
            if (slots.isEmpty()) {
                return json;
            }
            JsonNode[] slot = slots.get(Math.floorMod(node, slots.size()));
            JsonNode parent = slot[0];
            JsonNode child = slot[1];
            if (parent instanceof ObjectNode o) {
                String key = null;
                for (var it = o.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (e.getValue() == child) {
                        key = e.getKey();
                    }
                }
                if (kind == 0) {
                    o.remove(key);
                } else {
                    o.set(key, kind == 1 && child.isArray() ? swapped((ArrayNode) child) : value);
                }
            } else if (parent instanceof ArrayNode a) {
                int idx = -1;
                for (int k = 0; k < a.size(); k++) {
                    if (a.get(k) == child) {
                        idx = k;
                    }
                }
                if (kind == 0) {
                    a.remove(idx);
                } else {
                    a.set(idx, kind == 1 && child.isArray() ? swapped((ArrayNode) child) : value);
                }
            }
            try {
                return JSON.writeValueAsString(tree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static ArrayNode swapped(ArrayNode a) {
            ArrayNode out = a.deepCopy();
            if (out.size() >= 2) {
                JsonNode first = out.get(0);
                out.set(0, out.get(1));
                out.set(1, first);
            }
            return out;
        }

        private static void collect(JsonNode n, List<JsonNode[]> out) {
            n.forEach(child -> {
                out.add(new JsonNode[]{n, child});
                collect(child, out);
            });
        }
    }

    // ------------------------------------------------------------------ generators

    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of(NASTY),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('0', '9').withChars('-', '.', 'e', 'E', ',').ofMinLength(1).ofMaxLength(25),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf));
    }

    @Provide
    Arbitrary<CsvMutation> csvMutations() {
        return Combinators.combine(Arbitraries.of(CSV_FILES), Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 8), values(),
                        Arbitraries.doubles().between(0, 1))
                .as(CsvMutation::new);
    }

    private static Arbitrary<JsonNode> jsonValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                values().map(f::textNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.of(-1e308, -180.0, -90.0, -1.0, 0.0, 1.0, 52.2, 90.0, 180.0, 545000.0, 1e15, 1e308).map(f::numberNode),
                Arbitraries.longs().map(f::numberNode),
                Arbitraries.of(f.nullNode(), f.booleanNode(true), f.arrayNode(), f.objectNode(),
                        f.arrayNode().add(1).add(2), f.arrayNode().add(f.arrayNode().add(0).add(0)),
                        f.objectNode().put("type", "Point")));
    }

    @Provide
    Arbitrary<TreeMutation> geoJsonMutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 2), jsonValues()).as(TreeMutation::new);
    }

    @Provide
    Arbitrary<TreeMutation> manifestMutations() {
        return Combinators.combine(Arbitraries.just(0), Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 2), jsonValues()).as(TreeMutation::new);
    }
}
