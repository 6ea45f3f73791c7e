package org.sdaplanner.importer.plausible;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.sdaplanner.core.geography.District;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the region is, from its district boundaries: an LSOA or parish of the region must lie
 * within {@value #TOLERANCE_M} m of its district's outline (district layers are generalised, and of
 * another year than the LSOAs, so the test is on extents with room to spare). A feature far away has
 * wrong coordinates, and would become an island that breaks every area it joins.
 */
public final class RegionFootprint {
    public static final double TOLERANCE_M = 5_000;
    /** Without district boundaries: an LSOA with no other LSOA of the region this close is named in the report. */
    public static final double ISOLATED_M = 20_000;

    private final Map<String, District> byCode = new HashMap<>();
    private final Envelope all = new Envelope();

    public RegionFootprint(List<District> districts) {
        for (District d : districts) {
            if (d.geometry() != null && !d.geometry().isEmpty()) {
                byCode.put(d.code(), d);
                all.expandToInclude(d.geometry().getEnvelopeInternal());
            }
        }
    }

    /** True when there are district outlines to check against. */
    public boolean known() {
        return !byCode.isEmpty();
    }

    /** Why the geometry is not where its district (or, when that has no outline, the region) is; empty when it is. */
    public Optional<String> problem(String districtCode, Geometry g) {
        if (!known()) {
            return Optional.empty();
        }
        District d = districtCode == null ? null : byCode.get(districtCode);
        Envelope target = d != null ? d.geometry().getEnvelopeInternal() : all;
        Envelope e = g.getEnvelopeInternal();
        double gap = target.distance(e);
        if (gap <= TOLERANCE_M) {
            return Optional.empty();
        }
        String where = d != null ? "its district " + d.code() + " " + d.name() : "the region's districts";
        Envelope swapped = new Envelope(e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX());
        String hint = target.distance(swapped) <= TOLERANCE_M ? "; its eastings and northings look swapped" : "";
        return Optional.of(String.format(Locale.ROOT, "lies %,.0f km from %s (%s): expected it within %.0f km of the"
                + " district boundaries%s", gap / 1000, where, GreatBritain.describe(e), TOLERANCE_M / 1000, hint));
    }

    /** The codes of the geometries with no other geometry within {@value #ISOLATED_M} m, in the given order. */
    public static List<String> isolated(List<String> codes, List<Geometry> geometries) {
        STRtree index = new STRtree();
        for (int i = 0; i < geometries.size(); i++) {
            index.insert(geometries.get(i).getEnvelopeInternal(), i);
        }
        List<String> out = new ArrayList<>();
        if (geometries.size() < 2) {
            return out;
        }
        for (int i = 0; i < geometries.size(); i++) {
            Envelope e = new Envelope(geometries.get(i).getEnvelopeInternal());
            e.expandBy(ISOLATED_M);
            int self = i;
            boolean near = index.query(e).stream().anyMatch(o -> (Integer) o != self);
            if (!near) {
                out.add(codes.get(i));
            }
        }
        return out;
    }
}
