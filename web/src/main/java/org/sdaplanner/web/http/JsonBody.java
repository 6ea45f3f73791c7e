package org.sdaplanner.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.ApiException;

import java.util.ArrayList;
import java.util.List;

/**
 * A request's JSON object body, with typed field access: a field missing, of the wrong type (a number
 * for a string, an array, null where a value is needed, NaN, a number out of range) or text that does
 * not fit its {@link TextRule} kind answers 400 naming the field ({@link ApiException#field}).
 */
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
            // NaN and Infinity are read, so that the field they were sent for is named in the refusal
            node = mapper.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).readTree(text);
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

    /** A text field that must be there and not blank, stripped and held to its kind. */
    public String requiredText(String field, TextRule.Kind kind) {
        String s = optionalString(field);
        if (s == null || s.isBlank()) {
            throw ApiException.field(field, "missing field '" + field + "' (" + describe(kind) + ")");
        }
        return FieldText.check(field, kind, s);
    }

    /** A text field kept exactly as sent (a comment), that must be there and not blank, held to its kind as it is. */
    public String requiredExactText(String field, TextRule.Kind kind) {
        String s = optionalString(field);
        if (s == null || s.isBlank()) {
            throw ApiException.field(field, "missing field '" + field + "' (" + describe(kind) + ")");
        }
        return FieldText.exact(field, kind, s);
    }

    /** A text field that may be absent (null), stripped and held to its kind. */
    public String optionalText(String field, TextRule.Kind kind) {
        return FieldText.check(field, kind, optionalString(field));
    }

    /**
     * A password as typed: not stripped (spaces may be part of it), but within {@link TextRule.Kind#PASSWORD};
     * null when absent and not {@code required}.
     */
    public String password(String field, boolean required) {
        String p = optionalString(field);
        if (p == null) {
            if (required) {
                throw ApiException.field(field, "missing field '" + field + "' (the password)");
            }
            return null;
        }
        FieldText.check(field, TextRule.Kind.PASSWORD, p);
        return p;
    }

    /** The raw string of a field (not stripped); only for values that are never stored or shown, else {@link #optionalText}. */
    public String optionalString(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isTextual()) {
            throw ApiException.field(field, "field '" + field + "' must be a string, not " + kindOf(n));
        }
        return n.asText();
    }

    private static String describe(TextRule.Kind kind) {
        return "a string of " + (kind.minLength() <= 1 ? "1" : kind.minLength()) + " to "
                + String.format(java.util.Locale.ROOT, "%,d", kind.maxLength()) + " characters";
    }

    /** What a wrong value is, in the words of JSON. */
    private static String kindOf(JsonNode n) {
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "true or false";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    public Long optionalLong(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiException.field(field, "field '" + field + "' must be an integer"
                    + (n.isIntegralNumber() ? " that fits in 64 bits" : ", not " + kindOf(n)));
        }
        return n.asLong();
    }

    public Double optionalDouble(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw ApiException.field(field, "'" + field + "' must be a finite number, not "
                    + (n.isNumber() ? n.asText() : kindOf(n)));
        }
        return n.asDouble();
    }

    /** A finite number within [min, max], or null when absent. */
    public Double optionalDouble(String field, double min, double max) {
        Double v = optionalDouble(field);
        if (v != null && (v < min || v > max)) {
            throw ApiException.field(field, "'" + field + "' must be from " + plain(min) + " to " + plain(max));
        }
        return v;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", (long) d) : Double.toString(d);
    }

    public Integer optionalInt(String field, int min, int max) {
        Long v = optionalLong(field);
        if (v == null) {
            return null;
        }
        if (v < min || v > max) {
            throw ApiException.field(field, "field '" + field + "' must be between " + min + " and " + max);
        }
        return v.intValue();
    }

    public Boolean optionalBoolean(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isBoolean()) {
            throw ApiException.field(field, "field '" + field + "' must be true or false, not " + kindOf(n));
        }
        return n.asBoolean();
    }

    public boolean requiredBoolean(String field) {
        Boolean b = optionalBoolean(field);
        if (b == null) {
            throw ApiException.field(field, "missing field '" + field + "' (true or false)");
        }
        return b;
    }

    /** A non-empty array of at most {@code maxItems} codes (strings of the kind), stripped. */
    public List<String> requiredCodes(String field, TextRule.Kind kind, int maxItems) {
        if (!has(field)) {
            throw ApiException.field(field, "missing field '" + field + "' (an array of codes)");
        }
        JsonNode n = root.get(field);
        if (!n.isArray() || n.isEmpty()) {
            throw ApiException.field(field, "field '" + field + "' must be a non-empty array of codes, not "
                    + (n.isArray() ? "an empty one" : kindOf(n)));
        }
        if (n.size() > maxItems) {
            throw ApiException.field(field, "field '" + field + "' holds " + n.size() + " codes: at most "
                    + String.format(java.util.Locale.ROOT, "%,d", maxItems) + " at once");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw ApiException.field(field, "field '" + field + "' must hold codes (non-empty strings), not " + kindOf(e));
            }
            out.add(FieldText.check(field, kind, e.asText()));
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
            throw ApiException.field(field, "field '" + field + "' must be a number or a string");
        }
        return FieldText.check(field, org.sdaplanner.core.text.TextRule.Kind.ID, n.asText());
    }
}
