package org.sdaplanner.importer.read;

import org.sdaplanner.importer.InputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams an RFC 4180 CSV file (quotes, doubled quotes, CRLF, a UTF-8 byte-order mark, line
 * breaks inside quotes) and checks that every row has as many fields as the header. Official
 * files reach tens of megabytes, so rows are handed out one at a time.
 */
public final class CsvReader implements AutoCloseable {
    private final String name;
    private final Reader in;
    private final Map<String, Integer> header;
    private final List<String> headerNames;
    private long line = 1;
    private final StringBuilder field = new StringBuilder();
    private int pushedBack = -2;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;

    private CsvReader(String name, Reader in) throws IOException {
        this.name = name;
        this.in = in;
        List<String> names = readRecord();
        if (names == null || names.size() == 1 && names.get(0).isBlank()) {
            throw InputException.ofFile(name, "the file is empty: expected a header row with column names");
        }
        if (!names.isEmpty() && !names.get(0).isEmpty() && names.get(0).charAt(0) == '\uFEFF') {
            names.set(0, names.get(0).substring(1));
        }
        Map<String, Integer> h = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).trim();
            names.set(i, n);
            h.putIfAbsent(n, i);
        }
        this.header = Collections.unmodifiableMap(h);
        this.headerNames = List.copyOf(names);
    }

    public static CsvReader open(Path file, String displayName) {
        try {
            return new CsvReader(displayName, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            throw InputException.ofFile(displayName, "the file is not UTF-8 text: if it was saved as Windows-1252/Latin-1, save it again as 'CSV UTF-8'; if it is a spreadsheet or a zip, export or unzip the CSV");
        } catch (IOException e) {
            throw InputException.ofFile(displayName, "cannot be read: " + e.getMessage());
        }
    }

    public List<String> columns() {
        return headerNames;
    }

    public boolean hasColumn(String column) {
        return header.containsKey(column);
    }

    /** Fails with a message that lists the columns the file does have, so a misnamed column is easy to spot. */
    public void requireColumns(String role, String... columns) {
        for (String c : columns) {
            if (c != null && !header.containsKey(c)) {
                String hint = headerNames.stream().filter(h -> h.equalsIgnoreCase(c)).findFirst()
                        .map(h -> " (a column '" + h + "' exists: names are case-sensitive)").orElse("");
                throw new InputException(name, "header", c,
                        "column missing: the " + role + " file needs a column '" + c + "'" + hint
                                + "; the header has " + headerNames);
            }
        }
    }

    /** Calls {@code rows} for every data row, in file order. Blank lines are skipped. */
    public void forEach(Consumer<CsvRow> rows) {
        try {
            List<String> rec;
            while (true) {
                long start = line;
                rec = readRecord();
                if (rec == null) {
                    return;
                }
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue;
                }
                if (rec.size() != headerNames.size()) {
                    throw InputException.atRow(name, start, null, "expected " + headerNames.size()
                            + " fields as in the header, found " + rec.size()
                            + (rec.size() < headerNames.size() ? " (is the file truncated?)" : ""));
                }
                rows.accept(new CsvRow(start, rec, header));
            }
        } catch (IOException e) {
            throw InputException.ofFile(name, "cannot be read at line " + line + ": " + e.getMessage());
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    /** Reads one record, or returns null at end of file. */
    private List<String> readRecord() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> out = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        long startLine = line;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw InputException.atRow(name, startLine, null,
                            "a quoted field is never closed (is the file truncated?)");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                out.add(field.toString());
                if (c == '\r') {
                    int n = read();
                    if (n != '\n' && n != -1) {
                        pushedBack = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                return out;
            }
            if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do: the file was only read
        }
    }
}
