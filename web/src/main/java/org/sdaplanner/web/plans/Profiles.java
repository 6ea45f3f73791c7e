package org.sdaplanner.web.plans;

import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.profile.Indicator;
import org.sdaplanner.core.profile.IndicatorValue;
import org.sdaplanner.core.profile.LsoaData;
import org.sdaplanner.core.profile.PlanProfiles;
import org.sdaplanner.core.profile.Profile;
import org.sdaplanner.export.ProfileFiles;
import org.sdaplanner.store.ProfileCatalogueReader;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.AreaProfile;
import org.sdaplanner.web.api.AreaValue;
import org.sdaplanner.web.api.IndicatorMap;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.sdaplanner.export.Numbers.round;

/**
 * Area profiles of a plan: the indicator catalogue and its per-LSOA data, read from the store once
 * (on first use), and each plan's {@link PlanProfiles} (computed once per plan revision). The JSON
 * shapes are those of {@code sda profiles} ({@link ProfileFiles}).
 */
public final class Profiles {
    private final SpatialStore store;
    private final PlanSessions sessions;
    private final Region region;
    private final Map<String, String> districtOfLsoa = new HashMap<>();
    private volatile Loaded loaded;

    private record Loaded(List<Indicator> catalogue, LsoaData data) {
    }

    public Profiles(SpatialStore store, PlanSessions sessions) {
        this.store = store;
        this.sessions = sessions;
        this.region = sessions.region();
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

    private List<Indicator> catalogue() {
        return loaded().catalogue();
    }

    /** The plan's profiles at its current revision, computed once per revision (milliseconds). */
    private PlanProfiles planProfiles(long id) {
        PlanView v = sessions.view(id);
        return v.profiles(() -> {
            Loaded l = loaded();
            return PlanProfiles.of(l.catalogue(), l.data(), v.state(), v.areaIds(), v.areaNames(),
                    region.analysis().geography(), region.name());
        });
    }

    /** The indicator catalogue: id, label, kind, vintage, source, licence. */
    public List<Map<String, Object>> indicators() {
        return ProfileFiles.catalogueJson(catalogue());
    }

    /** All profiles of the plan (areas, districts, region) with the catalogue, as {@code sda profiles} writes them. */
    public Map<String, Object> all(long id) {
        return ProfileFiles.json(catalogue(), planProfiles(id));
    }

    /** The same as profiles.csv. */
    public String csv(long id) {
        PlanProfiles p = planProfiles(id);
        StringWriter w = new StringWriter();
        try {
            ProfileFiles.writeCsv(p, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** An area's profile next to those of its districts and the region. */
    public AreaProfile area(long id, String areaId) {
        PlanProfiles p = planProfiles(id);
        Profile area = p.areas().stream().filter(a -> a.id().equals(areaId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no area " + areaId + " in the plan"));
        Set<String> districts = new LinkedHashSet<>();
        for (String lsoa : area.lsoas()) {
            String d = districtOfLsoa.get(lsoa);
            if (d != null) {
                districts.add(d);
            }
        }
        return new AreaProfile(ProfileFiles.profileJson(area),
                p.districts().stream().filter(d -> districts.contains(d.id())).map(ProfileFiles::profileJson).toList(),
                ProfileFiles.profileJson(p.region()), indicators());
    }

    private Indicator indicator(String id) {
        return catalogue().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no indicator " + id));
    }

    /** One indicator (or one part's share) for every area and the region, for a choropleth. */
    public IndicatorMap map(long id, String indicatorId, String part) {
        PlanProfiles p = planProfiles(id);
        Indicator ind = indicator(indicatorId);
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
        List<AreaValue> areas = new ArrayList<>();
        for (Profile a : p.areas()) {
            areas.add(new AreaValue(a.id(), valueOf(a.values().get(ind.id()), hasParts, part)));
        }
        return new IndicatorMap(ProfileFiles.indicatorJson(ind), part, parts, areas, valueOf(whole, hasParts, part));
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
