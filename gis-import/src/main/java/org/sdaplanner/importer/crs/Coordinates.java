package org.sdaplanner.importer.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** Maps every x/y of a geometry through a function, on a copy: the one place reprojection and rounding share. */
public final class Coordinates {
    private Coordinates() {
    }

    /** Writes the mapped position of (x, y) into {@code out[0]}, {@code out[1]}. */
    @FunctionalInterface
    public interface XyFunction {
        void apply(double x, double y, double[] out);
    }

    public static Geometry map(Geometry g, XyFunction f) {
        Geometry copy = g.copy();
        double[] out = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                f.apply(seq.getX(i), seq.getY(i), out);
                seq.setOrdinate(i, 0, out[0]);
                seq.setOrdinate(i, 1, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** Rounds to a multiple of {@code 1 / scale}, e.g. scale 1000 gives millimetres in metres. */
    public static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
