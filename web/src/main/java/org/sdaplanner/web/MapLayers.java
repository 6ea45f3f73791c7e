package org.sdaplanner.web;

import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.sdaplanner.core.dominance.PcnFootprint;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.export.Outlines;
import org.sdaplanner.store.MapDataReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.sdaplanner.export.Numbers.round;

/**
 * The region's map layers (LSOAs with their dominant PCN, blocks, districts, PCN footprints, PCN
 * catchments, and the places whose names label the map), each rendered once per zoom and kept as
 * bytes with an ETag. Blocks and districts come from the region's partition of the blocks (as plans'
 * areas do), LSOAs and footprints from one of the LSOAs ({@link MapOutlines}), so neighbours share
 * their boundary exactly at every zoom. PCN catchments are drawn one by one: they overlap by nature.
 */
final class MapLayers {
    static final List<String> NAMES = List.of("lsoas", "blocks", "districts", "pcn-footprints", "pcn-catchments", "places");
    private static final String GEOJSON = "application/geo+json";

    private final Region region;
    private final MapOutlines blockOutlines;
    private final MapOutlines lsoaOutlines;
    private final Map<String, Function<Integer, List<Features.Feature>>> sources = new HashMap<>();
    private final Map<String, CachedBody> cache = new ConcurrentHashMap<>();

    MapLayers(Region region, Places places) {
        this.region = region;
        this.blockOutlines = region.blockOutlines();
        this.lsoaOutlines = new MapOutlines(() -> {
            Map<String, Geometry> m = new HashMap<>();
            region.analysis().geography().lsoas().forEach(l -> m.put(l.code(), l.geometry()));
            return m;
        });
        sources.put("places", zoom -> places(places));
        sources.put("lsoas", this::lsoas);
        sources.put("blocks", this::blocks);
        sources.put("districts", this::districts);
        sources.put("pcn-footprints", this::footprints);
        sources.put("pcn-catchments", this::catchments);
    }

    /** The layer at a zoom (null: full detail). */
    CachedBody layer(String name, Integer zoom) {
        Function<Integer, List<Features.Feature>> source = sources.get(name);
        if (source == null) {
            throw ApiException.notFound("no layer '" + name + "': the layers are " + String.join(", ", NAMES));
        }
        return cache.computeIfAbsent(name + "@" + (zoom == null ? "full" : zoom),
                k -> CachedBody.of(Features.render(source.apply(zoom)), GEOJSON));
    }

    private List<Features.Feature> lsoas(Integer zoom) {
        Topology t = lsoaOutlines.at(zoom);
        Map<String, LsoaDominance> dominance = new HashMap<>();
        region.analysis().dominance().lsoas().forEach(d -> dominance.put(d.lsoaCode(), d));
        List<Features.Feature> out = new ArrayList<>();
        for (Lsoa l : region.analysis().geography().lsoas()) {
            LsoaDominance d = dominance.get(l.code());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("lsoa_code", l.code());
            p.put("lsoa_name", l.name());
            p.put("district_code", l.districtCode());
            p.put("dominant_pcn_code", d == null ? null : d.dominantPcnCode());
            p.put("dominant_share", d == null ? 0.0 : round(d.dominantShare(), 4));
            p.put("second_pcn_code", d == null ? null : d.secondPcnCode());
            p.put("contested", d == null || d.contested());
            p.put("registered_patients", d == null ? 0L : d.registeredPatients());
            out.add(new Features.Feature(p, t.outline(l.code())));
        }
        return out;
    }

    /** The place labels: a point each (the same at every zoom), with the zoom from which the map shows it. */
    private static List<Features.Feature> places(Places places) {
        List<Features.Feature> out = new ArrayList<>();
        for (Places.Place pl : places.all()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", pl.name());
            p.put("place", pl.kind());
            p.put("min_zoom", pl.minZoom());
            p.put("residents", pl.residents());
            p.put("district_code", pl.districtCode());
            p.put("block_code", pl.blockCode());
            out.add(new Features.Feature(p, Features.toWgs84(pl.bng())));
        }
        return out;
    }

    private List<Features.Feature> blocks(Integer zoom) {
        Topology t = blockOutlines.at(zoom);
        List<Features.Feature> out = new ArrayList<>();
        for (BuildingBlock b : region.problem().blocks()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("block_code", b.code());
            p.put("block_name", b.name());
            p.put("block_kind", b.kind().name().toLowerCase(Locale.ROOT));
            p.put("district_code", b.districtCode());
            p.put("resident_population", round(b.residentPopulation(), 1));
            p.put("dominant_pcn_code", b.dominantPcn());
            out.add(new Features.Feature(p, t.outline(b.code())));
        }
        return out;
    }

    /** Each district as the union of its blocks, so district lines are exactly the areas' lines. */
    private List<Features.Feature> districts(Integer zoom) {
        Map<String, String> districtOf = new HashMap<>();
        region.problem().blocks().forEach(b -> districtOf.put(b.code(), b.districtCode()));
        Map<String, Geometry> dissolved = blockOutlines.at(zoom).dissolve(districtOf::get);
        List<Features.Feature> out = new ArrayList<>();
        region.districtNames().forEach((code, name) -> {
            Geometry g = dissolved.get(code);
            if (g != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("code", code);
                p.put("name", name);
                out.add(new Features.Feature(p, g));
            }
        });
        return out;
    }

    /** Each PCN's footprint: the union of the LSOAs it dominates. */
    private List<Features.Feature> footprints(Integer zoom) {
        Map<String, String> pcnOf = new HashMap<>();
        List<PcnFootprint> footprints = region.analysis().dominance().pcns();
        footprints.forEach(f -> f.footprintLsoas().forEach(code -> pcnOf.put(code, f.pcnCode())));
        Map<String, Geometry> dissolved = lsoaOutlines.at(zoom).dissolve(pcnOf::get);
        List<Features.Feature> out = new ArrayList<>();
        for (PcnFootprint f : footprints) {
            Geometry g = dissolved.get(f.pcnCode());
            if (g == null) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pcn_code", f.pcnCode());
            p.put("pcn_name", f.pcnName() != null ? f.pcnName() : region.pcnName(f.pcnCode()));
            p.put("lsoas", f.footprintLsoas().size());
            out.add(new Features.Feature(p, g));
        }
        return out;
    }

    /** Catchments overlap one another, so each is simplified and put on the grid on its own. */
    private List<Features.Feature> catchments(Integer zoom) {
        List<Features.Feature> out = new ArrayList<>();
        for (MapDataReader.Catchment c : region.catchments()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pcn_code", c.pcnCode());
            p.put("name", c.name());
            Geometry g = c.geometry() == null ? null
                    : Outlines.lonLat(Outlines.of(Map.of("catchment", c.geometry())).simplified(Features.tolerance(zoom)))
                    .outline("catchment");
            out.add(new Features.Feature(p, g));
        }
        return out;
    }
}
