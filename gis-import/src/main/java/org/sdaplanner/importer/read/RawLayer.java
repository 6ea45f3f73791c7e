package org.sdaplanner.importer.read;

import java.util.List;

/**
 * The features of one boundary file.
 *
 * @param detectedSrid the EPSG code the file declares, or {@code null} when it declares none
 */
public record RawLayer(String file, Integer detectedSrid, List<RawFeature> features) {
    public RawLayer {
        features = List.copyOf(features);
    }
}
