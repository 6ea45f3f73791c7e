package org.sdaplanner.web.basemap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A PMTiles (version 3) file read with plain Java: a 127-byte header, directories of tile ids on a Hilbert
 * curve (varint-coded, gzip or uncompressed), and the tiles themselves, each found with at most three
 * small reads. PMTiles is one file that needs no database (MBTiles does: {@link MbTilesFile}); the
 * format is public at github.com/protomaps/PMTiles (spec/v3).
 */
public final class PmTilesFile implements TileSource {
    private static final int HEADER = 127;
    private static final int MAX_DEPTH = 4;

    private final Path path;
    private final FileChannel file;
    private final long rootOffset;
    private final long rootLength;
    private final long leafOffset;
    private final long dataOffset;
    private final int internalCompression;
    private final int tileCompression;
    private final Info info;

    private record Entry(long tileId, long offset, long length, long runLength) {
    }

    private PmTilesFile(Path path, FileChannel file, ByteBuffer h) {
        this.path = path;
        this.file = file;
        this.rootOffset = h.getLong(8);
        this.rootLength = h.getLong(16);
        this.leafOffset = h.getLong(40);
        this.dataOffset = h.getLong(56);
        this.internalCompression = h.get(97);
        this.tileCompression = h.get(98);
        String format = switch (h.get(99)) {
            case 2 -> "png";
            case 3 -> "jpg";
            case 4 -> "webp";
            case 1 -> throw new IllegalArgumentException(path + " holds vector tiles (MVT): this version draws raster"
                    + " basemaps only (PNG, JPEG or WebP tiles); make a raster PMTiles or MBTiles file, or give an XYZ raster URL");
            default -> throw new IllegalArgumentException(path + ": unknown tile type " + h.get(99) + " (expected PNG, JPEG or WebP)");
        };
        this.info = new Info(format, Byte.toUnsignedInt(h.get(100)), Byte.toUnsignedInt(h.get(101)));
        if (internalCompression != 1 && internalCompression != 2) {
            throw new IllegalArgumentException(path + ": its directories are compressed with "
                    + (internalCompression == 3 ? "brotli" : internalCompression == 4 ? "zstd" : "method " + internalCompression)
                    + "; this server reads uncompressed or gzip PMTiles (pmtiles convert writes gzip)");
        }
        if (tileCompression != 0 && tileCompression != 1 && tileCompression != 2) {
            throw new IllegalArgumentException(path + ": its tiles are compressed with method " + tileCompression
                    + "; raster tiles should be stored as they are");
        }
    }

    /** Opens the file and reads its header; a file that is not PMTiles v3 is refused with a message naming it. */
    public static PmTilesFile open(Path path) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            ByteBuffer h = read(ch, 0, HEADER);
            byte[] magic = new byte[7];
            h.get(0, magic);
            if (h.limit() < HEADER || !"PMTiles".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException(path + " is not a PMTiles file (it does not start with \"PMTiles\")");
            }
            if (h.get(7) != 3) {
                throw new IllegalArgumentException(path + " is PMTiles version " + h.get(7) + "; this server reads version 3"
                        + " (pmtiles convert upgrades older files)");
            }
            return new PmTilesFile(path, ch, h);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new IllegalArgumentException("cannot read the basemap file " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    @Override
    public Optional<byte[]> tile(int z, int x, int y) {
        if (z < 0 || z > 26 || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z) {
            return Optional.empty();
        }
        long id = tileId(z, x, y);
        long dirOffset = rootOffset;
        long dirLength = rootLength;
        try {
            for (int depth = 0; depth < MAX_DEPTH; depth++) {
                Entry e = find(directory(dirOffset, dirLength), id);
                if (e == null) {
                    return Optional.empty();
                }
                if (e.runLength() > 0) {
                    byte[] bytes = bytes(read(file, dataOffset + e.offset(), (int) e.length()));
                    return Optional.of(tileCompression == 2 ? gunzip(bytes) : bytes);
                }
                dirOffset = leafOffset + e.offset();
                dirLength = e.length();
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the basemap file " + path, e);
        }
    }

    /** The tile id of z/x/y: the tiles of every lower zoom, then the position on the zoom's Hilbert curve. */
    static long tileId(int z, int x, int y) {
        long acc = ((1L << (2 * z)) - 1) / 3;
        long n = 1L << z;
        long tx = x;
        long ty = y;
        long d = 0;
        for (long s = n / 2; s > 0; s /= 2) {
            long rx = (tx & s) > 0 ? 1 : 0;
            long ry = (ty & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    tx = s - 1 - tx;
                    ty = s - 1 - ty;
                }
                long t = tx;
                tx = ty;
                ty = t;
            }
        }
        return acc + d;
    }

    /** The entry holding the tile id: the last one starting at or before it, if its run (or leaf) covers it. */
    private static Entry find(Entry[] entries, long id) {
        int lo = 0;
        int hi = entries.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long c = entries[mid].tileId();
            if (c < id) {
                lo = mid + 1;
            } else if (c > id) {
                hi = mid - 1;
            } else {
                return entries[mid];
            }
        }
        if (hi >= 0) {
            Entry e = entries[hi];
            if (e.runLength() == 0 || id - e.tileId() < e.runLength()) {
                return e;
            }
        }
        return null;
    }

    private Entry[] directory(long offset, long length) throws IOException {
        byte[] raw = bytes(read(file, offset, (int) length));
        ByteBuffer b = ByteBuffer.wrap(internalCompression == 2 ? gunzip(raw) : raw);
        int n = (int) varint(b);
        long[] ids = new long[n];
        long last = 0;
        for (int i = 0; i < n; i++) {
            last += varint(b);
            ids[i] = last;
        }
        long[] runs = new long[n];
        for (int i = 0; i < n; i++) {
            runs[i] = varint(b);
        }
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = varint(b);
        }
        Entry[] out = new Entry[n];
        for (int i = 0; i < n; i++) {
            long v = varint(b);
            long off = v == 0 && i > 0 ? out[i - 1].offset() + out[i - 1].length() : v - 1;
            out[i] = new Entry(ids[i], off, lengths[i], runs[i]);
        }
        return out;
    }

    private static long varint(ByteBuffer b) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int x = Byte.toUnsignedInt(b.get());
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("a varint longer than 64 bits in a PMTiles directory");
    }

    private static ByteBuffer read(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Override
    public Info info() {
        return info;
    }

    @Override
    public void close() {
        closeQuietly(file);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // read-only file: nothing to lose
        }
    }
}
