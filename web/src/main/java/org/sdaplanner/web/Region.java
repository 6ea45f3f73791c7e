package org.sdaplanner.web;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sdaplanner.cli.RegionAnalysis;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.Outlines;
import org.sdaplanner.importer.crs.ToWgs84;
import org.sdaplanner.store.MapDataReader;
import org.sdaplanner.store.SpatialStore;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The imported region as the server holds it, read once at start: geography, dominant PCNs, blocks
 * and the planning problem every plan is scored on, with names for codes. Immutable.
 */
public final class Region {
    /** The dominance rule plans are built and scored under. */
    public static final DominanceRule RULE = DominanceRule.parse("plurality");

    private final RegionAnalysis analysis;
    private final PlanningProblem problem;
    private final String name;
    private final List<String> attributions;
    private final List<MapDataReader.Catchment> catchments;
    private final List<MapDataReader.Source> sources;
    private final String importedAt;
    private final Map<String, String> pcnNames;
    private final Map<String, String> districtNames;
    private final double[] bounds;
    private final MapOutlines blockOutlines;

    private Region(RegionAnalysis analysis, String name, List<String> attributions, List<MapDataReader.Catchment> catchments,
                   List<MapDataReader.Source> sources, String importedAt) {
        this.analysis = analysis;
        this.sources = List.copyOf(sources);
        this.importedAt = importedAt;
        this.problem = PlanningProblem.of(analysis.blocks(), analysis.dominance());
        this.blockOutlines = new MapOutlines(() -> Outlines.byCode(problem.blocks()));
        this.name = name;
        this.attributions = List.copyOf(attributions);
        this.catchments = List.copyOf(catchments);
        Map<String, String> pcns = new TreeMap<>();
        for (Pcn p : analysis.geography().pcns()) {
            if (!p.unallocated()) {
                pcns.put(p.code(), p.name());
            }
        }
        analysis.dominance().pcns().forEach(f -> pcns.putIfAbsent(f.pcnCode(), f.pcnName()));
        this.pcnNames = Collections.unmodifiableMap(pcns);
        Map<String, String> districts = new TreeMap<>();
        for (District d : analysis.geography().districts()) {
            districts.put(d.code(), d.name());
        }
        this.districtNames = Collections.unmodifiableMap(districts);
        Envelope env = new Envelope();
        for (Lsoa l : analysis.geography().lsoas()) {
            env.expandToInclude(l.geometry().getEnvelopeInternal());
        }
        if (env.isNull()) {
            bounds = new double[0];
        } else {
            Geometry box = new ToWgs84().apply(new GeometryFactory().toGeometry(env));
            Envelope w = box.getEnvelopeInternal();
            bounds = new double[]{w.getMinX(), w.getMinY(), w.getMaxX(), w.getMaxY()};
        }
    }

    /** Reads the last import, works out dominant PCNs and blocks (a second or two for a county). */
    public static Region load(SpatialStore store) {
        MapDataReader reader = new MapDataReader(store);
        // always the default blocks (no --slivers here): stored plans are plans of these blocks
        RegionAnalysis analysis = RegionAnalysis.load(store, RULE, SliverRule.DEFAULTS);
        return new Region(analysis, reader.regionName().orElse("Region"), reader.attributions(), reader.catchments(),
                reader.sources(), reader.importedAt().orElse(null));
    }

    public RegionAnalysis analysis() {
        return analysis;
    }

    public PlanningProblem problem() {
        return problem;
    }

    /** The blocks' outlines as the map draws them at each zoom: the blocks layer, the districts and every plan's areas. */
    public MapOutlines blockOutlines() {
        return blockOutlines;
    }

    public String name() {
        return name;
    }

    public List<String> attributions() {
        return attributions;
    }

    public List<MapDataReader.Catchment> catchments() {
        return catchments;
    }

    /** The imported files: titles, vintages, licences. */
    public List<MapDataReader.Source> sources() {
        return sources;
    }

    /** When the data was imported (ISO-8601), or null. */
    public String importedAt() {
        return importedAt;
    }

    /** PCN code → name, by code (without the "unallocated" pseudo-PCN). */
    public Map<String, String> pcnNames() {
        return pcnNames;
    }

    public String pcnName(String code) {
        return code == null ? null : pcnNames.get(code);
    }

    public Map<String, String> districtNames() {
        return districtNames;
    }

    /** The region manifest's default area counts (either reading), or null when it gives none. */
    public org.sdaplanner.core.cluster.AreaCounts defaultCounts() {
        return analysis.defaultCounts();
    }

    public Integer defaultAreas() {
        return analysis.defaultAreas();
    }

    /** West, south, east, north in degrees (EPSG:4326); empty when there are no LSOAs. */
    public double[] bounds() {
        return bounds.clone();
    }
}
