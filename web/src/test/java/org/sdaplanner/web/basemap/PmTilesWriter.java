package org.sdaplanner.web.basemap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small PMTiles v3 files for the tests (raster tiles, gzip directories), so that no test needs a
 * tile file from elsewhere. With {@code leafSize} above 0 the entries go into leaf directories, which the
 * root directory points to, as large real files do.
 */
public final class PmTilesWriter {
    private final TreeMap<Long, byte[]> tiles = new TreeMap<>();
    private int minZoom = Integer.MAX_VALUE;
    private int maxZoom = 0;

    public PmTilesWriter add(int z, int x, int y, byte[] png) {
        tiles.put(PmTilesFile.tileId(z, x, y), png);
        minZoom = Math.min(minZoom, z);
        maxZoom = Math.max(maxZoom, z);
        return this;
    }

    public int size() {
        return tiles.size();
    }

    private record Entry(long tileId, long offset, long length, long runLength) {
    }

    public void write(Path file, int leafSize) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Long, byte[]> t : tiles.entrySet()) {
            entries.add(new Entry(t.getKey(), data.size(), t.getValue().length, 1));
            data.writeBytes(t.getValue());
        }
        byte[] root;
        ByteArrayOutputStream leaves = new ByteArrayOutputStream();
        if (leafSize > 0) {
            List<Entry> rootEntries = new ArrayList<>();
            for (int i = 0; i < entries.size(); i += leafSize) {
                List<Entry> part = entries.subList(i, Math.min(entries.size(), i + leafSize));
                byte[] leaf = gzip(directory(part));
                rootEntries.add(new Entry(part.get(0).tileId(), leaves.size(), leaf.length, 0));
                leaves.writeBytes(leaf);
            }
            root = gzip(directory(rootEntries));
        } else {
            root = gzip(directory(entries));
        }
        byte[] meta = "{}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(127).order(ByteOrder.LITTLE_ENDIAN);
        h.put("PMTiles".getBytes(StandardCharsets.US_ASCII)).put((byte) 3);
        long rootOffset = 127;
        long metaOffset = rootOffset + root.length;
        long leafOffset = metaOffset + meta.length;
        long dataOffset = leafOffset + leaves.size();
        h.putLong(rootOffset).putLong(root.length).putLong(metaOffset).putLong(meta.length)
                .putLong(leafOffset).putLong(leaves.size()).putLong(dataOffset).putLong(data.size())
                .putLong(tiles.size()).putLong(tiles.size()).putLong(tiles.size());
        h.put((byte) 1).put((byte) 2).put((byte) 1).put((byte) 2); // clustered, gzip directories, tiles as they are, PNG
        h.put((byte) minZoom).put((byte) maxZoom);
        h.putInt(-1_800_000_000).putInt(-850_000_000).putInt(1_800_000_000).putInt(850_000_000);
        h.put((byte) minZoom).putInt(0).putInt(0);
        try (var out = Files.newOutputStream(file)) {
            out.write(h.array());
            out.write(root);
            out.write(meta);
            leaves.writeTo(out);
            data.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] directory(List<Entry> entries) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        varint(b, entries.size());
        long last = 0;
        for (Entry e : entries) {
            varint(b, e.tileId() - last);
            last = e.tileId();
        }
        entries.forEach(e -> varint(b, e.runLength()));
        entries.forEach(e -> varint(b, e.length()));
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            boolean follows = i > 0 && e.offset() == entries.get(i - 1).offset() + entries.get(i - 1).length();
            varint(b, follows ? 0 : e.offset() + 1);
        }
        return b.toByteArray();
    }

    private static void varint(ByteArrayOutputStream b, long v) {
        while (v >= 0x80) {
            b.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        b.write((int) v);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
