package org.sdaplanner.core.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which input owns each face. A face inside exactly one input polygon is that input's. A face
 * inside several (boundaries from different sources overlapping) goes to the smallest of them, so
 * an input lying wholly inside a larger one is never swallowed. A face inside none (a gap between
 * boundaries) goes to the neighbour it shares the longest edge with, unless it is larger than
 * {@link TopologyOptions#maxGapArea()}: then it stays a hole.
 */
final class Ownership {

    /** No owner: a hole left open (or, before resolution, not yet known). */
    static final int NONE = -1;

    private Ownership() {
    }

    /** What resolution did, for the report. */
    record Counts(int overlaps, double overlapArea, int gapsFilled, double gapArea, int holes, double holeArea) {
    }

    record Result(int[] owner, Counts counts) {
    }

    static Result resolve(Faces faces, List<? extends Geometry> inputs, TopologyOptions options) {
        int n = faces.size();
        STRtree tree = new STRtree();
        double[] inputArea = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Geometry g = inputs.get(i);
            if (g != null && !g.isEmpty()) {
                tree.insert(g.getEnvelopeInternal(), i);
                inputArea[i] = g.getArea();
            }
        }
        tree.build();
        IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[inputs.size()];
        int[] owner = new int[n];
        Arrays.fill(owner, NONE);
        boolean[] gap = new boolean[n];
        int overlaps = 0;
        double overlapArea = 0;
        for (int f = 0; f < n; f++) {
            Polygon face = faces.faces.get(f);
            Coordinate p = insidePoint(face);
            List<Integer> inside = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Integer> candidates = tree.query(new Envelope(p));
            for (int i : candidates) {
                if (locators[i] == null) {
                    locators[i] = new IndexedPointInAreaLocator(inputs.get(i));
                }
                if (locators[i].locate(p) != Location.EXTERIOR) {
                    inside.add(i);
                }
            }
            if (inside.isEmpty()) {
                gap[f] = true;
            } else {
                int best = inside.get(0);
                for (int i : inside) {
                    if (inputArea[i] < inputArea[best] || (inputArea[i] == inputArea[best] && i < best)) {
                        best = i;
                    }
                }
                owner[f] = best;
                if (inside.size() > 1) {
                    overlaps++;
                    overlapArea += face.getArea();
                }
            }
        }
        // gaps: rounds in which every open gap takes the owner it shares most edge with (as the
        // owners stood at the start of the round, so the order faces are visited in does not matter)
        int gapsFilled = 0;
        double gapArea = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            int[] next = owner.clone();
            for (int f = 0; f < n; f++) {
                if (!gap[f] || owner[f] != NONE || faces.faces.get(f).getArea() > options.maxGapArea()) {
                    continue;
                }
                int best = NONE;
                double bestLength = 0;
                int[] across = faces.neighbours[f];
                double[] len = faces.shared[f];
                double[] byOwner = new double[inputs.size()];
                for (int k = 0; k < across.length; k++) {
                    if (across[k] >= 0 && owner[across[k]] != NONE) {
                        byOwner[owner[across[k]]] += len[k];
                    }
                }
                for (int i = 0; i < byOwner.length; i++) {
                    if (byOwner[i] > bestLength) {
                        best = i;
                        bestLength = byOwner[i];
                    }
                }
                if (best != NONE) {
                    next[f] = best;
                    gapsFilled++;
                    gapArea += faces.faces.get(f).getArea();
                    changed = true;
                }
            }
            owner = next;
        }
        int holes = 0;
        double holeArea = 0;
        for (int f = 0; f < n; f++) {
            if (owner[f] == NONE) {
                holes++;
                holeArea += faces.faces.get(f).getArea();
            }
        }
        return new Result(owner, new Counts(overlaps, overlapArea, gapsFilled, gapArea, holes, holeArea));
    }

    /**
     * A point inside the face, away from its edges (the middle of its widest horizontal chord), so
     * that its place in the inputs is the face's, not a neighbour's.
     */
    private static Coordinate insidePoint(Polygon face) {
        return face.getInteriorPoint().getCoordinate();
    }
}
