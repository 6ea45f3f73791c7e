package org.sdaplanner.importer.read;

import java.util.List;
import java.util.Map;

/**
 * One data row of a CSV file.
 *
 * @param line the line number in the file, counting the header as line 1, as a spreadsheet shows it
 */
public record CsvRow(long line, List<String> values, Map<String, Integer> header) {
    /** The value in a column, or {@code null} when the header has no such column. */
    public String get(String column) {
        Integer i = header.get(column);
        return i == null || i >= values.size() ? null : values.get(i);
    }
}
