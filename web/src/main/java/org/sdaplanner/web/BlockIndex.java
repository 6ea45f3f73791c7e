package org.sdaplanner.web;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The building block under a point of British National Grid: for search hits, place labels and comments pinned to the map. */
public final class BlockIndex {
    private final STRtree index = new STRtree();

    private record Entry(BuildingBlock block, PreparedGeometry shape) {
    }

    public BlockIndex(PlanningProblem problem) {
        for (BuildingBlock b : problem.blocks()) {
            index.insert(b.geometry().getEnvelopeInternal(), new Entry(b, PreparedGeometryFactory.prepare(b.geometry())));
        }
        index.build();
    }

    /** The block covering the point (the first by code where blocks touch), or empty outside every block. */
    public synchronized Optional<BuildingBlock> at(Point bng) { // prepared geometries build their indexes lazily
        @SuppressWarnings("unchecked")
        List<Entry> hits = index.query(bng.getEnvelopeInternal());
        return hits.stream().filter(e -> e.shape().covers(bng)).map(Entry::block).min(Comparator.comparing(BuildingBlock::code));
    }

    /** The code of the block covering the point, or null. */
    public String codeAt(Point bng) {
        return at(bng).map(BuildingBlock::code).orElse(null);
    }
}
