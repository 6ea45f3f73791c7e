package org.sdaplanner.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of the tables an import replaces, for assertions that read better than {@link StoreSnapshot}'s checksums. */
public final class StoreContents {
    /** The tables {@link ImportWriter} replaces, children first. */
    public static final List<String> TABLES = ImportWriter.TABLES;

    private StoreContents() {
    }

    public static Map<String, Long> counts(SpatialStore store) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * The counts expected after an import that feeds {@code fed}: those tables with the given counts,
     * every other table of {@link #TABLES} empty (so new tables added later need no change here).
     */
    public static Map<String, Long> expected(Map<String, Long> fed) {
        if (!TABLES.containsAll(fed.keySet())) {
            throw new IllegalArgumentException("not tables of the import: " + fed.keySet());
        }
        Map<String, Long> out = new LinkedHashMap<>();
        TABLES.forEach(t -> out.put(t, fed.getOrDefault(t, 0L)));
        return out;
    }
}
