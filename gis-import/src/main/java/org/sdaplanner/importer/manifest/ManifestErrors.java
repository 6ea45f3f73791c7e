package org.sdaplanner.importer.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.sdaplanner.importer.InternalText;
import org.sdaplanner.importer.Quoted;

import java.util.Collection;
import java.util.Map;

/**
 * Jackson's complaints about a manifest, in the manifest's words: the key, the line, what kind of
 * value was expected ("a whole number", "a list") and what was found; never a Java type name.
 */
final class ManifestErrors {
    private ManifestErrors() {
    }

    static String describe(JsonProcessingException e) {
        String line = line(e.getLocation());
        if (e instanceof JsonMappingException m) {
            String at = "at " + RegionManifest.path(m) + line + ": ";
            if (m instanceof InvalidFormatException f) {
                return "is not a valid region manifest " + at + "expected " + expected(f.getTargetType()) + ", found "
                        + Quoted.of(String.valueOf(f.getValue()));
            }
            if (m instanceof MismatchedInputException mi) {
                return "is not a valid region manifest " + at + "expected " + expected(mi.getTargetType())
                        + found(m.getProcessor());
            }
            return "is not a valid region manifest " + at + "this value cannot be read (a key missing, or null where a value"
                    + " is needed)";
        }
        if (e instanceof InputCoercionException) {
            return "is not a valid region manifest" + line + ": a number is too large";
        }
        return "is not valid JSON" + line + ": " + InternalText.scrub(e.getOriginalMessage());
    }

    private static String line(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ")";
    }

    /** The kind of JSON value a Java type is read from. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text (in quotes)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [ … ]";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object { … }";
        }
        return "another kind of value";
    }

    private static String found(Object processor) {
        if (!(processor instanceof JsonParser p)) {
            return "";
        }
        JsonToken t = p.currentToken();
        if (t == null) {
            return "";
        }
        return switch (t) {
            case START_ARRAY, END_ARRAY -> ", found a list";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> ", found an object";
            case VALUE_STRING -> ", found text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", found a number";
            case VALUE_TRUE, VALUE_FALSE -> ", found true/false";
            case VALUE_NULL -> ", found null";
            default -> "";
        };
    }
}
