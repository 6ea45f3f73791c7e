package org.sdaplanner.importer.manifest;

import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Quoted;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a region manifest must mean, beyond being JSON of the right shape: positive counts, known
 * vintages and formats, unique ids, codes that are codes, text that fits the store, and every
 * path inside the data folder. Each problem names the manifest and the key, as a person finds it
 * in the file ({@code inputs.tables[2].id}).
 */
final class ManifestCheck {
    /** Ids of regions, tables and indicators: they name files, keys and report lines. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,89}");
    private static final Set<String> BOUNDARY_FORMATS = Set.of("geojson", "json", "shapefile", "shp", "flatgeobuf", "fgb",
            "geopackage", "gpkg");
    private static final Set<String> LAYOUTS = Set.of("long", "wide", "events");
    private static final Set<Role> BOUNDARY_ROLES = Set.of(Role.LSOA_BOUNDARIES, Role.PARISH_BOUNDARIES,
            Role.DISTRICT_BOUNDARIES, Role.PCN_CATCHMENTS);

    private final String file;

    ManifestCheck(String file) {
        this.file = file;
    }

    private InputException bad(String key, String problem) {
        return new InputException(file, null, key, problem);
    }

    void region(Region r) {
        id("region.id", r.id());
        text("region.name", r.name(), TextRule.Kind.NAME);
        vintage("region.lsoa_vintage", r.lsoaVintage());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < r.districts().size(); i++) {
            Region.DistrictRef d = r.districts().get(i);
            String key = "region.districts[" + i + "]";
            if (d == null) {
                throw bad(key, "expected {\"code\": …, \"name\": …}, found null");
            }
            code(key + ".code", d.code());
            text(key + ".name", d.name(), TextRule.Kind.PLACE_NAME);
            if (d.name() == null || d.name().isBlank()) {
                throw bad(key + ".name", "expected the district's name, found nothing");
            }
            Integer before = seen.put(d.code(), i);
            if (before != null) {
                throw bad(key + ".code", "district " + d.code() + " is listed twice (also region.districts[" + before + "])");
            }
        }
        if (r.practiceFilter() != null) {
            Region.PracticeFilter f = r.practiceFilter();
            if (f.column() == null || f.column().isBlank()) {
                throw bad("region.practice_filter.column", "expected the practice map's column to filter on, found nothing");
            }
            text("region.practice_filter.column", f.column(), TextRule.Kind.TABLE_TEXT);
            if (f.values().isEmpty() || f.values().stream().anyMatch(v -> v == null)) {
                throw bad("region.practice_filter.values", "expected a list of the values that mark the region's practices"
                        + " (e.g. [\"06H\"])");
            }
        }
        for (int i = 0; i < r.bridges().size(); i++) {
            List<String> b = r.bridges().get(i);
            String key = "region.bridges[" + i + "]";
            if (b == null || b.size() != 2 || b.get(0) == null || b.get(1) == null || b.get(0).equals(b.get(1))) {
                throw bad(key, "each bridge must be a pair of two different block codes, found " + b);
            }
            code(key, b.get(0));
            code(key, b.get(1));
        }
    }

    void inputs(Inputs in) {
        for (Role role : Role.values()) {
            InputSource s = role.of(in);
            if (s != null) {
                source("inputs." + role.key(), s, BOUNDARY_ROLES.contains(role) ? BOUNDARY_FORMATS : Set.of("csv"));
            }
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < in.tables().size(); i++) {
            InputSource t = in.tables().get(i);
            String key = "inputs.tables[" + i + "]";
            if (t == null) {
                throw bad(key, "expected a table entry, found null");
            }
            if (t.id() == null || t.path() == null) {
                throw bad(key, "every entry of inputs.tables needs an \"id\" and a \"path\"");
            }
            id(key + ".id", t.id());
            Integer before = ids.put(t.id(), i);
            if (before != null) {
                throw bad(key + ".id", "table id '" + t.id() + "' is used twice (also inputs.tables[" + before
                        + "]): each table needs its own id");
            }
            if (t.layout() != null && !LAYOUTS.contains(t.layout())) {
                throw bad(key + ".layout", "expected long, wide or events, found " + Quoted.of(t.layout()));
            }
            source(key, t, Set.of("csv"));
        }
    }

    void indicators(List<IndicatorSpec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            IndicatorSpec s = specs.get(i);
            String key = "indicators[" + i + "]";
            if (s == null) {
                throw bad(key, "expected an indicator, found null");
            }
            id(key + ".id", s.id());
            if (s.label() != null) {
                text(key + ".label", s.label(), TextRule.Kind.LABEL);
            }
            noNulls(key + ".fields", s.fields());
            noNulls(key + ".denominator", s.denominator());
            if (s.bands() != null) {
                for (int b = 0; b < s.bands().size(); b++) {
                    List<Integer> band = s.bands().get(b);
                    if (band == null || band.size() != 2 || band.get(0) == null || band.get(1) == null
                            || band.get(0) < 0 || band.get(0) > band.get(1)) {
                        throw bad(key + ".bands[" + b + "]", "expected [from, to], whole ages with 0 ≤ from ≤ to, found " + band);
                    }
                }
            }
            for (String[] kv : new String[][]{{"vintage", s.vintage()}, {"source", s.source()}, {"licence", s.licence()},
                    {"dataset", s.dataset()}, {"kind", s.kind()}}) {
                if (kv[1] != null) {
                    text(key + "." + kv[0], kv[1], TextRule.Kind.LABEL);
                }
            }
        }
    }

    private void noNulls(String key, List<String> values) {
        if (values != null && values.stream().anyMatch(v -> v == null)) {
            throw bad(key, "expected a list of field names, found null in it");
        }
    }

    private void source(String key, InputSource s, Set<String> formats) {
        path(key + ".path", s.path());
        if (s.format() != null && !formats.contains(s.format().toLowerCase(java.util.Locale.ROOT))) {
            throw bad(key + ".format", "expected " + (formats.size() == 1 ? "csv" : "geojson, shapefile, flatgeobuf or geopackage")
                    + ", found " + Quoted.of(s.format()));
        }
        if (s.lsoaVintage() != null) {
            vintage(key + ".lsoa_vintage", s.lsoaVintage());
        }
        meta(key + ".vintage", s.vintage(), 200);
        meta(key + ".title", s.title(), 1000);
        meta(key + ".source_url", s.sourceUrl(), 1000);
        meta(key + ".licence", s.licence(), 200);
        meta(key + ".attribution", s.attribution(), 2000);
        meta(key + ".crs", s.crs(), 200);
        meta(key + ".table", s.table(), 200);
        s.columns().forEach((k, v) -> {
            String ck = key + ".columns." + k;
            if (v instanceof List<?> list) {
                for (Object o : list) {
                    if (!(o instanceof String str)) {
                        throw bad(ck, "expected a list of column names, found " + (o == null ? "null" : "a " + kind(o)) + " in it");
                    }
                    text(ck, str, TextRule.Kind.TABLE_TEXT);
                }
            } else if (v instanceof String str) {
                text(ck, str, TextRule.Kind.TABLE_TEXT);
            } else {
                throw bad(ck, "expected a column name (text), found " + (v == null ? "null" : "a " + kind(v)));
            }
        });
        for (int i = 0; i < s.unparishedCodePrefixes().size(); i++) {
            String p = s.unparishedCodePrefixes().get(i);
            if (p == null || p.isEmpty()) {
                throw bad(key + ".unparished_code_prefixes[" + i + "]", "expected a code prefix such as \"E43\", found nothing");
            }
        }
    }

    private static String kind(Object o) {
        return o instanceof Number ? "number" : o instanceof Boolean ? "true/false" : o instanceof Map<?, ?> ? "object"
                : o instanceof List<?> ? "list" : "value";
    }

    /**
     * A path relative to the data folder that stays inside it: not absolute and not climbing out with
     * "..". Checked on the text, before any file is opened, so a manifest cannot make the import read
     * (or show a line of) a file elsewhere.
     */
    private void path(String key, String p) {
        if (p == null || p.isBlank()) {
            throw bad(key, "expected a path relative to the data folder, found nothing");
        }
        meta(key, p, 1000);
        Path path;
        try {
            path = Path.of(p);
        } catch (InvalidPathException e) {
            throw bad(key, "expected a path relative to the data folder, found " + Quoted.of(p) + ", which is not a valid path");
        }
        boolean absolute = path.isAbsolute() || p.startsWith("/") || p.startsWith("\\") || p.matches("^[A-Za-z]:.*") || p.startsWith("~");
        Path n = path.normalize();
        if (absolute || n.startsWith("..") || n.toString().isEmpty()) {
            throw bad(key, Quoted.of(p) + " points outside the data folder (--data DIR): expected a path inside it, relative"
                    + " to it and without '..', e.g. \"nhs/gp-reg-pat-prac-lsoa-all.csv\"; put the file in the data folder");
        }
    }

    private void id(String key, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw bad(key, "expected an id of 1 to 90 letters, digits, '.', '_' or '-' (starting with a letter or digit),"
                    + " found " + Quoted.of(id));
        }
    }

    private void code(String key, String code) {
        TextRule.problem(TextRule.Kind.CODE, code == null ? "" : code.strip()).ifPresent(p -> {
            throw bad(key, "expected a code such as E07000008, found " + Quoted.of(code) + ": " + p);
        });
    }

    private void vintage(String key, String v) {
        if (!"2011".equals(v) && !"2021".equals(v)) {
            throw bad(key, "expected \"2011\" or \"2021\" (the LSOA vintage), found " + Quoted.of(v));
        }
    }

    private void text(String key, String value, TextRule.Kind kind) {
        TextRule.problem(kind, value == null ? "" : value.strip()).ifPresent(p -> {
            throw bad(key, p);
        });
    }

    /** Free text shown in reports (title, licence, …): any single line up to the store's column. */
    private void meta(String key, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw bad(key, "expected at most " + max + " characters, found " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (TextRule.isControl(c) || Character.isSurrogate(c)) {
                throw bad(key, "has a control character or a broken character at position " + (i + 1));
            }
        }
    }
}
