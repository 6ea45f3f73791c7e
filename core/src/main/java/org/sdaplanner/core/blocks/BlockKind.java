package org.sdaplanner.core.blocks;

/** What a {@link BuildingBlock} is made of. */
public enum BlockKind {
    /** A civil parish (or town council area): the parish's own geometry. */
    PARISH,
    /**
     * In an unparished area (ONS non-civil parished area, or outside every parish): an LSOA, or
     * the part of an LSOA not in any civil parish. The block's code and name are the LSOA's.
     */
    UNPARISHED
}
