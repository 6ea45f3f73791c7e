package org.sdaplanner.web.comments;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.importer.crs.ToBritishNationalGrid;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the building block under a point given in longitude/latitude (for comments pinned to the map). */
final class BlockLocator {
    private final STRtree index = new STRtree();
    private final ToBritishNationalGrid toBng = new ToBritishNationalGrid(4326);
    private final GeometryFactory factory = new GeometryFactory();

    private record Entry(BuildingBlock block, PreparedGeometry shape) {
    }

    BlockLocator(PlanningProblem problem) {
        for (BuildingBlock b : problem.blocks()) {
            index.insert(b.geometry().getEnvelopeInternal(), new Entry(b, PreparedGeometryFactory.prepare(b.geometry())));
        }
        index.build();
    }

    /** The block covering the point (the first by code where blocks touch), or empty outside the region. */
    synchronized Optional<BuildingBlock> at(double lon, double lat) { // prepared geometries build their indexes lazily
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            return Optional.empty();
        }
        Geometry p = toBng.apply(factory.createPoint(new Coordinate(lon, lat)));
        @SuppressWarnings("unchecked")
        List<Entry> hits = index.query(p.getEnvelopeInternal());
        return hits.stream().filter(e -> e.shape().covers((Point) p)).map(Entry::block)
                .min(Comparator.comparing(BuildingBlock::code));
    }
}
