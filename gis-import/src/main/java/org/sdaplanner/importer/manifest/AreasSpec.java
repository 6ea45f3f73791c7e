package org.sdaplanner.importer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sdaplanner.core.cluster.AreaCounts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The region manifest's number of areas, in either reading (docs/user-guide.md):
 * <pre>
 *   "areas": 28                                       28 areas in all
 *   "areas": {"parished": 28, "unparished": "auto"}   28 areas of parishes, plus unparished areas
 *                                                     of the same mean size ("auto"), or a number
 * </pre>
 * and optionally per district, on the district entries: {@code "areas": 7} (in all) or
 * {@code "areas": {"parished": 4, "unparished": 5}}. Every district then needs a count, and a
 * total at region level must agree with their sum. The same JSON (with the per-district counts
 * under {@code per_district}) is how the store keeps it.
 */
public final class AreasSpec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OBJECT_KEYS = Set.of("parished", "unparished");
    private static final String AUTO = "auto";

    private AreasSpec() {
    }

    /** Problems are reported as {@code path: what is wrong}; the caller adds the file. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * The counts a manifest region asks for, or null when it gives none.
     *
     * @throws Invalid naming the key when the form is not one of those above
     */
    public static AreaCounts of(JsonNode areas, List<Region.DistrictRef> districts) {
        Map<String, JsonNode> perDistrict = new LinkedHashMap<>();
        for (int i = 0; i < districts.size(); i++) {
            Region.DistrictRef d = districts.get(i);
            if (d.areas() != null && !d.areas().isNull()) {
                perDistrict.put(d.code(), d.areas());
            }
        }
        if (!perDistrict.isEmpty() && perDistrict.size() < districts.size()) {
            List<String> missing = new ArrayList<>();
            districts.stream().filter(d -> !perDistrict.containsKey(d.code())).forEach(d -> missing.add(d.code()));
            throw new Invalid("region.districts: some districts give \"areas\" and others not (missing for "
                    + String.join(", ", missing) + "): give a count for every district or for none");
        }
        AreaCounts total = areas == null || areas.isNull() ? null : total(areas, "region.areas");
        if (perDistrict.isEmpty()) {
            return total;
        }
        AreaCounts fixed = perDistrict(perDistrict);
        if (total != null) {
            if (total.partsOfTheirOwn() != fixed.partsOfTheirOwn()) {
                throw new Invalid("region.areas and the districts' \"areas\" read the count differently: use a number in"
                        + " both (areas in all) or {\"parished\": …, \"unparished\": …} in both");
            }
            if (total.areas() != fixed.areas()) {
                throw new Invalid("region.areas says " + total.areas() + (fixed.partsOfTheirOwn() ? " areas of parishes" : " areas")
                        + " but the districts' counts add up to " + fixed.areas());
            }
            if (total.unparishedAreas() != null && !total.unparishedAreas().equals(fixed.unparishedAreas())) {
                throw new Invalid("region.areas says " + total.unparishedAreas() + " unparished areas but the districts'"
                        + " counts add up to " + fixed.unparishedAreas());
            }
        }
        return fixed;
    }

    private static AreaCounts total(JsonNode n, String path) {
        if (n.isInt()) {
            return AreaCounts.inAll(positive(n.intValue(), path, 1));
        }
        if (!n.isObject()) {
            throw new Invalid(path + " must be a number of areas or {\"parished\": N, \"unparished\": M or \"auto\"}, got " + n);
        }
        unknownKeys(n, path);
        JsonNode parished = n.get("parished");
        if (parished == null || !parished.isInt()) {
            throw new Invalid(path + ".parished must be a number (the areas made of parishes)");
        }
        return AreaCounts.ofParishes(positive(parished.intValue(), path + ".parished", 1), unparished(n.get("unparished"), path));
    }

    private static Integer unparished(JsonNode u, String path) {
        if (u == null || u.isNull() || u.isTextual() && AUTO.equals(u.textValue())) {
            return null;
        }
        if (!u.isInt()) {
            throw new Invalid(path + ".unparished must be a number or \"auto\", got " + u);
        }
        return positive(u.intValue(), path + ".unparished", 0);
    }

    private static AreaCounts perDistrict(Map<String, JsonNode> counts) {
        Boolean parishReading = null;
        Map<String, Integer> parished = new LinkedHashMap<>();
        Map<String, Integer> unparished = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : counts.entrySet()) {
            String path = "region.districts[" + e.getKey() + "].areas";
            JsonNode n = e.getValue();
            boolean object = n.isObject();
            if (!object && !n.isInt()) {
                throw new Invalid(path + " must be a number or {\"parished\": N, \"unparished\": M}, got " + n);
            }
            if (parishReading != null && parishReading != object) {
                throw new Invalid(path + ": every district gives its areas the same way (all numbers, or all"
                        + " {\"parished\": …, \"unparished\": …})");
            }
            parishReading = object;
            if (object) {
                unknownKeys(n, path);
                JsonNode p = n.get("parished");
                JsonNode u = n.get("unparished");
                parished.put(e.getKey(), p == null ? 0 : count(p, path + ".parished"));
                unparished.put(e.getKey(), u == null ? 0 : count(u, path + ".unparished"));
            } else {
                parished.put(e.getKey(), positive(n.intValue(), path, 1));
            }
        }
        try {
            return Boolean.TRUE.equals(parishReading) ? AreaCounts.ofParishes(parished, unparished) : AreaCounts.inAll(parished);
        } catch (IllegalArgumentException e) {
            throw new Invalid("region.districts: " + e.getMessage());
        }
    }

    private static int count(JsonNode n, String path) {
        if (!n.isInt()) {
            throw new Invalid(path + " must be a number, got " + n);
        }
        return positive(n.intValue(), path, 0);
    }

    private static int positive(int v, String path, int min) {
        if (v < min) {
            throw new Invalid(path + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    private static void unknownKeys(JsonNode n, String path) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!OBJECT_KEYS.contains(k)) {
                throw new Invalid("unknown key '" + k + "' at " + path + "; known keys there: [parished, unparished]");
            }
        }
    }

    /** The store's form of the counts. */
    public static String toJson(AreaCounts c) {
        ObjectNode root = JSON.createObjectNode();
        if (c.partsOfTheirOwn()) {
            root.put("parished", c.areas());
            if (c.unparishedAreas() == null) {
                root.put("unparished", AUTO);
            } else {
                root.put("unparished", c.unparishedAreas());
            }
        } else {
            root.put("in_all", c.areas());
        }
        if (!c.perDistrict().isEmpty()) {
            ObjectNode per = root.putObject("per_district");
            new java.util.TreeMap<>(c.perDistrict()).forEach((code, v) -> {
                if (c.partsOfTheirOwn()) {
                    ObjectNode d = per.putObject(code);
                    d.put("parished", v);
                    d.put("unparished", c.unparishedPerDistrict().getOrDefault(code, 0));
                } else {
                    per.put(code, v);
                }
            });
        }
        return root.toString();
    }

    /** Reads {@link #toJson}'s form back. */
    public static AreaCounts fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode per = root.get("per_district");
            if (per != null) {
                Map<String, Integer> a = new LinkedHashMap<>();
                Map<String, Integer> u = new LinkedHashMap<>();
                per.fields().forEachRemaining(e -> {
                    if (e.getValue().isObject()) {
                        a.put(e.getKey(), e.getValue().get("parished").intValue());
                        u.put(e.getKey(), e.getValue().get("unparished").intValue());
                    } else {
                        a.put(e.getKey(), e.getValue().intValue());
                    }
                });
                return root.has("parished") ? AreaCounts.ofParishes(a, u) : AreaCounts.inAll(a);
            }
            if (root.has("parished")) {
                JsonNode un = root.get("unparished");
                return AreaCounts.ofParishes(root.get("parished").intValue(), un.isInt() ? un.intValue() : null);
            }
            return AreaCounts.inAll(root.get("in_all").intValue());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("the store's area counts cannot be read: " + json, e);
        }
    }
}
