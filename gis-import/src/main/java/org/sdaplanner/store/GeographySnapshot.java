package org.sdaplanner.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The imported geography as one value, kept in the store beside the tables it is made from
 * ({@code geography_snapshot}): reading it is one row instead of eight queries and 800,000 result
 * rows nationally. Codes and names are written once in a string table; registrations are three
 * columns; shapes stay WKB and are decoded in parallel, or not at all when the caller needs none
 * (dominance). It is written by the import in the import's transaction, so it is never out of
 * step with the tables; anything else that changes them drops it ({@link GeographyReader#clearSnapshot}).
 */
final class GeographySnapshot {
    /** Bumped whenever the layout below changes: a snapshot of another format is ignored and made again. */
    static final int FORMAT = 1;
    private static final int MAGIC = 0x53444147; // "SDAG"

    private GeographySnapshot() {
    }

    /** The geography in the order the tables are read in (by code), so that both paths give equal values. */
    static Geography sorted(Geography g) {
        Comparator<Registration> regs = Comparator.comparing(Registration::practiceCode).thenComparing(Registration::lsoaCode);
        return new Geography(
                g.lsoas().stream().sorted(Comparator.comparing(Lsoa::code)).toList(),
                g.parishes().stream().sorted(Comparator.comparing(Parish::code)).toList(),
                g.districts().stream().sorted(Comparator.comparing(District::code)).toList(),
                g.pcns().stream().sorted(Comparator.comparing(Pcn::code)).toList(),
                g.practices().stream().sorted(Comparator.comparing(Practice::code)).toList(),
                g.registrations().stream().sorted(regs).toList(),
                g.residents(),
                g.postcodes().stream().sorted(Comparator.comparing(PostcodePoint::postcode)).toList());
    }

    static byte[] encode(Geography g) {
        Strings strings = new Strings();
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
        WKBWriter wkb = new WKBWriter();
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(g.lsoas().size());
            for (Lsoa x : g.lsoas()) {
                strings.write(out, x.code(), x.name(), x.districtCode());
                shape(out, x.geometry(), wkb);
            }
            out.writeInt(g.parishes().size());
            for (Parish x : g.parishes()) {
                strings.write(out, x.code(), x.name(), x.districtCode());
                out.writeBoolean(x.unparished());
                shape(out, x.geometry(), wkb);
            }
            out.writeInt(g.districts().size());
            for (District x : g.districts()) {
                strings.write(out, x.code(), x.name());
                shape(out, x.geometry(), wkb);
            }
            out.writeInt(g.pcns().size());
            for (Pcn x : g.pcns()) {
                strings.write(out, x.code(), x.name());
            }
            out.writeInt(g.practices().size());
            for (Practice x : g.practices()) {
                strings.write(out, x.code(), x.name(), x.postcode(), x.pcnCode());
                out.writeBoolean(x.inRegion());
                shape(out, x.location(), wkb);
            }
            List<Registration> regs = g.registrations();
            out.writeInt(regs.size());
            for (Registration r : regs) {
                out.writeInt(strings.index(r.practiceCode()));
            }
            for (Registration r : regs) {
                out.writeInt(strings.index(r.lsoaCode()));
            }
            for (Registration r : regs) {
                out.writeLong(r.patients());
            }
            List<Map.Entry<String, Long>> residents = g.residents().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
            out.writeInt(residents.size());
            for (Map.Entry<String, Long> e : residents) {
                out.writeInt(strings.index(e.getKey()));
                out.writeLong(e.getValue());
            }
            out.writeInt(g.postcodes().size());
            for (PostcodePoint x : g.postcodes()) {
                strings.write(out, x.postcode());
                shape(out, x.location(), wkb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + strings.bytes() + 64);
        try (DataOutputStream out = new DataOutputStream(all)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            strings.writeTable(out);
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toByteArray();
    }

    /**
     * The geography a snapshot holds; with {@code withShapes} false every boundary and point is null
     * (what dominance needs: codes and counts only).
     *
     * @throws IllegalArgumentException when the bytes are not a snapshot of this format
     */
    static Geography decode(byte[] data, boolean withShapes) {
        try {
            return new Decoder(data, withShapes).geography();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a geography snapshot of format " + FORMAT + ": " + e.getMessage(), e);
        }
    }

    private static void shape(DataOutputStream out, Geometry g, WKBWriter wkb) throws IOException {
        if (g == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = wkb.write(g);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Every distinct text once; rows refer to it by index (-1: null). */
    private static final class Strings {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<byte[]> utf8 = new ArrayList<>();
        private int bytes;

        int index(String s) {
            if (s == null) {
                return -1;
            }
            return index.computeIfAbsent(s, k -> {
                byte[] b = k.getBytes(StandardCharsets.UTF_8);
                utf8.add(b);
                bytes += b.length + 4;
                return utf8.size() - 1;
            });
        }

        void write(DataOutputStream out, String... values) throws IOException {
            for (String v : values) {
                out.writeInt(index(v));
            }
        }

        int bytes() {
            return bytes;
        }

        void writeTable(DataOutputStream out) throws IOException {
            out.writeInt(utf8.size());
            for (byte[] b : utf8) {
                out.writeInt(b.length);
                out.write(b);
            }
        }
    }

    /** Reads the layout {@link #encode} writes, in the same order. */
    private static final class Decoder {
        private final ByteBuffer in;
        private final boolean withShapes;
        private String[] strings;
        /** Shapes waiting to be decoded, with where each goes. */
        private final List<byte[]> pending = new ArrayList<>();

        Decoder(byte[] data, boolean withShapes) {
            this.in = ByteBuffer.wrap(data); // big-endian, as DataOutputStream writes
            this.withShapes = withShapes;
        }

        Geography geography() throws IOException {
            if (in.getInt() != MAGIC) {
                throw new IOException("wrong header");
            }
            int format = in.getInt();
            if (format != FORMAT) {
                throw new IOException("format " + format);
            }
            strings = new String[in.getInt()];
            for (int i = 0; i < strings.length; i++) {
                int n = in.getInt();
                strings[i] = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
                in.position(in.position() + n);
            }
            record L(String code, String name, String district, int shape) {
            }
            int n = in.getInt();
            List<L> lsoaRows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                lsoaRows.add(new L(text(), text(), text(), shape()));
            }
            record P(String code, String name, String district, boolean unparished, int shape) {
            }
            n = in.getInt();
            List<P> parishRows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parishRows.add(new P(text(), text(), text(), in.get() != 0, shape()));
            }
            record D(String code, String name, int shape) {
            }
            n = in.getInt();
            List<D> districtRows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                districtRows.add(new D(text(), text(), shape()));
            }
            n = in.getInt();
            List<Pcn> pcns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pcns.add(new Pcn(text(), text()));
            }
            record Pr(String code, String name, String postcode, String pcn, boolean inRegion, int shape) {
            }
            n = in.getInt();
            List<Pr> practiceRows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                practiceRows.add(new Pr(text(), text(), text(), text(), in.get() != 0, shape()));
            }
            n = in.getInt();
            String[] practice = new String[n];
            for (int i = 0; i < n; i++) {
                practice[i] = text();
            }
            String[] lsoa = new String[n];
            for (int i = 0; i < n; i++) {
                lsoa[i] = text();
            }
            List<Registration> regs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                regs.add(new Registration(practice[i], lsoa[i], in.getLong()));
            }
            n = in.getInt();
            Map<String, Long> residents = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                residents.put(text(), in.getLong());
            }
            record Pc(String postcode, int shape) {
            }
            n = in.getInt();
            List<Pc> postcodeRows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                postcodeRows.add(new Pc(text(), shape()));
            }
            if (in.hasRemaining()) {
                throw new IOException(in.remaining() + " bytes left over");
            }
            Geometry[] shapes = decodeShapes();
            return new Geography(
                    lsoaRows.stream().map(r -> new Lsoa(r.code, r.name, r.district, at(shapes, r.shape))).toList(),
                    parishRows.stream().map(r -> new Parish(r.code, r.name, r.district, r.unparished, at(shapes, r.shape))).toList(),
                    districtRows.stream().map(r -> new District(r.code, r.name, at(shapes, r.shape))).toList(),
                    pcns,
                    practiceRows.stream().map(r -> new Practice(r.code, r.name, r.postcode, r.pcn, r.inRegion,
                            (Point) at(shapes, r.shape))).toList(),
                    regs, residents,
                    postcodeRows.stream().map(r -> new PostcodePoint(r.postcode, (Point) at(shapes, r.shape))).toList());
        }

        private String text() {
            int i = in.getInt();
            return i < 0 ? null : strings[i];
        }

        /** Notes the shape's bytes for later; its position in the pending list, or -1 for none (null or not wanted). */
        private int shape() {
            int n = in.getInt();
            if (n < 0) {
                return -1;
            }
            if (!withShapes) {
                in.position(in.position() + n);
                return -1;
            }
            byte[] b = new byte[n];
            in.get(b);
            pending.add(b);
            return pending.size() - 1;
        }

        /** WKB decoding is most of the read's time and each shape is independent: decoded on all cores. */
        private Geometry[] decodeShapes() {
            Geometry[] out = new Geometry[pending.size()];
            IntStream.range(0, out.length).parallel().forEach(i -> {
                try {
                    Geometry g = new WKBReader().read(pending.get(i));
                    g.setSRID(27700);
                    out[i] = g;
                } catch (ParseException e) {
                    throw new IllegalArgumentException("shape " + i + " cannot be decoded: " + e.getMessage(), e);
                }
            });
            return out;
        }

        private static Geometry at(Geometry[] shapes, int i) {
            return i < 0 ? null : shapes[i];
        }
    }
}
