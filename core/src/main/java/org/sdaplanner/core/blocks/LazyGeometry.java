package org.sdaplanner.core.blocks;

import java.util.Objects;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry made on first use and kept. The overlay needs only piece areas; a piece's
 * outline costs a snap-rounded overlay, and only a few pieces are ever drawn or unioned.
 * Thread-safe; the maker must be deterministic, so when it runs does not matter.
 */
final class LazyGeometry implements Supplier<Geometry> {

    private Supplier<Geometry> maker;
    private volatile Geometry value;

    LazyGeometry(Supplier<Geometry> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    private LazyGeometry(Geometry value) {
        this.value = Objects.requireNonNull(value, "geometry");
    }

    /** An already known geometry. */
    static LazyGeometry of(Geometry geometry) {
        return new LazyGeometry(geometry);
    }

    @Override
    public Geometry get() {
        Geometry v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(maker.get(), "made geometry");
                    value = v;
                    maker = null;
                }
            }
        }
        return v;
    }

    /** Whether the geometry has been made (for tests). */
    boolean isMade() {
        return value != null;
    }
}
