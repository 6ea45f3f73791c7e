package org.sdaplanner.core.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates the catalogue's indicators from LSOAs to units. A unit is a set of LSOAs (an
 * area's best-fit LSOAs, a district's, the region's); each LSOA belongs to one unit per level,
 * so area totals of a count add up to the region's.
 */
public final class ProfileAggregator {
    private final List<Indicator> catalogue;
    private final LsoaData data;

    public ProfileAggregator(List<Indicator> catalogue, LsoaData data) {
        this.catalogue = List.copyOf(catalogue);
        this.data = data;
    }

    /** One profile per unit. */
    public List<Profile> profiles(String kind, Map<String, String> unitNames, Map<String, List<String>> lsoasOfUnit) {
        List<Profile> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(lsoasOfUnit).entrySet()) {
            out.add(profile(kind, e.getKey(), unitNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
        }
        return out;
    }

    public Profile profile(String kind, String id, String name, List<String> lsoas) {
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        for (Indicator i : catalogue) {
            values.put(i.id(), value(i, lsoas));
        }
        return new Profile(kind, id, name, List.copyOf(lsoas), values);
    }

    IndicatorValue value(Indicator i, List<String> lsoas) {
        return switch (i.kind()) {
            case COUNT -> count(i, lsoas);
            case PROPORTION -> proportion(i, lsoas);
            case WEIGHTED_MEAN -> weightedMean(i, lsoas);
            case DISTRIBUTION -> distribution(i, lsoas);
            case CATEGORY_SHARES -> categoryShares(i, lsoas);
            case AGE_BANDS -> ageBands(i, lsoas);
        };
    }

    private List<String> fieldsOr(List<String> fields, String dataset) {
        return fields.isEmpty() ? List.copyOf(data.fields(dataset)) : fields;
    }

    private IndicatorValue count(Indicator i, List<String> lsoas) {
        double sum = 0;
        int n = 0;
        for (String l : lsoas) {
            boolean any = false;
            for (String f : fieldsOr(i.fields(), i.dataset())) {
                Double v = data.number(i.dataset(), l, f);
                if (v != null) {
                    sum += v;
                    any = true;
                }
            }
            n += any ? 1 : 0;
        }
        return new IndicatorValue(i.id(), sum, sum, null, Map.of(), Map.of(), n);
    }

    private IndicatorValue proportion(Indicator i, List<String> lsoas) {
        double num = 0;
        double den = 0;
        int n = 0;
        List<String> denFields = fieldsOr(i.denominator(), i.dataset());
        for (String l : lsoas) {
            double d = 0;
            boolean any = false;
            for (String f : denFields) {
                Double v = data.number(i.dataset(), l, f);
                if (v != null) {
                    d += v;
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            n++;
            den += d;
            for (String f : i.fields()) {
                Double v = data.number(i.dataset(), l, f);
                num += v == null ? 0 : v;
            }
        }
        return new IndicatorValue(i.id(), den > 0 ? num / den : null, num, den, Map.of(), Map.of(), n);
    }

    private IndicatorValue weightedMean(Indicator i, List<String> lsoas) {
        double sum = 0;
        double weight = 0;
        int n = 0;
        for (String l : lsoas) {
            Double v = data.number(i.dataset(), l, i.fields().get(0));
            if (v == null) {
                continue;
            }
            double w = data.residents(l);
            sum += v * w;
            weight += w;
            n++;
        }
        return new IndicatorValue(i.id(), weight > 0 ? sum / weight : null, sum, weight, Map.of(), Map.of(), n);
    }

    private IndicatorValue distribution(Indicator i, List<String> lsoas) {
        Map<String, Double> parts = new TreeMap<>(ProfileAggregator::naturalOrder);
        int n = 0;
        for (String l : lsoas) {
            String v = data.text(i.dataset(), l, i.fields().get(0));
            if (v == null) {
                continue;
            }
            n++;
            parts.merge(v, data.residents(l), Double::sum);
        }
        return withShares(i, new LinkedHashMap<>(parts), n);
    }

    private IndicatorValue categoryShares(Indicator i, List<String> lsoas) {
        Map<String, Double> parts = new LinkedHashMap<>();
        for (String f : fieldsOr(i.fields(), i.dataset())) {
            parts.put(f, 0.0);
        }
        int n = 0;
        for (String l : lsoas) {
            boolean any = false;
            for (String f : parts.keySet()) {
                Double v = data.number(i.dataset(), l, f);
                if (v != null) {
                    parts.merge(f, v, Double::sum);
                    any = true;
                }
            }
            n += any ? 1 : 0;
        }
        return withShares(i, parts, n);
    }

    private IndicatorValue ageBands(Indicator i, List<String> lsoas) {
        Map<String, Double> parts = new LinkedHashMap<>();
        for (int[] band : i.bands()) {
            parts.put(bandLabel(band), 0.0);
        }
        int n = 0;
        for (String l : lsoas) {
            boolean any = false;
            for (int[] band : i.bands()) {
                double s = 0;
                for (int age = band[0]; age <= band[1]; age++) {
                    Double v = data.number(i.dataset(), l, Integer.toString(age));
                    if (v == null) {
                        v = data.number(i.dataset(), l, age + "+"); // the open-ended top age, e.g. "90+"
                    }
                    if (v != null) {
                        s += v;
                        any = true;
                    }
                }
                parts.merge(bandLabel(band), s, Double::sum);
            }
            n += any ? 1 : 0;
        }
        return withShares(i, parts, n);
    }

    static String bandLabel(int[] band) {
        return band[1] >= 90 ? band[0] + "+" : band[0] + "–" + band[1];
    }

    private static IndicatorValue withShares(Indicator i, Map<String, Double> parts, int n) {
        double total = 0;
        for (double v : parts.values()) {
            total += v;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : parts.entrySet()) {
            shares.put(e.getKey(), total > 0 ? e.getValue() / total : 0);
        }
        return new IndicatorValue(i.id(), null, total, null, Map.copyOf(parts).isEmpty() ? Map.of() : parts, shares, n);
    }

    /** "2" before "10": numbers in numeric order, texts alphabetically. */
    static int naturalOrder(String a, String b) {
        boolean na = a.matches("-?\\d+(\\.\\d+)?");
        boolean nb = b.matches("-?\\d+(\\.\\d+)?");
        if (na && nb) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
