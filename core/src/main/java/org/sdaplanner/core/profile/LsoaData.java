package org.sdaplanner.core.profile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-LSOA values by dataset and field: numbers (counts, ranks) or texts (classes), plus the
 * usual residents that weight ranks and distributions. Immutable once built.
 */
public final class LsoaData {
    /** The dataset name under which residents are also available as a count (field {@code residents}). */
    public static final String RESIDENTS = "residents";

    private final Map<String, Map<String, Map<String, Object>>> values = new HashMap<>();
    private final Map<String, Set<String>> fields = new HashMap<>();
    private final Map<String, Double> residents;

    private LsoaData(Map<String, Double> residents) {
        this.residents = Map.copyOf(residents);
        residents.forEach((l, r) -> put(RESIDENTS, l, RESIDENTS, r));
    }

    public static Builder builder(Map<String, ? extends Number> residents) {
        Map<String, Double> r = new HashMap<>();
        residents.forEach((k, v) -> r.put(k, v.doubleValue()));
        return new Builder(new LsoaData(r));
    }

    /** Collects values; later values for the same key add up (numbers) or replace (texts). */
    public static final class Builder {
        private final LsoaData data;

        private Builder(LsoaData data) {
            this.data = data;
        }

        public Builder number(String dataset, String lsoa, String field, double value) {
            Object old = data.values.getOrDefault(dataset, Map.of()).getOrDefault(lsoa, Map.of()).get(field);
            data.put(dataset, lsoa, field, old instanceof Double d ? d + value : value);
            return this;
        }

        public Builder text(String dataset, String lsoa, String field, String value) {
            data.put(dataset, lsoa, field, value);
            return this;
        }

        public LsoaData build() {
            return data;
        }
    }

    private void put(String dataset, String lsoa, String field, Object v) {
        values.computeIfAbsent(dataset, k -> new HashMap<>()).computeIfAbsent(lsoa, k -> new HashMap<>()).put(field, v);
        fields.computeIfAbsent(dataset, k -> new TreeSet<>()).add(field);
    }

    public boolean hasDataset(String dataset) {
        return values.containsKey(dataset);
    }

    /** The fields a dataset has, sorted. */
    public Set<String> fields(String dataset) {
        return fields.getOrDefault(dataset, Set.of());
    }

    /** A field's number for an LSOA, or null. */
    public Double number(String dataset, String lsoa, String field) {
        Object v = values.getOrDefault(dataset, Map.of()).getOrDefault(lsoa, Map.of()).get(field);
        return v instanceof Double d ? d : null;
    }

    /** A field's value as text (numbers as their text, e.g. "7" for decile 7), or null. */
    public String text(String dataset, String lsoa, String field) {
        Object v = values.getOrDefault(dataset, Map.of()).getOrDefault(lsoa, Map.of()).get(field);
        if (v instanceof Double d) {
            return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        }
        return (String) v;
    }

    public double residents(String lsoa) {
        return residents.getOrDefault(lsoa, 0.0);
    }

    /** Every LSOA with a value in the dataset, sorted. */
    public Set<String> lsoas(String dataset) {
        return new TreeSet<>(values.getOrDefault(dataset, Map.of()).keySet());
    }

    /** All values of an LSOA in a dataset (field → number or text), sorted by field. */
    public Map<String, Object> row(String dataset, String lsoa) {
        return new TreeMap<>(values.getOrDefault(dataset, Map.of()).getOrDefault(lsoa, Map.of()));
    }
}
