package org.sdaplanner.core.blocks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.CoordinateArraySequenceFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.topology.FactoryCode;
import org.sdaplanner.core.topology.TopologyReport;

/**
 * A {@link BlockAnalysis} as bytes and back, so that a store can keep one instead of making it
 * again for every command: what is decoded is indistinguishable from what was encoded (doubles
 * as raw bits, shapes as WKB with their factory's precision model and SRID). Texts are written
 * once in a string table; a shape used in several places (an LSOA that is one piece of itself)
 * is written once and decoded as one object. Piece outlines, made lazily by the overlay, are
 * kept when made (and for the parts of LSOAs outside every parish, made at encoding); the others
 * are remade from the kept LSOA and parish when first asked for, by the overlay's own function.
 * The blocks' outline topologies ({@link BlockOutlines}) follow, each as
 * {@link org.sdaplanner.core.topology.TopologyCodec} bytes: the BNG one made at encoding if need
 * be, the lon/lat one when it was made (the caller's reprojection makes it). Pure bytes: the
 * caller keeps them where it likes.
 */
public final class BlockAnalysisCodec {
    /** Bumped whenever the layout below changes: bytes of another format are not decoded. */
    public static final int FORMAT = 3; // 2: the blocks' outline topologies kept too; 3: only the piece outlines made
    private static final int MAGIC = 0x53444142; // "SDAB"

    private BlockAnalysisCodec() {
    }

    /**
     * @throws IllegalArgumentException when a shape could not be decoded exactly as it is (user
     *                                  data, or coordinates not in the default sequence type)
     */
    public static byte[] encode(BlockAnalysis analysis) {
        Encoder e = new Encoder();
        e.blockSet(analysis.blocks());
        e.adjacency(analysis.adjacency());
        e.outlines(analysis.outlines());
        return e.finish();
    }

    /** @throws IllegalArgumentException when the bytes are not an analysis of this format */
    public static BlockAnalysis decode(byte[] data) {
        try {
            return new Decoder(data).analysis();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a block analysis of format " + FORMAT + ": " + e.getMessage(), e);
        }
    }

    /** A shape's factory as the snapshot keeps it; only the default kind of coordinate sequences can be kept. */
    private static FactoryCode factoryOf(GeometryFactory f) {
        if (!(f.getCoordinateSequenceFactory() instanceof CoordinateArraySequenceFactory)) {
            throw new IllegalArgumentException("coordinates of " + f.getCoordinateSequenceFactory().getClass().getName());
        }
        return FactoryCode.of(f);
    }

    /** A growing big-endian buffer. */
    private static final class Sink {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16);

        private void room(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n));
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        void i(int v) {
            room(4);
            buf.putInt(v);
        }

        void l(long v) {
            room(8);
            buf.putLong(v);
        }

        void d(double v) {
            l(Double.doubleToRawLongBits(v));
        }

        void b(boolean v) {
            room(1);
            buf.put((byte) (v ? 1 : 0));
        }

        void bytes(byte[] b) {
            i(b.length);
            room(b.length);
            buf.put(b);
        }

        int size() {
            return buf.position();
        }

        void to(Sink out) {
            out.room(buf.position());
            out.buf.put(buf.array(), 0, buf.position());
        }

        byte[] array() {
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }

    /** Writes the body while collecting texts and shapes, then puts the tables in front of it. */
    private static final class Encoder {
        private final Sink body = new Sink();
        private final Map<String, Integer> strings = new LinkedHashMap<>();
        private final Map<Geometry, Integer> shapes = new IdentityHashMap<>();
        private final List<Geometry> shapeList = new ArrayList<>();
        private final Map<FactoryCode, Integer> factories = new LinkedHashMap<>();

        void text(String s) {
            body.i(s == null ? -1 : strings.computeIfAbsent(s, k -> strings.size()));
        }

        void texts(List<String> list) {
            body.i(list.size());
            list.forEach(this::text);
        }

        void shape(Geometry g) {
            if (g == null) {
                body.i(-1);
                return;
            }
            if (g.getUserData() != null) {
                throw new IllegalArgumentException("a shape with user data");
            }
            body.i(shapes.computeIfAbsent(g, k -> {
                factories.computeIfAbsent(factoryOf(k.getFactory()), f -> factories.size());
                shapeList.add(k);
                return shapeList.size() - 1;
            }));
        }

        void blockSet(BlockSet s) {
            body.i(s.blocks().size());
            for (BuildingBlock b : s.blocks()) {
                text(b.code());
                text(b.name());
                body.i(b.kind().ordinal());
                text(b.districtCode());
                shape(b.geometry());
                body.d(b.residentPopulation());
                body.d(b.registeredPopulation());
                body.i(b.pcnAffinity().size());
                b.pcnAffinity().forEach((pcn, v) -> {
                    text(pcn);
                    body.d(v);
                });
                body.i(b.pieces().size());
                for (BlockPiece p : b.pieces()) {
                    text(p.lsoaCode());
                    body.d(p.weight());
                    body.d(p.residentPopulation());
                    body.d(p.registeredPopulation());
                }
            }
            apportionment(s.apportionment());
            texts(s.unplacedLsoas());
            body.i(s.sliverMerges().size());
            for (SliverMerge m : s.sliverMerges()) {
                text(m.sliverCode());
                text(m.districtCode());
                text(m.intoCode());
                text(m.intoName());
                body.d(m.area());
                body.d(m.residents());
                body.d(m.registered());
                body.b(m.whole());
            }
            texts(s.keptSlivers());
            TopologyReport t = s.topology();
            body.b(t != null);
            if (t != null) {
                body.i(t.faces());
                body.i(t.overlaps());
                body.d(t.overlapArea());
                body.i(t.gapsFilled());
                body.d(t.gapArea());
                body.i(t.holes());
                body.d(t.holeArea());
            }
            SliverRule r = s.sliverRule();
            body.b(r != null);
            if (r != null) {
                body.d(r.maxAreaShare());
                body.d(r.maxResidentShare());
            }
        }

        private void apportionment(Apportionment a) {
            OverlayResult o = a.overlay();
            List<LsoaPiece> pieces = o.pieces();
            // The part of an LSOA outside every parish is made from parishes that may have been
            // dropped as slivers, which the bytes do not name: made here, on every core, and kept.
            // An LSOA ∩ parish outline not made yet is left out (no command draws one: making them
            // all took 2.7-3.4 s nationally, docs/benchmarks.md session 13); the decoder remakes it
            // from the kept LSOA and parish with the overlay's own function when it is asked for.
            pieces.parallelStream().filter(LsoaPiece::outsideParishes).forEach(LsoaPiece::geometry);
            body.i(pieces.size());
            for (int i = 0; i < pieces.size(); i++) {
                LsoaPiece p = pieces.get(i);
                text(p.lsoaCode());
                text(p.parishCode());
                boolean made = p.geometryMade();
                body.b(made);
                if (made) {
                    shape(p.geometry());
                }
                body.d(p.area());
                body.d(p.areaShare());
                body.d(a.weight(i));
                body.i(a.postcodeCount(i));
            }
            body.i(o.lsoas().size());
            for (Lsoa l : o.lsoas()) {
                text(l.code());
                text(l.name());
                text(l.districtCode());
                shape(l.geometry());
            }
            body.i(o.parishes().size());
            for (Parish p : o.parishes()) {
                text(p.code());
                text(p.name());
                text(p.districtCode());
                body.b(p.unparished());
                shape(p.geometry());
            }
            texts(o.repairedLsoas());
            texts(o.repairedParishes());
            body.i(o.droppedSlivers());
            body.d(o.droppedSliverArea());
            OverlayOptions op = o.options();
            body.d(op.sliverAreaM2());
            body.d(op.sliverShare());
            body.d(op.gridSize());
            body.b(op.parallel());
            body.i(a.basis().size());
            a.basis().forEach((code, basis) -> {
                text(code);
                body.i(basis.ordinal());
            });
        }

        void adjacency(BlockAdjacency g) {
            texts(g.codes());
            for (String code : g.codes()) {
                List<Neighbour> ns = g.neighbours(code);
                body.i(ns.size());
                for (Neighbour n : ns) {
                    text(n.code());
                    body.d(n.sharedLength());
                    body.b(n.declared());
                }
            }
            body.i(g.bridges().size());
            for (Bridge b : g.bridges()) {
                text(b.codeA());
                text(b.codeB());
            }
            AdjacencyOptions op = g.options();
            body.d(op.minSharedLength());
            body.d(op.snapTolerance());
            body.d(op.maxAngleDegrees());
        }

        void outlines(BlockOutlines o) {
            for (byte[] t : new byte[][] {o.bngBytes(), o.lonLatBytes()}) {
                body.b(t != null);
                if (t != null) {
                    body.bytes(t);
                }
            }
        }

        byte[] finish() {
            byte[][] wkb = new byte[shapeList.size()][];
            IntStream.range(0, wkb.length).parallel().forEach(i -> wkb[i] = new WKBWriter(3).write(shapeList.get(i)));
            Sink all = new Sink();
            all.i(MAGIC);
            all.i(FORMAT);
            all.i(strings.size());
            strings.keySet().forEach(s -> all.bytes(s.getBytes(StandardCharsets.UTF_8)));
            all.i(factories.size());
            factories.keySet().forEach(f -> {
                all.i(f.type());
                all.l(f.scaleBits());
                all.i(f.srid());
            });
            all.i(wkb.length);
            for (int i = 0; i < wkb.length; i++) {
                Geometry g = shapeList.get(i);
                all.i(factories.get(factoryOf(g.getFactory())));
                all.i(g.getSRID());
                all.bytes(wkb[i]);
            }
            body.to(all);
            return all.array();
        }
    }

    /** Reads the layout {@link Encoder} writes, in the same order. */
    private static final class Decoder {
        private final ByteBuffer in;
        private String[] strings;
        private Geometry[] shapes;

        Decoder(byte[] data) {
            this.in = ByteBuffer.wrap(data);
        }

        BlockAnalysis analysis() {
            if (in.getInt() != MAGIC) {
                throw new IllegalArgumentException("wrong header");
            }
            int format = in.getInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("format " + format);
            }
            strings = new String[count()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = new String(bytes(), StandardCharsets.UTF_8);
            }
            GeometryFactory[] factories = new GeometryFactory[count()];
            for (int i = 0; i < factories.length; i++) {
                factories[i] = new FactoryCode(in.getInt(), in.getLong(), in.getInt()).make();
            }
            int n = count();
            int[] factory = new int[n];
            int[] srid = new int[n];
            byte[][] wkb = new byte[n][];
            for (int i = 0; i < n; i++) {
                factory[i] = in.getInt();
                srid[i] = in.getInt();
                wkb[i] = bytes();
            }
            shapes = new Geometry[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                try {
                    Geometry g = new WKBReader(factories[factory[i]]).read(wkb[i]);
                    g.setSRID(srid[i]);
                    shapes[i] = g;
                } catch (ParseException e) {
                    throw new IllegalArgumentException("shape " + i + ": " + e.getMessage(), e);
                }
            });
            BlockSet set = blockSet();
            BlockAdjacency graph = adjacency();
            byte[] bng = b() ? bytes() : null;
            byte[] lonLat = b() ? bytes() : null;
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes left over");
            }
            return new BlockAnalysis(set, graph, BlockOutlines.restored(set.blocks(), bng, lonLat));
        }

        private int count() {
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new IllegalArgumentException("a count of " + n);
            }
            return n;
        }

        private byte[] bytes() {
            byte[] b = new byte[count()];
            in.get(b);
            return b;
        }

        private String text() {
            int i = in.getInt();
            return i < 0 ? null : strings[i];
        }

        private List<String> texts() {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(text());
            }
            return out;
        }

        private Geometry shape() {
            int i = in.getInt();
            return i < 0 ? null : shapes[i];
        }

        private double d() {
            return Double.longBitsToDouble(in.getLong());
        }

        private boolean b() {
            return in.get() != 0;
        }

        private BlockSet blockSet() {
            int n = count();
            List<BuildingBlock> blocks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String code = text();
                String name = text();
                BlockKind kind = BlockKind.values()[in.getInt()];
                String district = text();
                Geometry g = shape();
                double residents = d();
                double registered = d();
                SortedMap<String, Double> affinity = new TreeMap<>();
                for (int k = count(); k > 0; k--) {
                    affinity.put(text(), d());
                }
                int m = count();
                List<BlockPiece> pieces = new ArrayList<>(m);
                for (int k = 0; k < m; k++) {
                    pieces.add(new BlockPiece(text(), d(), d(), d()));
                }
                blocks.add(new BuildingBlock(code, name, kind, district, g, residents, registered, affinity, pieces));
            }
            Apportionment apportionment = apportionment();
            List<String> unplaced = texts();
            n = count();
            List<SliverMerge> merges = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                merges.add(new SliverMerge(text(), text(), text(), text(), d(), d(), d(), b()));
            }
            List<String> kept = texts();
            TopologyReport topology = b() ? new TopologyReport(in.getInt(), in.getInt(), d(), in.getInt(), d(), in.getInt(), d())
                    : null;
            SliverRule rule = b() ? new SliverRule(d(), d()) : null;
            return new BlockSet(blocks, apportionment, unplaced, merges, kept, topology, rule);
        }

        private Apportionment apportionment() {
            int n = count();
            List<KeptPiece> kept = new ArrayList<>(n);
            double[] weights = new double[n];
            int[] postcodes = new int[n];
            for (int i = 0; i < n; i++) {
                kept.add(new KeptPiece(text(), text(), b() ? shape() : null, d(), d()));
                weights[i] = d();
                postcodes[i] = in.getInt();
            }
            n = count();
            List<Lsoa> lsoas = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                lsoas.add(new Lsoa(text(), text(), text(), shape()));
            }
            n = count();
            List<Parish> parishes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parishes.add(new Parish(text(), text(), text(), b(), shape()));
            }
            List<String> repairedLsoas = texts();
            List<String> repairedParishes = texts();
            int dropped = in.getInt();
            double droppedArea = d();
            OverlayOptions options = new OverlayOptions(d(), d(), d(), b());
            PrecisionModel pm = LsoaParishOverlay.grid(options);
            List<LsoaPiece> pieces = new ArrayList<>(kept.size());
            for (KeptPiece k : kept) {
                pieces.add(k.piece(lsoas, parishes, pm));
            }
            OverlayResult overlay = new OverlayResult(pieces, lsoas, parishes, repairedLsoas, repairedParishes,
                    dropped, droppedArea, options);
            SortedMap<String, Apportionment.Basis> basis = new TreeMap<>();
            for (int k = count(); k > 0; k--) {
                basis.put(text(), Apportionment.Basis.values()[in.getInt()]);
            }
            return new Apportionment(overlay, weights, postcodes, basis);
        }

        /** A piece as the bytes hold it: its outline null when it was not made before encoding. */
        private record KeptPiece(String lsoa, String parish, Geometry outline, double area, double share) {
            /** The piece; without a kept outline, one remade on first ask from its (repaired) LSOA and parish. */
            LsoaPiece piece(List<Lsoa> lsoas, List<Parish> parishes, PrecisionModel pm) {
                if (outline != null) {
                    return new LsoaPiece(lsoa, parish, LazyGeometry.of(outline), area, share);
                }
                int l = OverlayResult.indexOf(lsoas, Lsoa::code, lsoa);
                int p = OverlayResult.indexOf(parishes, Parish::code, parish);
                if (l < 0 || p < 0) {
                    throw new IllegalArgumentException("piece " + lsoa + "/" + parish
                            + " has no outline and no LSOA and parish to make it from");
                }
                return new LsoaPiece(lsoa, parish, LsoaParishOverlay.intersection(lsoas.get(l).geometry(),
                        parishes.get(p).geometry(), pm), area, share);
            }
        }

        private BlockAdjacency adjacency() {
            List<String> codes = texts();
            List<List<Neighbour>> neighbours = new ArrayList<>(codes.size());
            for (int i = 0; i < codes.size(); i++) {
                int m = count();
                List<Neighbour> ns = new ArrayList<>(m);
                for (int k = 0; k < m; k++) {
                    ns.add(new Neighbour(text(), d(), b()));
                }
                neighbours.add(ns);
            }
            int n = count();
            List<Bridge> bridges = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                bridges.add(new Bridge(text(), text()));
            }
            return BlockAdjacency.restored(codes, neighbours, bridges, new AdjacencyOptions(d(), d(), d()));
        }
    }
}
