package org.sdaplanner.core.blocks;

import java.util.Comparator;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * The part of one LSOA that lies in one parish, or outside every parish.
 *
 * @param lsoaCode the LSOA
 * @param parishCode the parish (civil parish or ONS non-civil parished area), or {@code null}
 *                   for the part of the LSOA outside every parish
 * @param geometry polygonal, EPSG:27700
 * @param area area of {@code geometry} in m²
 * @param areaShare this piece's share of the LSOA: its area divided by the total area of the
 *                  LSOA's kept pieces, so the shares of an LSOA sum to 1. Without dropped slivers
 *                  or overlapping parishes this is simply piece area ÷ LSOA area.
 */
public record LsoaPiece(String lsoaCode, String parishCode, Geometry geometry, double area, double areaShare) {

    /** The output order: LSOA code, then parish code with the outside-every-parish piece last. */
    public static final Comparator<LsoaPiece> ORDER = Comparator.comparing(LsoaPiece::lsoaCode)
            .thenComparing(LsoaPiece::parishCode, Comparator.nullsLast(Comparator.naturalOrder()));

    public LsoaPiece {
        Objects.requireNonNull(lsoaCode, "lsoaCode");
        Objects.requireNonNull(geometry, "geometry");
    }

    /** True for the part of the LSOA outside every parish. */
    public boolean outsideParishes() {
        return parishCode == null;
    }
}
