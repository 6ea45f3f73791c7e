package org.sdaplanner.web.comments;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.importer.crs.ToBritishNationalGrid;
import org.sdaplanner.web.BlockIndex;

import java.util.Optional;

/** Finds the building block under a point given in longitude/latitude (for comments pinned to the map). */
final class BlockLocator {
    private final BlockIndex index;
    private final ToBritishNationalGrid toBng = new ToBritishNationalGrid(4326);
    private final GeometryFactory factory = new GeometryFactory();

    BlockLocator(PlanningProblem problem) {
        this.index = new BlockIndex(problem);
    }

    /** The block covering the point (the first by code where blocks touch), or empty outside the region. */
    synchronized Optional<BuildingBlock> at(double lon, double lat) { // the transform keeps state between calls
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            return Optional.empty();
        }
        return index.at((Point) toBng.apply(factory.createPoint(new Coordinate(lon, lat))));
    }
}
