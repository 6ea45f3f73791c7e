package org.sdaplanner.core.text;

import java.util.Optional;

/**
 * The one rule for text that people type or files bring in: a length limit per kind of field and
 * which characters are allowed. The store checks it before every write, the command line and the
 * map server before any work, and the importer for codes and names read from files, so that a
 * value either fits everywhere (database column, CSV cell, terminal, page) or is refused with
 * the field and the limit named.
 *
 * <p>Lengths are counted in characters (Unicode code points: an emoji is one); the store's columns
 * are sized for the longest such text in UTF-16 units, which is how H2 counts. No kind allows control
 * characters (U+0000–U+001F, U+007F–U+009F), bidirectional overrides or unpaired surrogates,
 * except that comments keep line breaks and tabs. Leading and trailing white space is removed
 * before the check: what is checked is what is stored.
 */
public final class TextRule {

    /** The kinds of text field, with their limits (docs/user-guide.md lists them). */
    public enum Kind {
        /** A plan's or an area's name, typed by an analyst. */
        NAME("a name", 1, 200, false),
        /** A saved version's label (empty: the store gives "Version n"). */
        LABEL("a label", 0, 200, false),
        /** The name an account is shown with, next to its comments. */
        DISPLAY_NAME("a display name", 1, 200, false),
        /** A comment: plain text with line breaks and tabs. */
        COMMENT("a comment", 1, 4000, true),
        /** A moderator's reason for hiding or restoring a comment. */
        REASON("a reason", 1, 500, false),
        /**
         * A code from an official file (LSOA, parish, district, practice, PCN, postcode): besides the
         * common rule, only ASCII letters, digits, spaces and {@code . _ - /}, starting with a letter or
         * digit, so that a code is safe unquoted in any CSV cell, file name or log line.
         */
        CODE("a code", 1, 20, false),
        /** A place, practice or PCN name from an official file (short enough for " 2" suffixes to fit a NAME). */
        PLACE_NAME("a name", 0, 150, false),
        /** A category, field name or text value of a per-LSOA table. */
        TABLE_TEXT("a text value", 0, 300, false),
        /**
         * A user name as typed (the store lowercases it): besides the common rule, only ASCII letters, digits
         * and {@code . _ -}, starting with a letter or digit.
         */
        USERNAME("a user name", 1, 64, false),
        /** A password as typed: compared or hashed, never stored as such (new ones also meet PasswordRules). */
        PASSWORD("a password", 0, 200, false),
        /** What someone typed into the map's search box. */
        QUERY("a search", 0, 200, false),
        /** The name of a file someone sent (a plan to import). */
        FILE_NAME("a file name", 1, 255, false),
        /**
         * An id the project gives or a file brings: an area id ({@code SDA01}, or up to 40 characters from an
         * imported plan), an indicator id (up to 90), a layer's name.
         */
        ID("an id", 1, 90, false);

        private final String noun;
        private final int min;
        private final int max;
        private final boolean multiLine;

        Kind(String noun, int min, int max, boolean multiLine) {
            this.noun = noun;
            this.min = min;
            this.max = max;
            this.multiLine = multiLine;
        }

        public int maxLength() {
            return max;
        }

        public int minLength() {
            return min;
        }

        public boolean multiLine() {
            return multiLine;
        }
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]*");
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private TextRule() {
    }

    /**
     * The text as it is stored (stripped), or an {@link IllegalArgumentException} whose message
     * names the field and what is expected, e.g. {@code name: at most 200 characters (found 250)}.
     */
    public static String clean(Kind kind, String field, String text) {
        String t = text == null ? "" : text.strip();
        problem(kind, t).ifPresent(p -> {
            throw new IllegalArgumentException(field + ": " + p);
        });
        return t;
    }

    /** Why the (already stripped) text does not fit the kind, or empty when it does. */
    public static Optional<String> problem(Kind kind, String text) {
        String t = text == null ? "" : text;
        int length = t.codePointCount(0, t.length());
        if (length < kind.min) {
            return Optional.of(kind.min == 1 ? "expected " + kind.noun + ", found nothing"
                    : "expected at least " + kind.min + " characters");
        }
        if (length > kind.max) {
            return Optional.of("expected at most " + String.format(java.util.Locale.ROOT, "%,d", kind.max)
                    + " characters, found " + String.format(java.util.Locale.ROOT, "%,d", length));
        }
        if (kind == Kind.CODE && !t.isEmpty() && !CODE.matcher(t).matches()) {
            return Optional.of("expected a code of letters, digits, spaces, '.', '_', '-' or '/' starting with a letter or digit");
        }
        if (kind == Kind.USERNAME && !t.isEmpty() && !USERNAME.matcher(t).matches()) {
            return Optional.of("expected a user name of letters, digits, '.', '_' or '-' starting with a letter or digit");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("has a broken character (an unpaired UTF-16 surrogate) at position " + (i + 1));
            }
            if (kind.multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (isControl(c)) {
                return Optional.of("has a control character (" + describe(c) + ") at position " + (i + 1)
                        + (kind.multiLine ? ": only line breaks and tabs are allowed" : ": expected a single line of text"));
            }
        }
        return Optional.empty();
    }

    /** Control characters, and the invisible bidirectional controls that can disguise text in a terminal or a page. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028' || c == '\u2029';
    }

    /**
     * The text with every control character (as {@link #isControl}) and unpaired surrogate written
     * as a visible escape (a backslash, "u" and four hex digits), for printing to a terminal: stored text written
     * before these rules existed must not send escape sequences to an admin's screen.
     */
    public static String visible(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                sb.append(c).append(text.charAt(++i));
            } else if (isControl(c) || Character.isSurrogate(c) || c == '\\') {
                sb.append(c == '\\' ? "\\\\" : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A control character as a person can read it: {@code U+001B}, or {@code tab}/{@code line break}. */
    static String describe(char c) {
        return switch (c) {
            case '\t' -> "a tab";
            case '\n', '\r', '\u2028', '\u2029' -> "a line break";
            default -> String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
        };
    }
}
