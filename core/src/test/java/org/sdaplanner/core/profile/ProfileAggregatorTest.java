package org.sdaplanner.core.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Aggregation by hand on three LSOAs: A (100 residents), B (300), C (600). */
class ProfileAggregatorTest {
    private static final LsoaData DATA = LsoaData.builder(Map.of("A", 100, "B", 300, "C", 600))
            .number("tenure", "A", "Owned", 30).number("tenure", "A", "Social", 10)
            .number("tenure", "B", "Owned", 90).number("tenure", "B", "Social", 60)
            .number("tenure", "C", "Owned", 100).number("tenure", "C", "Social", 200)
            .number("imd", "A", "rank", 1000).number("imd", "B", "rank", 2000).number("imd", "C", "rank", 5000)
            .number("imd", "A", "decile", 1).number("imd", "B", "decile", 2).number("imd", "C", "decile", 2)
            .text("ruc", "A", "class", "Rural").text("ruc", "B", "class", "Urban").text("ruc", "C", "class", "Urban")
            .number("age", "A", "0", 10).number("age", "A", "4", 5).number("age", "A", "5", 20).number("age", "A", "90+", 7)
            .build();

    private static IndicatorValue of(Indicator i, String... lsoas) {
        return new ProfileAggregator(List.of(i), DATA).profile("area", "x", "X", List.of(lsoas)).values().get(i.id());
    }

    private static Indicator indicator(String id, Indicator.Kind kind, String dataset, List<String> fields, List<String> den) {
        return new Indicator(id, id, kind, dataset, fields, den, List.of(), null, null, null);
    }

    @Test
    void countsAreSummed() {
        IndicatorValue v = of(indicator("res", Indicator.Kind.COUNT, LsoaData.RESIDENTS, List.of(), List.of()), "A", "B");
        assertEquals(400, v.value(), 1e-9);
    }

    @Test
    void proportionsComeFromSummedNumeratorsAndDenominatorsNotFromAveragedRates() {
        // A: 10/40 = 25%, C: 200/300 = 66.7%; the mean of rates would be 45.8%, the right answer is 210/340
        IndicatorValue v = of(indicator("social", Indicator.Kind.PROPORTION, "tenure", List.of("Social"), List.of()), "A", "C");
        assertEquals(210, v.numerator(), 1e-9);
        assertEquals(340, v.denominator(), 1e-9);
        assertEquals(210.0 / 340, v.value(), 1e-12);
    }

    @Test
    void ranksAreAveragedWeightedByResidents() {
        IndicatorValue v = of(indicator("rank", Indicator.Kind.WEIGHTED_MEAN, "imd", List.of("rank"), List.of()), "A", "B", "C");
        assertEquals((1000 * 100 + 2000 * 300 + 5000 * 600) / 1000.0, v.value(), 1e-9);
    }

    @Test
    void decilesAndClassesBecomeDistributionsOfResidents() {
        IndicatorValue d = of(indicator("dec", Indicator.Kind.DISTRIBUTION, "imd", List.of("decile"), List.of()), "A", "B", "C");
        assertEquals(Map.of("1", 100.0, "2", 900.0), d.parts());
        assertEquals(0.9, d.shares().get("2"), 1e-12);
        IndicatorValue r = of(indicator("ruc", Indicator.Kind.DISTRIBUTION, "ruc", List.of("class"), List.of()), "A", "B");
        assertEquals(0.25, r.shares().get("Rural"), 1e-12);
    }

    @Test
    void categorySharesComeFromSummedCounts() {
        IndicatorValue v = of(indicator("tenure", Indicator.Kind.CATEGORY_SHARES, "tenure", List.of(), List.of()), "A", "B");
        assertEquals(120, v.parts().get("Owned"), 1e-9);
        assertEquals(120.0 / 190, v.shares().get("Owned"), 1e-12);
    }

    @Test
    void ageBandsGatherSingleYearsAndTheOpenTopAge() {
        Indicator i = new Indicator("age", "age", Indicator.Kind.AGE_BANDS, "age", List.of(), List.of(),
                List.of(new int[]{0, 4}, new int[]{5, 89}, new int[]{90, 90}), null, null, null);
        IndicatorValue v = of(i, "A");
        assertEquals(15, v.parts().get("0–4"), 1e-9);
        assertEquals(20, v.parts().get("5–89"), 1e-9);
        assertEquals(7, v.parts().get("90+"), 1e-9);
        assertEquals(42, v.numerator(), 1e-9);
    }

    @Test
    void anAreaWithoutDataHasNoValueRatherThanZero() {
        IndicatorValue v = of(indicator("social", Indicator.Kind.PROPORTION, "tenure", List.of("Social"), List.of()), "Z");
        assertNull(v.value());
        assertEquals(0, v.lsoas());
    }

    @Test
    void areaTotalsAddUpToTheRegion() {
        Indicator i = indicator("owned", Indicator.Kind.COUNT, "tenure", List.of("Owned"), List.of());
        ProfileAggregator agg = new ProfileAggregator(List.of(i), DATA);
        double areas = agg.profile("area", "1", "1", List.of("A")).values().get("owned").value()
                + agg.profile("area", "2", "2", List.of("B", "C")).values().get("owned").value();
        assertEquals(agg.profile("region", "r", "r", List.of("A", "B", "C")).values().get("owned").value(), areas, 1e-9);
    }

    @Test
    void badIndicatorsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> indicator("p", Indicator.Kind.PROPORTION, "tenure", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> indicator("m", Indicator.Kind.WEIGHTED_MEAN, "imd", List.of("a", "b"), List.of()));
    }

    @Test
    void lsoa2011ValuesReachTheir2021Lsoas() {
        // 2011 X split into 2021 X1 (300 residents) and X2 (100); 2011 Y and Z merged into 2021 YZ
        VintageBridge bridge = new VintageBridge(List.of(new VintageBridge.Link("X", "X1"), new VintageBridge.Link("X", "X2"),
                new VintageBridge.Link("Y", "YZ"), new VintageBridge.Link("Z", "YZ")), Map.of("X1", 300, "X2", 100, "YZ", 50));
        LsoaData.Builder b = LsoaData.builder(Map.of("X1", 300, "X2", 100, "YZ", 50));
        bridge.add(b, "pop", "X", "all", 40.0, true);
        bridge.add(b, "pop", "Y", "all", 7.0, true);
        bridge.add(b, "pop", "Z", "all", 5.0, true);
        bridge.add(b, "imd", "X", "rank", 123.0, false);
        bridge.add(b, "imd", "Y", "rank", 10.0, false);
        bridge.add(b, "imd", "Z", "rank", 20.0, false);
        LsoaData d = b.build();
        assertEquals(30, d.number("pop", "X1", "all"), 1e-9);
        assertEquals(10, d.number("pop", "X2", "all"), 1e-9);
        assertEquals(12, d.number("pop", "YZ", "all"), 1e-9);
        assertEquals(123, d.number("imd", "X2", "rank"), 1e-9);
        assertEquals(10, d.number("imd", "YZ", "rank"), 1e-9, "a merged LSOA keeps its first parent's rank");
    }
}
