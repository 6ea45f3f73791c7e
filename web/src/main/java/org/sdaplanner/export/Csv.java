package org.sdaplanner.export;

/** CSV field quoting (RFC 4180): names such as "Sutton, Ely" stay one field. */
public final class Csv {
    private Csv() {
    }

    public static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * Free text typed by users (comments): quoted as {@link #field}, and a leading = + - @ or tab
     * neutralised with an apostrophe so a spreadsheet shows it as text instead of running it as a formula.
     */
    public static String text(String s) {
        if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return field("'" + s);
        }
        return field(s);
    }
}
