package org.sdaplanner.web;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.sdaplanner.core.dominance.PcnFootprint;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.store.MapDataReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.sdaplanner.export.Numbers.round;

/**
 * The region's fixed map layers (LSOAs with their dominant PCN, blocks, districts, PCN footprints,
 * PCN catchments, the places whose names label the map), each rendered once per zoom and kept as bytes
 * with an ETag.
 */
final class MapLayers {
    static final List<String> NAMES = List.of("lsoas", "blocks", "districts", "pcn-footprints", "pcn-catchments", "places");
    private static final String GEOJSON = "application/geo+json";

    private final Region region;
    private final Map<String, Supplier<List<Features.Feature>>> sources = new HashMap<>();
    private final Map<String, List<Features.Feature>> features = new ConcurrentHashMap<>();
    private final Map<String, CachedBody> cache = new ConcurrentHashMap<>();

    MapLayers(Region region, Places places) {
        this.region = region;
        sources.put("places", () -> places(places));
        sources.put("lsoas", this::lsoas);
        sources.put("blocks", this::blocks);
        sources.put("districts", this::districts);
        sources.put("pcn-footprints", this::footprints);
        sources.put("pcn-catchments", this::catchments);
    }

    /** The layer at a zoom (null: full detail). */
    CachedBody layer(String name, Integer zoom) {
        Supplier<List<Features.Feature>> source = sources.get(name);
        if (source == null) {
            throw ApiException.notFound("no layer '" + name + "': the layers are " + String.join(", ", NAMES));
        }
        return cache.computeIfAbsent(name + "@" + (zoom == null ? "full" : zoom),
                k -> CachedBody.of(Features.render(features.computeIfAbsent(name, n -> source.get()), zoom), GEOJSON));
    }

    private List<Features.Feature> lsoas() {
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
            out.add(new Features.Feature(p, l.geometry()));
        }
        return out;
    }

    /** The place labels: a point each, with the zoom from which the map shows it. */
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
            out.add(new Features.Feature(p, pl.bng()));
        }
        return out;
    }

    private List<Features.Feature> blocks() {
        List<Features.Feature> out = new ArrayList<>();
        for (BuildingBlock b : region.problem().blocks()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("block_code", b.code());
            p.put("block_name", b.name());
            p.put("block_kind", b.kind().name().toLowerCase(Locale.ROOT));
            p.put("district_code", b.districtCode());
            p.put("resident_population", round(b.residentPopulation(), 1));
            p.put("dominant_pcn_code", b.dominantPcn());
            out.add(new Features.Feature(p, b.geometry()));
        }
        return out;
    }

    private List<Features.Feature> districts() {
        List<Features.Feature> out = new ArrayList<>();
        for (District d : region.analysis().geography().districts()) {
            if (d.geometry() == null) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", d.code());
            p.put("name", d.name());
            out.add(new Features.Feature(p, d.geometry()));
        }
        return out;
    }

    /** Each PCN's footprint: the union of the LSOAs it dominates. */
    private List<Features.Feature> footprints() {
        Map<String, Geometry> lsoaGeometry = new HashMap<>();
        region.analysis().geography().lsoas().forEach(l -> lsoaGeometry.put(l.code(), l.geometry()));
        List<Features.Feature> out = new ArrayList<>();
        for (PcnFootprint f : region.analysis().dominance().pcns()) {
            List<Geometry> parts = new ArrayList<>();
            for (String code : f.footprintLsoas()) {
                Geometry g = lsoaGeometry.get(code);
                if (g != null) {
                    parts.add(g);
                }
            }
            if (parts.isEmpty()) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pcn_code", f.pcnCode());
            p.put("pcn_name", f.pcnName() != null ? f.pcnName() : region.pcnName(f.pcnCode()));
            p.put("lsoas", f.footprintLsoas().size());
            out.add(new Features.Feature(p, OverlayNGRobust.union(parts, parts.get(0).getFactory())));
        }
        return out;
    }

    private List<Features.Feature> catchments() {
        List<Features.Feature> out = new ArrayList<>();
        for (MapDataReader.Catchment c : region.catchments()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pcn_code", c.pcnCode());
            p.put("name", c.name());
            out.add(new Features.Feature(p, c.geometry()));
        }
        return out;
    }
}
