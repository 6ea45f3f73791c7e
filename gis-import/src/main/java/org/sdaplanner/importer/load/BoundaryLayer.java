package org.sdaplanner.importer.load;

import java.util.List;

/** A validated boundary layer and what validation had to do to it. */
public record BoundaryLayer(String file, int sourceSrid, List<BoundaryFeature> features, int repairedGeometries) {
    public BoundaryLayer {
        features = List.copyOf(features);
    }
}
