package org.sdaplanner.importer.manifest;

import java.util.List;
import java.util.Map;

/**
 * One official file a region needs: where it lies under the data folder, how to read it, and
 * where it comes from (shown when it is missing, and as attribution in reports and the map).
 *
 * @param id           for {@code tables}: the dataset id; for single roles, set from the role
 * @param columns      role-specific column names (e.g. {@code code}, {@code name}, {@code patients});
 *                     the value of {@code fields} may be a list or the text {@code "*numeric"}
 * @param lsoaVintage  the LSOA vintage the file's codes use, when it differs from the region's
 * @param layout       for tables: {@code long} (one row per LSOA × category) or {@code wide}
 * @param table        for GeoPackage: the feature table to read (default: the first)
 */
public record InputSource(String id,
                          String path,
                          String format,
                          String crs,
                          String vintage,
                          String lsoaVintage,
                          String layout,
                          String table,
                          Map<String, Object> columns,
                          List<String> unparishedCodePrefixes,
                          String title,
                          String sourceUrl,
                          String licence,
                          String attribution) {
    public InputSource {
        columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        unparishedCodePrefixes = unparishedCodePrefixes == null ? List.of("E43") : Region.copy(unparishedCodePrefixes);
    }

    /** The file's column for a role-specific key, or the default when the manifest names none. */
    public String column(String key, String fallback) {
        Object v = columns.get(key);
        return v == null ? fallback : v.toString();
    }

    public InputSource withId(String newId) {
        return new InputSource(newId, path, format, crs, vintage, lsoaVintage, layout, table, columns,
                unparishedCodePrefixes, title, sourceUrl, licence, attribution);
    }
}
