package org.sdaplanner.web;

import org.sdaplanner.web.api.CodeName;
import org.sdaplanner.web.api.RegionInfo;
import org.sdaplanner.web.api.SearchHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The region as the page shows it, the same for every plan: its description, its fixed map layers, and search. */
public final class RegionViews {
    private final Region region;
    private final MapLayers layers;
    private final SearchIndex search;

    public RegionViews(Region region) {
        this.region = region;
        BlockIndex blocks = new BlockIndex(region.problem());
        Places places = new Places(region, blocks);
        this.layers = new MapLayers(region, places);
        this.search = new SearchIndex(region, blocks, places);
    }

    public RegionInfo info() {
        var counts = region.defaultCounts();
        return new RegionInfo(region.name(), region.attributions(), codeNames(region.districtNames()),
                codeNames(region.pcnNames()), region.defaultAreas(),
                counts == null ? null : counts.partsOfTheirOwn() ? "parishes" : "all", counts == null ? null : counts.describe(),
                region.problem().blockCount(), region.bounds());
    }

    private static List<CodeName> codeNames(Map<String, String> names) {
        List<CodeName> out = new ArrayList<>();
        names.forEach((code, name) -> out.add(new CodeName(code, name)));
        return out;
    }

    /** A layer ({@link MapLayers#NAMES}) at a zoom (null: full detail), rendered once and cached. */
    public CachedBody layer(String name, Integer zoom) {
        return layers.layer(name, zoom);
    }

    /** Up to {@value SearchIndex#LIMIT} places (cities, towns, parishes), LSOAs and postcodes matching the text. */
    public List<SearchHit> search(String query) {
        return search.search(query);
    }
}
