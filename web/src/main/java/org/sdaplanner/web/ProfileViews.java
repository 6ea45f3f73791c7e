package org.sdaplanner.web;

import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.profile.Indicator;
import org.sdaplanner.core.profile.IndicatorValue;
import org.sdaplanner.core.profile.LsoaData;
import org.sdaplanner.core.profile.PlanProfiles;
import org.sdaplanner.core.profile.Profile;
import org.sdaplanner.export.ProfileFiles;
import org.sdaplanner.store.ProfileCatalogueReader;
import org.sdaplanner.store.SpatialStore;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.sdaplanner.export.Numbers.round;

/**
 * Area profiles for the API: the indicator catalogue and its per-LSOA data, read from the store once
 * (on first use), and the JSON answers built from a plan's {@link PlanProfiles} (which the plan session caches
 * per revision). The JSON shapes are those of {@code sda profiles} ({@link ProfileFiles}).
 */
final class ProfileViews {
    private final SpatialStore store;
    private final Region region;
    private final Map<String, String> districtOfLsoa = new HashMap<>();
    private volatile Loaded loaded;

    private record Loaded(List<Indicator> catalogue, LsoaData data) {
    }

    ProfileViews(SpatialStore store, Region region) {
        this.store = store;
        this.region = region;
        for (Lsoa l : region.analysis().geography().lsoas()) {
            if (l.districtCode() != null) {
                districtOfLsoa.put(l.code(), l.districtCode());
            }
        }
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    ProfileCatalogueReader r = new ProfileCatalogueReader(store);
                    List<Indicator> cat = r.catalogue();
                    loaded = new Loaded(cat, r.data(cat, r.datasets2011()));
                }
                l = loaded;
            }
        }
        return l;
    }

    List<Indicator> catalogue() {
        return loaded().catalogue();
    }

    /** The profiles of a plan's areas, the districts and the region (milliseconds; the session caches them). */
    PlanProfiles compute(PlanSession s) {
        Loaded l = loaded();
        return PlanProfiles.of(l.catalogue(), l.data(), s.state, s.areaIds, s.areaNames, region.analysis().geography(),
                region.name());
    }

    List<Map<String, Object>> indicators() {
        return ProfileFiles.catalogueJson(catalogue());
    }

    Map<String, Object> all(PlanProfiles p) {
        return ProfileFiles.json(catalogue(), p);
    }

    String csv(PlanProfiles p) {
        StringWriter w = new StringWriter();
        try {
            ProfileFiles.writeCsv(p, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    Map<String, Object> area(PlanProfiles p, String areaId) {
        Profile area = p.areas().stream().filter(a -> a.id().equals(areaId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no area " + areaId + " in the plan"));
        Set<String> districts = new LinkedHashSet<>();
        for (String lsoa : area.lsoas()) {
            String d = districtOfLsoa.get(lsoa);
            if (d != null) {
                districts.add(d);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("area", ProfileFiles.profileJson(area));
        m.put("districts", p.districts().stream().filter(d -> districts.contains(d.id())).map(ProfileFiles::profileJson).toList());
        m.put("region", ProfileFiles.profileJson(p.region()));
        m.put("indicators", indicators());
        return m;
    }

    Indicator indicator(String id) {
        return catalogue().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no indicator " + id));
    }

    /** One indicator (or one part's share) for every area and the region, for a choropleth. */
    Map<String, Object> map(PlanProfiles p, Indicator ind, String part) {
        List<String> parts = new ArrayList<>();
        IndicatorValue whole = p.region().values().get(ind.id());
        boolean hasParts = ind.kind() == Indicator.Kind.DISTRIBUTION || ind.kind() == Indicator.Kind.CATEGORY_SHARES
                || ind.kind() == Indicator.Kind.AGE_BANDS;
        if (hasParts) {
            if (whole != null) {
                parts.addAll(whole.parts().keySet());
            }
            for (Profile a : p.areas()) {
                IndicatorValue v = a.values().get(ind.id());
                if (v != null) {
                    v.parts().keySet().stream().filter(k -> !parts.contains(k)).forEach(parts::add);
                }
            }
            if (part == null || part.isBlank()) {
                part = parts.isEmpty() ? null : parts.get(0);
            } else if (!parts.contains(part)) {
                throw ApiException.badRequest("indicator " + ind.id() + " has no part '" + part + "'");
            }
        } else if (part != null && !part.isBlank()) {
            throw ApiException.badRequest("indicator " + ind.id() + " is a " + ProfileFiles.indicatorJson(ind).get("kind")
                    + ": it has no parts");
        } else {
            part = null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", ProfileFiles.indicatorJson(ind));
        m.put("part", part);
        m.put("parts", parts);
        List<Map<String, Object>> areas = new ArrayList<>();
        for (Profile a : p.areas()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("area_id", a.id());
            row.put("value", valueOf(a.values().get(ind.id()), hasParts, part));
            areas.add(row);
        }
        m.put("areas", areas);
        m.put("region", valueOf(whole, hasParts, part));
        return m;
    }

    private static Double valueOf(IndicatorValue v, boolean hasParts, String part) {
        if (v == null) {
            return null;
        }
        if (hasParts) {
            if (part == null || v.lsoas() == 0) {
                return null;
            }
            Double share = v.shares().get(part);
            return round(share == null ? 0 : share, 6);
        }
        return v.value() == null ? null : round(v.value(), 6);
    }
}
