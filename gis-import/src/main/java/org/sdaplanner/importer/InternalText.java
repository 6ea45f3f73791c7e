package org.sdaplanner.importer;

import java.util.regex.Pattern;

/**
 * Keeps the program's insides out of messages for people: a driver's error text can carry a JDBC
 * URL with its user ({@code jdbc:h2:mem:…;user=SA}), the SQL it ran, the values it bound, error
 * codes and Java type names. {@link #scrub} leaves the words that explain the problem ("End of
 * file", "Unexpected character") and removes the rest; {@link #reason} picks the most telling
 * message of a chain of causes.
 */
public final class InternalText {
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s\"'\\]\\)]*", Pattern.CASE_INSENSITIVE);
    /** H2 appends the statement after "; SQL statement:" and codes such as [90030-240]; PostgreSQL adds "Position:", "Detail:", "Where:". */
    private static final Pattern SQL_TAIL = Pattern.compile("(?is)(;?\\s*SQL statement:|\\s*Position:|\\s*Detail:|\\s*Where:|\\s*Hint:"
            + "|\\s*Call getNextException).*$");
    private static final Pattern SQL_STATEMENT = Pattern.compile(
            "(?is)\\b(SELECT|INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|CREATE\\s+TABLE|CALL|ALTER\\s+TABLE|DROP\\s+TABLE)\\b.*$");
    private static final Pattern ERROR_CODE = Pattern.compile("\\s*\\[\\d{5}-\\d+\\]");
    /** Fully qualified Java names (java.io.EOFException, org.h2.jdbc.JdbcSQLException, `java.lang.Integer`). */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "`?\\b(?:java|javax|jdk|sun|org|com|mil|net|io)(?:\\.[A-Za-z_$][\\w$]*)+(?:\\$[\\w$]+)*`?(?::\\s*)?");
    private static final Pattern CREDENTIALS = Pattern.compile("(?i)\\b(user|password|pwd)\\s*=\\s*[^\\s;,&]*");
    private static final int MAX = 200;

    private InternalText() {
    }

    /** The message with URLs, SQL, error codes, type names and credentials removed; at most 200 characters. */
    public static String scrub(String message) {
        if (message == null) {
            return "";
        }
        String s = message;
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl);
        }
        s = SQL_TAIL.matcher(s).replaceAll("");
        s = JDBC_URL.matcher(s).replaceAll("(internal database)");
        s = CREDENTIALS.matcher(s).replaceAll("");
        s = SQL_STATEMENT.matcher(s).replaceAll("");
        s = ERROR_CODE.matcher(s).replaceAll("");
        s = JAVA_NAME.matcher(s).replaceAll("");
        s = s.replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[:;,.\\s\"]+|[:;,\\s\"]+$", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX - 1) + "…";
        }
        return s;
    }

    /**
     * The scrubbed message of the deepest cause that has one worth showing, or "" when none has. Only
     * input errors count (an unexpected end of file, a bad header): a database driver's or a buffer's own
     * words are about its insides, not about the file.
     */
    public static String reason(Throwable t) {
        String best = "";
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (!(c instanceof java.io.IOException) || c instanceof java.nio.file.FileSystemException) {
                continue;
            }
            String s = scrub(c.getMessage());
            if (s.length() >= 3 && s.chars().anyMatch(Character::isLetter)) {
                best = s;
            }
        }
        return best;
    }

    /** ": reason" when there is a reason worth showing, else "". */
    public static String suffix(Throwable t) {
        String r = reason(t);
        return r.isEmpty() ? "" : ": " + r;
    }
}
