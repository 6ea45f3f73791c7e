package org.sdaplanner.core.blocks;

import java.util.Comparator;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * The part of one LSOA that lies in one parish, or outside every parish.
 *
 * <p>The overlay computes piece areas exactly without building the piece's outline; the
 * outline ({@link #geometry()}) is built on first use and then kept. Equality is by LSOA,
 * parish, area and share (not by outline).
 */
public final class LsoaPiece {

    /** The output order: LSOA code, then parish code with the outside-every-parish piece last. */
    public static final Comparator<LsoaPiece> ORDER = Comparator.comparing(LsoaPiece::lsoaCode)
            .thenComparing(LsoaPiece::parishCode, Comparator.nullsLast(Comparator.naturalOrder()));

    private final String lsoaCode;
    private final String parishCode;
    private final LazyGeometry geometry;
    private final double area;
    private final double areaShare;

    /**
     * @param lsoaCode the LSOA
     * @param parishCode the parish (civil parish or ONS non-civil parished area), or {@code null}
     *                   for the part of the LSOA outside every parish
     * @param geometry polygonal, EPSG:27700
     * @param area area of the piece in m²
     * @param areaShare this piece's share of the LSOA (see {@link #areaShare()})
     */
    public LsoaPiece(String lsoaCode, String parishCode, Geometry geometry, double area, double areaShare) {
        this(lsoaCode, parishCode, LazyGeometry.of(Objects.requireNonNull(geometry, "geometry")), area, areaShare);
    }

    LsoaPiece(String lsoaCode, String parishCode, LazyGeometry geometry, double area, double areaShare) {
        this.lsoaCode = Objects.requireNonNull(lsoaCode, "lsoaCode");
        this.parishCode = parishCode;
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.area = area;
        this.areaShare = areaShare;
    }

    public String lsoaCode() {
        return lsoaCode;
    }

    /** The parish, or {@code null} for the part of the LSOA outside every parish. */
    public String parishCode() {
        return parishCode;
    }

    /**
     * The piece's outline: polygonal, EPSG:27700, snapped to the overlay's precision grid (so
     * its area may differ from {@link #area()} by a few mm²). Built on first use.
     */
    public Geometry geometry() {
        return geometry.get();
    }

    /** Whether the outline has been built yet (the codec keeps only those; tests of the lazy path). */
    boolean geometryMade() {
        return geometry.isMade();
    }

    /** Area of the piece in m², computed exactly from the LSOA and parish outlines. */
    public double area() {
        return area;
    }

    /**
     * This piece's share of the LSOA: its area divided by the total area of the LSOA's kept
     * pieces, so the shares of an LSOA sum to 1. Without dropped slivers or overlapping parishes
     * this is simply piece area ÷ LSOA area.
     */
    public double areaShare() {
        return areaShare;
    }

    /** True for the part of the LSOA outside every parish. */
    public boolean outsideParishes() {
        return parishCode == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LsoaPiece p && lsoaCode.equals(p.lsoaCode) && Objects.equals(parishCode, p.parishCode)
                && Double.compare(area, p.area) == 0 && Double.compare(areaShare, p.areaShare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lsoaCode, parishCode, area, areaShare);
    }

    @Override
    public String toString() {
        return "LsoaPiece[lsoaCode=" + lsoaCode + ", parishCode=" + parishCode + ", area=" + area
                + ", areaShare=" + areaShare + "]";
    }
}
