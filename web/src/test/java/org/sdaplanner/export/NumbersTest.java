package org.sdaplanner.export;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Numbers#fixed} must write exactly what String.format wrote before it: the CSVs stay byte-identical. */
class NumbersTest {
    private static void same(double d) {
        assertEquals(String.format(Locale.ROOT, "%.6f", d), Numbers.fixed(d, 6), () -> "for " + d);
    }

    @Test
    void edgeCasesAsTheFormatterWritesThem() {
        double[] cases = {0, -0.0, 1, -1, 0.5, 0.15, 0.0000005, 0.0000004999999, 0.0000015, 2.5e-7, -2.5e-7, -1e-9,
                0.1234565, 0.9999995, 0.99999949, 123456.7890125, 1e-300, 1e21, 1.0 / 3, 2.0 / 3,
                Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double d : cases) {
            same(d);
        }
    }

    @Test
    void sharesOfPatientCountsAsTheFormatterWritesThem() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 300_000; i++) {
            long total = 1 + random.nextLong(20_000);
            same((double) random.nextLong(total + 1) / total); // a share, as dominance computes them
            same(random.nextDouble() * 2 - 1);
            same(Math.round(random.nextDouble() * 1e7) / 1e7 + 5e-7); // halfway cases at the sixth decimal
        }
    }
}
