package org.sdaplanner.importer;

/**
 * A problem with an input file, worded for the analyst who supplied it: which file, where in
 * it (row or feature), which field, and what was expected.
 */
public final class InputException extends RuntimeException {
    private final String file;
    private final String location;
    private final String field;

    public InputException(String file, String location, String field, String problem) {
        super(format(file, location, field, problem));
        this.file = file;
        this.location = location;
        this.field = field;
    }

    public InputException(String file, String location, String field, String problem, Throwable cause) {
        this(file, location, field, problem);
        initCause(cause);
    }

    /** A problem with a whole file (missing, unreadable, empty). */
    public static InputException ofFile(String file, String problem) {
        return new InputException(file, null, null, problem);
    }

    public static InputException atRow(String file, long row, String field, String problem) {
        return new InputException(file, "row " + row, field, problem);
    }

    public static InputException atFeature(String file, int feature, String field, String problem) {
        return new InputException(file, "feature " + feature, field, problem);
    }

    public String file() {
        return file;
    }

    public String location() {
        return location;
    }

    public String field() {
        return field;
    }

    private static String format(String file, String location, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (location != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(location);
        }
        if (field != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("field '").append(field).append('\'');
        }
        if (!sb.isEmpty()) {
            sb.append(": ");
        }
        return sb.append(problem).toString();
    }
}
