package org.sdaplanner.core.topology;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * What the snapshot codecs keep of a geometry factory so that decoded shapes get one like it: the
 * precision model (kind and scale, as raw bits) and the SRID. Coordinate sequences are always the
 * default kind.
 *
 * @param type 0 fixed, 1 floating, 2 floating single
 */
public record FactoryCode(int type, long scaleBits, int srid) {

    public static FactoryCode of(GeometryFactory f) {
        PrecisionModel pm = f.getPrecisionModel();
        PrecisionModel.Type t = pm.getType();
        int type = t == PrecisionModel.FIXED ? 0 : t == PrecisionModel.FLOATING ? 1 : 2;
        return new FactoryCode(type, Double.doubleToRawLongBits(pm.getScale()), f.getSRID());
    }

    /** @throws IllegalArgumentException for a kind of precision model there is none of */
    public GeometryFactory make() {
        PrecisionModel pm = switch (type) {
            case 0 -> new PrecisionModel(Double.longBitsToDouble(scaleBits));
            case 1 -> new PrecisionModel(PrecisionModel.FLOATING);
            case 2 -> new PrecisionModel(PrecisionModel.FLOATING_SINGLE);
            default -> throw new IllegalArgumentException("precision model " + type);
        };
        return new GeometryFactory(pm, srid);
    }
}
