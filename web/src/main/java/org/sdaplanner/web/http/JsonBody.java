package org.sdaplanner.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sdaplanner.web.ApiException;

import java.util.ArrayList;
import java.util.List;

/** A request's JSON object body, with typed field access that answers 400 with a clear message. */
public final class JsonBody {
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** Parses a body that must be a JSON object; an empty body counts as {} when {@code emptyAllowed}. */
    public static JsonBody parse(ObjectMapper mapper, String text, boolean emptyAllowed) {
        if (text == null || text.isBlank()) {
            if (emptyAllowed) {
                return new JsonBody(mapper.createObjectNode());
            }
            throw ApiException.badRequest("the request needs a JSON object body");
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return new JsonBody(node);
    }

    public boolean has(String field) {
        JsonNode n = root.get(field);
        return n != null && !n.isNull();
    }

    public String requiredString(String field) {
        String s = optionalString(field);
        if (s == null || s.isBlank()) {
            throw ApiException.badRequest("missing field '" + field + "' (a non-empty string)");
        }
        return s.strip();
    }

    public String optionalString(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isTextual()) {
            throw ApiException.badRequest("field '" + field + "' must be a string");
        }
        return n.asText();
    }

    public Long optionalLong(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiException.badRequest("field '" + field + "' must be an integer");
        }
        return n.asLong();
    }

    public Double optionalDouble(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw ApiException.badRequest("'" + field + "' must be a number");
        }
        return n.asDouble();
    }

    public Integer optionalInt(String field, int min, int max) {
        Long v = optionalLong(field);
        if (v == null) {
            return null;
        }
        if (v < min || v > max) {
            throw ApiException.badRequest("field '" + field + "' must be between " + min + " and " + max);
        }
        return v.intValue();
    }

    public Boolean optionalBoolean(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isBoolean()) {
            throw ApiException.badRequest("field '" + field + "' must be true or false");
        }
        return n.asBoolean();
    }

    public boolean requiredBoolean(String field) {
        Boolean b = optionalBoolean(field);
        if (b == null) {
            throw ApiException.badRequest("missing field '" + field + "' (true or false)");
        }
        return b;
    }

    /** A non-empty array of non-empty strings. */
    public List<String> requiredStrings(String field) {
        if (!has(field)) {
            throw ApiException.badRequest("missing field '" + field + "' (an array of codes)");
        }
        JsonNode n = root.get(field);
        if (!n.isArray() || n.isEmpty()) {
            throw ApiException.badRequest("field '" + field + "' must be a non-empty array of codes");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw ApiException.badRequest("field '" + field + "' must hold codes (strings)");
            }
            out.add(e.asText().strip());
        }
        return out;
    }

    /**
     * A field that may be a number or a word such as "none" or "auto", as text ("0.2", "20%", "none");
     * null when absent. What the text means is the caller's to check.
     */
    public String optionalNumberOrText(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (n.isNumber() && Double.isFinite(n.asDouble())) {
            return n.asText();
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest("field '" + field + "' must be a number or a string");
        }
        return n.asText();
    }
}
