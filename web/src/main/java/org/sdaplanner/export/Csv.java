package org.sdaplanner.export;

import java.util.regex.Pattern;

/**
 * CSV cells for every CSV the project writes (the command line's files and the map server's
 * downloads): RFC 4180 quoting, so that names such as "Sutton, Ely" stay one cell, and formula
 * neutralising, so that a spreadsheet shows a cell as text instead of running it.
 */
public final class Csv {
    /** A plain number (negative numbers are not formulas): written as it is. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (or a DDE call). */
    private static final String FORMULA_START = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    private Csv() {
    }

    /** One cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
    public static String field(String s) {
        if (s == null) {
            return "";
        }
        String v = neutralise(s);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /**
     * The text with an apostrophe in front when a spreadsheet would take it for a formula: it starts
     * with = + - @ (or their full-width forms), with a tab or a line break, or with white space and
     * then one of those (spreadsheets trim on import). Applied to the text as it is written, after
     * any trimming, so a name saved as " =1+1" cannot arrive as a bare =1+1. Plain numbers such as
     * -0.12 are left alone.
     */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty() || NUMBER.matcher(s).matches()) {
            return s;
        }
        char first = s.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n' || FORMULA_START.indexOf(first) >= 0) {
            return "'" + s;
        }
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i)))) {
            i++;
        }
        if (i > 0 && i < s.length() && FORMULA_START.indexOf(s.charAt(i)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
