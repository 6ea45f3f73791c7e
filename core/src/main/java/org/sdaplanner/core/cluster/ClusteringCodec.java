package org.sdaplanner.core.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Clusterer.Result} as bytes and back, so that a store can keep what a search found for
 * some inputs and options instead of searching again: the search is deterministic, so its result
 * is a value of them. What is decoded equals what was encoded (doubles as raw bits). Pure bytes:
 * the caller keeps them where it likes.
 */
public final class ClusteringCodec {
    /** Bumped whenever the layout below or {@link Clusterer.Result} changes: bytes of another format are not decoded. */
    public static final int FORMAT = 1;
    private static final int MAGIC = 0x53444143; // "SDAC"

    private ClusteringCodec() {
    }

    public static byte[] encode(Clusterer.Result r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 4 * r.assignment().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            ints(out, r.assignment());
            out.writeInt(r.areaCount());
            ints(out, r.districtOf());
            out.writeInt(r.warnings().size());
            for (String w : r.warnings()) {
                text(out, w);
            }
            out.writeInt(r.moves());
            out.writeInt(r.passes());
            out.writeInt(r.groups().size());
            for (Clusterer.GroupResult g : r.groups()) {
                text(out, g.label());
                text(out, g.districtCode());
                text(out, g.side());
                ints(out, g.areas());
                number(out, g.limits().min());
                number(out, g.limits().max());
                out.writeBoolean(g.limits().deviation() != null);
                if (g.limits().deviation() != null) {
                    number(out, g.limits().deviation());
                }
                out.writeBoolean(g.feasible());
                number(out, g.aligned());
                number(out, g.upperBound());
                out.writeBoolean(g.optimal());
            }
            number(out, r.meanResidents());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a clustering of this format */
    public static Clusterer.Result decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a kept clustering");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("a kept clustering of format " + format + ", not " + FORMAT);
            }
            int[] assignment = ints(in, data.length);
            int areaCount = in.readInt();
            int[] districtOf = ints(in, data.length);
            int warningCount = count(in, data.length);
            List<String> warnings = new ArrayList<>(warningCount);
            for (int i = 0; i < warningCount; i++) {
                warnings.add(required(text(in, data.length)));
            }
            int moves = in.readInt();
            int passes = in.readInt();
            int groupCount = count(in, data.length);
            List<Clusterer.GroupResult> groups = new ArrayList<>(groupCount);
            for (int i = 0; i < groupCount; i++) {
                String label = required(text(in, data.length));
                String district = text(in, data.length);
                String side = required(text(in, data.length));
                int[] areas = ints(in, data.length);
                double min = in.readDouble();
                double max = in.readDouble();
                Double deviation = in.readBoolean() ? in.readDouble() : null;
                PopulationLimits limits = new PopulationLimits(min, max, deviation);
                groups.add(new Clusterer.GroupResult(label, district, side, areas, limits, in.readBoolean(), in.readDouble(),
                        in.readDouble(), in.readBoolean()));
            }
            double mean = in.readDouble();
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the end of a kept clustering");
            }
            for (int a : assignment) {
                if (a < 0 || a >= areaCount) {
                    throw new IllegalArgumentException("a block in area " + a + " of " + areaCount);
                }
            }
            return new Clusterer.Result(assignment, areaCount, districtOf, List.copyOf(warnings), moves, passes,
                    List.copyOf(groups), mean);
        } catch (IOException e) {
            throw new IllegalArgumentException("a kept clustering cut short", e);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException("a damaged kept clustering", e);
        }
    }

    // doubles as raw bits: writeDouble would fold every NaN into one
    private static void number(DataOutputStream out, double v) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(v));
    }

    private static void ints(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    /** Length-prefixed UTF-8 (no 64 KB limit, as writeUTF has); −1 for null. */
    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** A count that the remaining bytes could hold: a damaged length fails here, not in a huge allocation. */
    private static int count(DataInputStream in, int limit) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > limit) {
            throw new IllegalArgumentException("a length of " + n + " in " + limit + " bytes");
        }
        return n;
    }

    private static int[] ints(DataInputStream in, int limit) throws IOException {
        int[] v = new int[count(in, limit / 4)];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    private static String text(DataInputStream in, int limit) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > limit) {
            throw new IllegalArgumentException("a text of " + n + " bytes in " + limit);
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IllegalArgumentException("a text cut short");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String required(String s) {
        if (s == null) {
            throw new IllegalArgumentException("a missing text");
        }
        return s;
    }
}
