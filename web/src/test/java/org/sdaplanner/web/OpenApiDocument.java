package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server's {@code /api/openapi.json} as the tests read it: schemas by name (with {@code $ref}
 * and {@code allOf} resolved), the documented answer of a route, and a check of a JSON value
 * against a schema that names every difference.
 */
final class OpenApiDocument {
    static final String RESOURCE = "/org/sdaplanner/web/openapi.json";
    private static final String SCHEMAS = "#/components/schemas/";
    private final JsonNode root;
    private final Map<Pattern, String> paths = new LinkedHashMap<>();

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        root.path("paths").fieldNames().forEachRemaining(p -> paths.put(
                Pattern.compile(p.replaceAll("\\{[^}]+}", "[^/]+")), p));
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            return new OpenApiDocument(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode schema(String name) {
        JsonNode s = root.path("components").path("schemas").path(name);
        if (s.isMissingNode()) {
            throw new AssertionError("openapi.json has no schema " + name);
        }
        return s;
    }

    Iterator<String> schemaNames() {
        return root.path("components").path("schemas").fieldNames();
    }

    /** The schema name a {@code $ref} points at, or null when the node is not a reference to a schema. */
    static String refName(JsonNode s) {
        String ref = s.path("$ref").asText("");
        return ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
    }

    /** The node a {@code $ref} points at (any depth of references), or the node itself. */
    JsonNode deref(JsonNode s) {
        JsonNode n = s;
        while (n.has("$ref")) {
            n = root.at(n.path("$ref").asText().substring(1));
        }
        return n;
    }

    /** An object schema with {@code allOf} parts merged: properties in order, required of all parts. */
    ObjectNode resolve(JsonNode schema) {
        JsonNode s = deref(schema);
        ObjectNode out = s.deepCopy();
        if (s.has("allOf")) {
            ObjectNode props = out.objectNode();
            List<String> required = new ArrayList<>();
            for (JsonNode part : s.path("allOf")) {
                ObjectNode r = resolve(part);
                r.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
                r.path("required").forEach(x -> required.add(x.asText()));
            }
            out.remove("allOf");
            out.put("type", "object");
            out.set("properties", props);
            out.set("required", out.arrayNode().addAll(required.stream().map(out::textNode).toList()));
        }
        return out;
    }

    /** The operation of {@code method} on the path template as the server registers it ({@code /api/plans/{id}}), or a missing node. */
    JsonNode operation(String method, String template) {
        return root.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether the path (with its query) is one the document describes. */
    boolean describes(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return paths.keySet().stream().anyMatch(p -> p.matcher(bare).matches());
    }

    /** The documented schema of the answer to {@code method path} with this status, or null when none is documented. */
    JsonNode answer(String method, String path, int status) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String template = null;
        for (Map.Entry<Pattern, String> e : paths.entrySet()) {
            if (e.getKey().matcher(bare).matches() && (template == null || !e.getValue().contains("{"))) {
                template = e.getValue(); // a literal path wins over a template that also matches
            }
        }
        if (template == null) {
            return null;
        }
        JsonNode r = deref(root.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT))
                .path("responses").path(Integer.toString(status)));
        JsonNode schema = r.path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : schema;
    }

    /** Differences between a JSON value and a schema: unknown or missing fields and wrong types (null is allowed). */
    List<String> check(JsonNode value, JsonNode schema, String where) {
        List<String> out = new ArrayList<>();
        check(value, schema, where, out);
        return out;
    }

    private void check(JsonNode value, JsonNode schema, String where, List<String> out) {
        if (value.isNull()) {
            return;
        }
        ObjectNode s = resolve(schema);
        String type = s.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    out.add(where + ": an object in the document, " + value.getNodeType() + " in the answer");
                    return;
                }
                JsonNode props = s.path("properties");
                JsonNode extra = s.path("additionalProperties");
                value.fields().forEachRemaining(e -> {
                    if (props.has(e.getKey())) {
                        check(e.getValue(), props.get(e.getKey()), where + "." + e.getKey(), out);
                    } else if (extra.isObject()) {
                        check(e.getValue(), extra, where + "." + e.getKey(), out);
                    } else if (!extra.asBoolean(false)) {
                        out.add(where + ": field '" + e.getKey() + "' is not in the document");
                    }
                });
                s.path("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        out.add(where + ": required field '" + r.asText() + "' is missing");
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    out.add(where + ": an array in the document, " + value.getNodeType() + " in the answer");
                    return;
                }
                for (int i = 0; i < value.size() && i < 50; i++) {
                    check(value.get(i), s.path("items"), where + "[" + i + "]", out);
                }
            }
            case "string" -> expect(value.isTextual(), where, type, value, out);
            case "boolean" -> expect(value.isBoolean(), where, type, value, out);
            case "integer" -> expect(value.isIntegralNumber(), where, type, value, out);
            case "number" -> expect(value.isNumber(), where, type, value, out);
            default -> {
                // no type: anything goes
            }
        }
    }

    private static void expect(boolean ok, String where, String type, JsonNode value, List<String> out) {
        if (!ok) {
            out.add(where + ": " + type + " in the document, " + value.getNodeType() + " " + value + " in the answer");
        }
    }
}
