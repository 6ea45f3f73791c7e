package org.sdaplanner.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sdaplanner.web.api.ApiError;
import org.sdaplanner.web.http.ApiJson;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records of {@code org.sdaplanner.web.api} and the schemas of {@code /api/openapi.json} cannot
 * drift apart: each record is written by the API's JSON mapper (an instance with every component
 * set) and the fields it writes must be the schema's properties, in the same order, with the types
 * the schema gives, down through nested records and lists. Every record must meet its schema (by
 * name, or as the inline items of another record's schema), and every object schema of the document
 * must be a record's or one of the shapes the exporters write (checked on live answers by
 * {@link ApiRecordingTest}).
 */
class OpenApiContractTest {
    /** Records whose schema has another name (the document's names are part of the contract). */
    static final Map<String, String> SCHEMA_OF = Map.of("ApiError", "Error", "RegionInfo", "Region", "PlanRename", "Name");
    /** Schemas of shapes the exporters write as maps (PlanFiles, ProfileFiles) or of GeoJSON. */
    static final Set<String> EXPORTED_SHAPES = Set.of("Summary", "Area", "Profile", "Profiles", "Indicator", "IndicatorValue",
            "FeatureCollection");

    private final OpenApiDocument doc = OpenApiDocument.load();
    private final Set<Class<?>> checked = new HashSet<>();
    private final List<String> wrong = new ArrayList<>();

    @Test
    void everyRecordMatchesItsSchemaAndEverySchemaHasARecord() throws Exception {
        List<Class<?>> records = apiRecords();
        assertTrue(records.size() > 40, "found the api records: " + records);
        Set<String> covered = new TreeSet<>(EXPORTED_SHAPES);
        for (Class<?> r : records) {
            String name = schemaName(r);
            if (hasSchema(name)) {
                check(r, doc.schema(name), name);
                covered.add(name);
            }
        }
        for (Class<?> r : records) {
            if (!checked.contains(r)) {
                wrong.add(r.getSimpleName() + ": no schema " + schemaName(r) + " in openapi.json, and no schema holds it inline");
            }
        }
        Set<String> orphans = new TreeSet<>();
        for (Iterator<String> it = doc.schemaNames(); it.hasNext(); ) {
            String s = it.next();
            if (!covered.contains(s)) {
                orphans.add(s);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " differences between the records and openapi.json:\n" + String.join("\n", wrong));
        assertEquals(Set.of(), orphans, "schemas of openapi.json that no record (or exported shape) answers to");
    }

    /**
     * Every text a request can carry (body fields, array items, query and path parameters) has a documented
     * limit: a {@code maxLength} (with a {@code pattern} for its characters) or an {@code enum}. ApiInputProbeTest
     * holds the server to these limits, one character over each.
     */
    @Test
    void everyRequestTextHasADocumentedLimit() throws Exception {
        JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                OpenApiContractTest.class.getResourceAsStream(OpenApiDocument.RESOURCE));
        List<String> unlimited = new ArrayList<>();
        int texts = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode param = doc.deref(p);
                    if (!param.path("in").asText().equals("header")) {
                        texts += limited(doc.deref(param.path("schema")), where + " " + param.path("name").asText(), unlimited);
                    }
                }
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (!body.isMissingNode()) {
                    for (Iterator<Map.Entry<String, JsonNode>> props = doc.resolve(body).path("properties").fields(); props.hasNext(); ) {
                        Map.Entry<String, JsonNode> prop = props.next();
                        JsonNode ps = doc.deref(prop.getValue());
                        texts += limited(ps.path("type").asText().equals("array") ? doc.deref(ps.path("items")) : ps,
                                where + " body." + prop.getKey(), unlimited);
                    }
                }
            }
        }
        assertTrue(texts > 40, "request texts found: " + texts);
        assertEquals(List.of(), unlimited, "request texts without a documented limit");
    }

    private static int limited(JsonNode schema, String where, List<String> unlimited) {
        if (!schema.path("type").asText().equals("string")) {
            return 0;
        }
        if (!schema.has("enum") && !(schema.has("maxLength") && schema.has("pattern"))) {
            unlimited.add(where);
        }
        return 1;
    }

    /** The checker itself: a field renamed, added, dropped, reordered or retyped is caught. */
    @Test
    void theCheckCatchesDrift() {
        record Renamed(String errorText) {
        }
        record Added(String error, int extra) {
        }
        record Retyped(int error) {
        }
        record Reordered(long revision, String error) {
        }
        check(Renamed.class, doc.schema("Error"), "Error");
        check(Added.class, doc.schema("Error"), "Error");
        check(Retyped.class, doc.schema("Error"), "Error");
        check(Reordered.class, doc.schema("ConflictError"), "ConflictError");
        assertEquals(4, wrong.size(), String.join("\n", wrong));
        wrong.clear();
        check(ApiError.class, doc.schema("Error"), "Error");
        assertEquals(List.of(), wrong);
    }

    // ---- the check ---------------------------------------------------------------------------

    private void check(Class<?> record, JsonNode schema, String where) {
        checked.add(record);
        JsonNode s = doc.resolve(schema);
        JsonNode json = ApiJson.MAPPER.valueToTree(sample(record));
        List<String> written = new ArrayList<>();
        json.fieldNames().forEachRemaining(written::add);
        List<String> documented = new ArrayList<>();
        s.path("properties").fieldNames().forEachRemaining(documented::add);
        if (!written.equals(documented)) {
            wrong.add(where + " (" + record.getSimpleName() + "): the record writes " + written + ", the document has " + documented);
            return;
        }
        s.path("required").forEach(r -> {
            if (!written.contains(r.asText())) {
                wrong.add(where + ": required '" + r.asText() + "' is not a field of " + record.getSimpleName());
            }
        });
        List<Type> types = flatTypes(record);
        for (int i = 0; i < written.size(); i++) {
            String name = written.get(i);
            checkType(types.get(i), s.path("properties").path(name), where + "." + name);
        }
    }

    private void checkType(Type t, JsonNode property, String where) {
        String ref = OpenApiDocument.refName(property);
        JsonNode s = doc.resolve(property);
        String type = s.path("type").asText("");
        Class<?> raw = raw(t);
        if (raw.isRecord()) {
            if (ref != null && !ref.equals(schemaName(raw))) {
                wrong.add(where + ": the document names schema " + ref + ", the record is " + raw.getSimpleName());
            } else {
                check(raw, s, where);
            }
        } else if (raw == String.class || raw.isEnum()) {
            same(where, "string", type);
        } else if (raw == boolean.class || raw == Boolean.class) {
            same(where, "boolean", type);
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            same(where, "integer", type);
        } else if (raw == double.class || raw == Double.class) {
            same(where, "number", type);
        } else if (raw.isArray()) {
            same(where, "array", type);
            checkType(raw.getComponentType(), s.path("items"), where + "[]");
        } else if (List.class.isAssignableFrom(raw)) {
            same(where, "array", type);
            checkType(argument(t, 0), s.path("items"), where + "[]");
        } else if (Map.class.isAssignableFrom(raw)) {
            same(where, "object", type);
            Type value = argument(t, 1);
            if (value != Object.class) { // Map<String, Object>: an exported shape, checked on live answers
                checkType(value, s.path("additionalProperties"), where + "{}");
            } else if (ref != null && !EXPORTED_SHAPES.contains(ref)) {
                wrong.add(where + ": a map of the exporters, but the document names schema " + ref);
            }
        } else if (JsonNode.class.isAssignableFrom(raw)) {
            same(where, "object", type);
        } else {
            wrong.add(where + ": no JSON type known for " + t);
        }
    }

    private void same(String where, String expected, String documented) {
        if (!expected.equals(documented)) {
            wrong.add(where + ": " + expected + " in the record, " + (documented.isEmpty() ? "no type" : documented)
                    + " in the document");
        }
    }

    /** The types of the fields a record writes, in order: an unwrapped component's fields in its place. */
    private static List<Type> flatTypes(Class<?> record) {
        List<Type> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getAccessor().isAnnotationPresent(JsonUnwrapped.class) || c.isAnnotationPresent(JsonUnwrapped.class)) {
                out.addAll(flatTypes(c.getType()));
            } else {
                out.add(c.getGenericType());
            }
        }
        return out;
    }

    // ---- samples: every component set, so that every field is written ------------------------

    private static Object sample(Type t) {
        Class<?> raw = raw(t);
        if (raw.isRecord()) {
            RecordComponent[] cs = raw.getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                args[i] = sample(cs[i].getGenericType());
                types[i] = cs[i].getType();
            }
            try {
                var constructor = raw.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot make a " + raw.getSimpleName(), e);
            }
        }
        if (raw == String.class) {
            return "text";
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == double.class || raw == Double.class) {
            return 1.5;
        }
        if (raw.isArray()) {
            Object a = Array.newInstance(raw.getComponentType(), 1);
            Array.set(a, 0, sample(raw.getComponentType()));
            return a;
        }
        if (List.class.isAssignableFrom(raw)) {
            return List.of(sample(argument(t, 0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", argument(t, 1) == Object.class ? "value" : sample(argument(t, 1)));
            return m;
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return ApiJson.MAPPER.createObjectNode();
        }
        throw new AssertionError("no sample for " + t);
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type t, int i) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }

    private boolean hasSchema(String name) {
        for (Iterator<String> it = doc.schemaNames(); it.hasNext(); ) {
            if (it.next().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String schemaName(Class<?> record) {
        return SCHEMA_OF.getOrDefault(record.getSimpleName(), record.getSimpleName());
    }

    /** Every record of the api package (read from the compiled classes' folder). */
    private static List<Class<?>> apiRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(ApiError.class.getResource(ApiError.class.getSimpleName() + ".class").toURI()).getParent();
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class")) {
                    Class<?> c = Class.forName(ApiError.class.getPackageName() + "." + file.replace(".class", ""));
                    if (c.isRecord()) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }
}
