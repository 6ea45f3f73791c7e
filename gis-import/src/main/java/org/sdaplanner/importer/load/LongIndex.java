package org.sdaplanner.importer.load;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys 0, 1, 2 … in the order they are first added: a hash table of
 * primitives, for the registration file's 735,091 rows nationally, where a {@code HashMap} of
 * string keys made of the codes cost more than reading the file (docs/benchmarks.md, session 13).
 * Not thread-safe.
 */
final class LongIndex {
    private static final int EMPTY = -1;
    private long[] keys = new long[1 << 10];
    private int[] slots = filled(1 << 10);
    private int size;

    /** How many keys have been added. */
    int size() {
        return size;
    }

    /** The number of {@code key}, or -1 when it was never added. */
    int indexOf(long key) {
        int mask = slots.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == EMPTY) {
                return -1;
            }
            if (keys[i] == key) {
                return s;
            }
        }
    }

    /** The number of {@code key}: its old one, or the next when it is new ({@link #size()} then grows by one). */
    int add(long key) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == EMPTY) {
                keys[i] = key;
                slots[i] = size;
                return size++;
            }
            if (keys[i] == key) {
                return s;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = filled(oldSlots.length * 2);
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != EMPTY) {
                int i = spread(oldKeys[j]) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    /** Mixes the bits (packed codes differ mostly in their low bits) so that probing stays short. */
    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, EMPTY);
        return a;
    }
}
