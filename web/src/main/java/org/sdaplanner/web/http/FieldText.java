package org.sdaplanner.web.http;

import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.ApiException;

/**
 * A text field of a request (body, query or path) held to its {@link TextRule} kind before any work:
 * refused with 400 naming the field, and its limit when the text is too long.
 */
public final class FieldText {
    private FieldText() {
    }

    /** The text stripped, as it will be used; null stays null (absent). */
    public static String check(String field, TextRule.Kind kind, String raw) {
        return raw == null ? null : exact(field, kind, raw.strip());
    }

    /** The text exactly as sent (a comment is kept as written), held to the kind as it is. */
    public static String exact(String field, TextRule.Kind kind, String text) {
        if (text == null) {
            return null;
        }
        TextRule.problem(kind, text).ifPresent(p -> {
            boolean tooLong = text.codePointCount(0, text.length()) > kind.maxLength();
            throw ApiException.field(field, "'" + field + "': " + p, tooLong ? kind.maxLength() : null);
        });
        return text;
    }
}
