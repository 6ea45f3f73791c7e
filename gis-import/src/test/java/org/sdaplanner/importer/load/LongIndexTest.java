package org.sdaplanner.importer.load;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LongIndexTest {
    @Test
    void numbersKeysInTheOrderFirstAddedLikeAMap() {
        LongIndex index = new LongIndex();
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // small packed keys, huge ones, negative ones and repeats, across many resizes
            long key = switch (i % 4) {
                case 0 -> random.nextInt(50_000);
                case 1 -> ((long) random.nextInt(6_300) << 42) | ((long) random.nextInt(34_000) << 16) | random.nextInt(3);
                case 2 -> random.nextLong();
                default -> -random.nextInt(1_000);
            };
            int before = expected.size();
            Integer want = expected.computeIfAbsent(key, k -> before);
            assertEquals(want, index.add(key), "add " + key);
            assertEquals(expected.size(), index.size());
        }
        expected.forEach((k, v) -> assertEquals(v, index.indexOf(k), "indexOf " + k));
        assertEquals(-1, index.indexOf(Long.MIN_VALUE + 12_345));
        assertEquals(-1, new LongIndex().indexOf(0));
    }
}
