package org.sdaplanner.core.blocks;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.core.topology.TopologyCodec;
import org.sdaplanner.core.topology.TopologyOptions;
import org.sdaplanner.core.work.Background;

/**
 * The blocks' outline topologies every output draws from, made once per set of blocks: the
 * partition in EPSG:27700 ({@link #bng()}) and the same blocks noded in longitude/latitude
 * ({@link #lonLat}). Both are pure functions of the blocks' geometries, so a block snapshot keeps
 * them ({@link BlockAnalysisCodec}) and a command that decodes it draws outlines without noding
 * again. Kept ones are decoded on first ask; bytes that do not decode are made again, as on a miss.
 * Thread-safe; equal when the blocks are (the topologies follow from them).
 */
public final class BlockOutlines {
    private final List<BuildingBlock> blocks;
    private Topology bng;
    private Topology lonLat;
    /** Encoded topologies not yet decoded (null once decoded, or when there were none). */
    private byte[] bngBytes;
    private byte[] lonLatBytes;
    /** One lock each, so that the two can be made at the same time ({@link #makeBoth}). */
    private final Object bngLock = new Object();
    private final Object lonLatLock = new Object();

    public BlockOutlines(Collection<BuildingBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** As a snapshot kept them: either may be null (then made on first ask). */
    static BlockOutlines restored(Collection<BuildingBlock> blocks, byte[] bng, byte[] lonLat) {
        BlockOutlines o = new BlockOutlines(blocks);
        o.bngBytes = bng;
        o.lonLatBytes = lonLat;
        return o;
    }

    /** The blocks' outlines by code, EPSG:27700: what both topologies are made from. */
    public static Map<String, Geometry> byCode(Collection<BuildingBlock> blocks) {
        Map<String, Geometry> m = new HashMap<>();
        for (BuildingBlock b : blocks) {
            m.put(b.code(), b.geometry());
        }
        return m;
    }

    /** The blocks' partition in EPSG:27700 on the 1 mm grid, unsimplified. */
    public static Topology bngOf(Collection<BuildingBlock> blocks) {
        return Topology.of(byCode(blocks), TopologyOptions.METRES);
    }

    /** {@link #bngOf} of these blocks, made (or decoded) once. */
    public Topology bng() {
        synchronized (bngLock) {
            if (bng == null) {
                bng = decoded(bngBytes);
                bngBytes = null;
                if (bng == null) {
                    bng = bngOf(blocks);
                }
            }
            return bng;
        }
    }

    /**
     * The blocks noded in longitude/latitude, unsimplified, made (or decoded) once.
     *
     * @param make how it is made from {@link #byCode the outlines by code} (core has no
     *             reprojection: the caller's is the one definition, and must be the same on every call)
     */
    public Topology lonLat(Function<Map<String, Geometry>, Topology> make) {
        synchronized (lonLatLock) {
            if (lonLat == null) {
                lonLat = decoded(lonLatBytes);
                lonLatBytes = null;
                if (lonLat == null) {
                    lonLat = Objects.requireNonNull(make.apply(byCode(blocks)), "lon/lat topology");
                }
            }
            return lonLat;
        }
    }

    /**
     * Makes (or decodes) both topologies, the BNG one on a thread of its own while this one makes
     * the lon/lat one: each noding keeps only part of the cores busy, so together they took
     * 1.3-1.45 s nationally on 2 cores against 2.5 s one after the other (docs/benchmarks.md,
     * session 13). Each is what {@link #bng()} and {@link #lonLat} make alone.
     */
    public void makeBoth(Function<Map<String, Geometry>, Topology> make) {
        Background<Topology> bngMade = Background.start("block-outlines-bng", this::bng);
        lonLat(make);
        bngMade.get();
    }

    /** For the codec: the BNG topology as bytes (made now if need be). */
    byte[] bngBytes() {
        synchronized (bngLock) {
            return bngBytes != null ? bngBytes : TopologyCodec.encode(bng());
        }
    }

    /** For the codec: the lon/lat topology as bytes, or null when it was never made (it is then made after decoding). */
    byte[] lonLatBytes() {
        synchronized (lonLatLock) {
            return lonLatBytes != null ? lonLatBytes : lonLat == null ? null : TopologyCodec.encode(lonLat);
        }
    }

    private static Topology decoded(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return TopologyCodec.decode(bytes);
        } catch (IllegalArgumentException damaged) {
            return null; // made again, as without a snapshot
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockOutlines other && blocks.equals(other.blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }

    @Override
    public String toString() {
        return "BlockOutlines[" + blocks.size() + " blocks]";
    }
}
