package org.sdaplanner.core.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequenceFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A {@link Topology} as bytes and back, so that a store can keep one instead of noding it again:
 * the decoded one has the same codes, faces (WKB, with their factory's precision model and SRID),
 * owners, neighbours and shared lengths (raw bits), options and report, so every outline drawn
 * from it is the one the encoded topology draws. Bytes in memory only: the caller keeps them.
 */
public final class TopologyCodec {
    private static final int MAGIC = 0x53444154; // "SDAT"
    private static final int FORMAT = 1;

    private TopologyCodec() {
    }

    /** @throws IllegalArgumentException for faces with user data or coordinates not of the default sequence type */
    public static byte[] encode(Topology t) {
        GeometryFactory f = t.factory();
        if (!(f.getCoordinateSequenceFactory() instanceof CoordinateArraySequenceFactory)) {
            throw new IllegalArgumentException("coordinates of " + f.getCoordinateSequenceFactory().getClass().getName());
        }
        Faces faces = t.faces();
        byte[][] wkb = new byte[faces.size()][];
        IntStream.range(0, wkb.length).parallel().forEach(i -> {
            Polygon p = faces.faces.get(i);
            if (p.getUserData() != null || !(p.getFactory().getCoordinateSequenceFactory() instanceof CoordinateArraySequenceFactory)) {
                throw new IllegalArgumentException("face " + i + " cannot be kept exactly");
            }
            wkb[i] = new WKBWriter(3).write(p);
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            factory(out, f);
            List<String> codes = t.allCodes();
            out.writeInt(codes.size());
            for (String c : codes) {
                out.writeUTF(c);
            }
            out.writeLong(Double.doubleToRawLongBits(t.options().scale()));
            out.writeLong(Double.doubleToRawLongBits(t.options().maxGapArea()));
            TopologyReport r = t.report();
            out.writeInt(r.faces());
            out.writeInt(r.overlaps());
            out.writeLong(Double.doubleToRawLongBits(r.overlapArea()));
            out.writeInt(r.gapsFilled());
            out.writeLong(Double.doubleToRawLongBits(r.gapArea()));
            out.writeInt(r.holes());
            out.writeLong(Double.doubleToRawLongBits(r.holeArea()));
            int[] owner = t.owner();
            out.writeInt(wkb.length);
            for (int i = 0; i < wkb.length; i++) {
                Polygon p = faces.faces.get(i);
                factory(out, p.getFactory());
                out.writeInt(p.getSRID());
                out.writeInt(wkb[i].length);
                out.write(wkb[i]);
                out.writeInt(owner[i]);
                int[] ns = faces.neighbours[i];
                double[] shared = faces.shared[i];
                out.writeInt(ns.length);
                for (int k = 0; k < ns.length; k++) {
                    out.writeInt(ns[k]);
                    out.writeLong(Double.doubleToRawLongBits(shared[k]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a topology of this format (damaged, truncated, too long) */
    public static Topology decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IllegalArgumentException("not a topology of format " + FORMAT);
            }
            GeometryFactory factory = factory(in);
            int n = count(in, data.length);
            List<String> codes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                codes.add(in.readUTF());
            }
            TopologyOptions options = new TopologyOptions(d(in), d(in));
            TopologyReport report = new TopologyReport(in.readInt(), in.readInt(), d(in), in.readInt(), d(in), in.readInt(), d(in));
            int faceCount = count(in, data.length);
            GeometryFactory[] factories = new GeometryFactory[faceCount];
            int[] srid = new int[faceCount];
            byte[][] wkb = new byte[faceCount][];
            int[] owner = new int[faceCount];
            int[][] neighbours = new int[faceCount][];
            double[][] shared = new double[faceCount][];
            for (int i = 0; i < faceCount; i++) {
                GeometryFactory own = factory(in);
                factories[i] = same(own, factory) ? factory : own; // one factory for all, as they were made
                srid[i] = in.readInt();
                wkb[i] = new byte[count(in, data.length)];
                in.readFully(wkb[i]);
                owner[i] = in.readInt();
                int m = count(in, data.length);
                neighbours[i] = new int[m];
                shared[i] = new double[m];
                for (int k = 0; k < m; k++) {
                    neighbours[i][k] = in.readInt();
                    if (neighbours[i][k] < Faces.OUTSIDE || neighbours[i][k] >= faceCount) {
                        throw new IllegalArgumentException("neighbour " + neighbours[i][k]);
                    }
                    shared[i][k] = d(in);
                }
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes left over");
            }
            Polygon[] polygons = new Polygon[faceCount];
            IntStream.range(0, faceCount).parallel().forEach(i -> {
                try {
                    Geometry g = new WKBReader(factories[i]).read(wkb[i]);
                    g.setSRID(srid[i]);
                    polygons[i] = (Polygon) g;
                } catch (ParseException | ClassCastException e) {
                    throw new IllegalArgumentException("face " + i + ": " + e.getMessage(), e);
                }
            });
            return Topology.restored(codes, new Faces(List.of(polygons), neighbours, shared), owner, options, report, factory);
        } catch (EOFException e) {
            throw new IllegalArgumentException("a topology cut short", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory", e);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException("a damaged topology: " + e, e);
        }
    }

    /** Precision model and SRID ({@link FactoryCode}): how the factory is made again. */
    private static void factory(DataOutputStream out, GeometryFactory f) throws IOException {
        FactoryCode code = FactoryCode.of(f);
        out.writeInt(code.type());
        out.writeLong(code.scaleBits());
        out.writeInt(code.srid());
    }

    private static GeometryFactory factory(DataInputStream in) throws IOException {
        return new FactoryCode(in.readInt(), in.readLong(), in.readInt()).make();
    }

    private static boolean same(GeometryFactory a, GeometryFactory b) {
        return a.getSRID() == b.getSRID() && a.getPrecisionModel().equals(b.getPrecisionModel());
    }

    private static int count(DataInputStream in, int limit) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > limit) {
            throw new IllegalArgumentException("a count of " + n);
        }
        return n;
    }

    private static double d(DataInputStream in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }
}
