package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** Small geometry helpers shared by the classes of this package. */
final class Geometries {

    static final GeometryFactory DEFAULT_FACTORY = new GeometryFactory();

    private Geometries() {
    }

    /** True when {@code g} is valid and polygonal, i.e. needs no repair. */
    static boolean isValidPolygonal(Geometry g) {
        return g != null && g instanceof Polygonal && (QuickValidity.certainlyValid(g) || g.isValid());
    }

    /**
     * A valid polygonal version of {@code g}: {@code g} itself when it is already valid and
     * polygonal, otherwise {@link GeometryFixer} (which keeps every lobe of a self-intersecting
     * ring, unlike {@code buffer(0)}) followed by dropping any non-polygonal component.
     * {@code null} becomes an empty polygon.
     */
    static Geometry repair(Geometry g) {
        if (g == null) {
            return DEFAULT_FACTORY.createPolygon();
        }
        if (isValidPolygonal(g)) {
            return g;
        }
        Geometry fixed = g.isValid() ? g : GeometryFixer.fix(g);
        return polygonal(fixed, g.getFactory());
    }

    /** The polygonal components of {@code g}: a Polygon, a MultiPolygon, or an empty Polygon. */
    static Geometry polygonal(Geometry g, GeometryFactory factory) {
        if (g instanceof Polygonal) {
            return g;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        List<Polygon> nonEmpty = new ArrayList<>(polygons.size());
        for (Polygon p : polygons) {
            if (!p.isEmpty()) {
                nonEmpty.add(p);
            }
        }
        if (nonEmpty.isEmpty()) {
            return factory.createPolygon();
        }
        if (nonEmpty.size() == 1) {
            return nonEmpty.get(0);
        }
        return factory.createMultiPolygon(nonEmpty.toArray(new Polygon[0]));
    }

    /**
     * {@code a op b} (an {@link OverlayNG} op code), polygonal part only. With a fixed precision
     * model, OverlayNG snap-rounds, which is robust; should it still fail, or with a floating
     * model, {@link OverlayNGRobust} is used.
     */
    static Geometry overlay(Geometry a, Geometry b, int opCode, PrecisionModel pm) {
        Geometry result;
        if (pm != null && !pm.isFloating()) {
            try {
                result = OverlayNG.overlay(a, b, opCode, pm);
            } catch (TopologyException | IllegalArgumentException e) {
                result = OverlayNGRobust.overlay(a, b, opCode);
            }
        } else {
            result = OverlayNGRobust.overlay(a, b, opCode);
        }
        return polygonal(result, a.getFactory());
    }

    /** The union of polygonal geometries (robust), polygonal part only. */
    static Geometry union(Collection<Geometry> geometries, GeometryFactory factory) {
        if (geometries.isEmpty()) {
            return factory.createPolygon();
        }
        if (geometries.size() == 1) {
            return geometries.iterator().next();
        }
        return polygonal(OverlayNGRobust.union(geometries, factory), factory);
    }
}
