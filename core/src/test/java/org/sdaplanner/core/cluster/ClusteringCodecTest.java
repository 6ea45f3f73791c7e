package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanningProblem;

/**
 * A kept clustering is the search's result in every field (doubles by their bits), builds the same
 * plan as the search, and damaged or foreign bytes are refused rather than read as a plan.
 */
class ClusteringCodecTest {

    private static Clusterer.Result odd() {
        // every shape of value the codec must keep: no district, no deviation, NaN with payload, −0, ∞, non-ASCII
        Clusterer.GroupResult a = new Clusterer.GroupResult("South Cambridgeshire, parished", "E07000012", "parished",
                new int[] {0, 2}, new PopulationLimits(1_000.5, Double.POSITIVE_INFINITY, null), true, 12_345.25,
                Double.longBitsToDouble(0x7ff8_0000_0000_1234L), false);
        Clusterer.GroupResult b = new Clusterer.GroupResult("whole region — ±30 %", null, "all", new int[] {1},
                new PopulationLimits(-0.0, 9e9, 0.3), false, -0.0, Double.POSITIVE_INFINITY, true);
        return new Clusterer.Result(new int[] {0, 1, 2, 0}, 3, new int[] {4, -1, 4},
                List.of("a warning", "é ü — " + "x".repeat(70_000)), 123_456, 1, List.of(a, b), 3_141.5);
    }

    private static void assertSameResult(Clusterer.Result x, Clusterer.Result y) {
        assertArrayEquals(x.assignment(), y.assignment());
        assertEquals(x.areaCount(), y.areaCount());
        assertArrayEquals(x.districtOf(), y.districtOf());
        assertEquals(x.warnings(), y.warnings());
        assertEquals(x.moves(), y.moves());
        assertEquals(x.passes(), y.passes());
        assertEquals(bits(x.meanResidents()), bits(y.meanResidents()));
        assertEquals(x.groups().size(), y.groups().size());
        for (int i = 0; i < x.groups().size(); i++) {
            Clusterer.GroupResult g = x.groups().get(i);
            Clusterer.GroupResult h = y.groups().get(i);
            assertEquals(g.label(), h.label());
            assertEquals(g.districtCode(), h.districtCode());
            assertEquals(g.side(), h.side());
            assertArrayEquals(g.areas(), h.areas());
            assertEquals(bits(g.limits().min()), bits(h.limits().min()));
            assertEquals(bits(g.limits().max()), bits(h.limits().max()));
            assertEquals(g.limits().deviation() == null, h.limits().deviation() == null);
            if (g.limits().deviation() != null) {
                assertEquals(bits(g.limits().deviation()), bits(h.limits().deviation()));
            }
            assertEquals(g.feasible(), h.feasible());
            assertEquals(bits(g.aligned()), bits(h.aligned()));
            assertEquals(bits(g.upperBound()), bits(h.upperBound()));
            assertEquals(g.optimal(), h.optimal());
        }
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    @Test
    void keepsEveryFieldToTheBit() {
        Clusterer.Result r = odd();
        byte[] bytes = ClusteringCodec.encode(r);
        Clusterer.Result back = ClusteringCodec.decode(bytes);
        assertSameResult(r, back);
        assertArrayEquals(bytes, ClusteringCodec.encode(back), "encoding the decoded result gives the same bytes");
    }

    @Test
    void aKeptSearchBuildsTheSamePlanAsTheSearch() {
        PlanningProblem p = PlanFixtures.problem(PlanFixtures.randomGrid(10, 10, 3, 5, 123L));
        ClusterOptions o = ClusterOptions.of(8, 11).withEffort(0.2);
        BuiltPlan searched = PlanBuilder.build(p, o, 25);
        Clusterer.Result kept = ClusteringCodec.decode(ClusteringCodec.encode(searched.clustering()));
        assertSameResult(searched.clustering(), kept);
        assertTrue(kept.groups().size() > 0, "the search reports its groups: the test sees them");
        BuiltPlan fromKept = PlanBuilder.of(p, o, 25, kept);
        assertEquals(searched.summary(), fromKept.summary());
        assertEquals(searched.areas(), fromKept.areas());
        assertEquals(searched.pcns(), fromKept.pcns());
        assertEquals(searched.areaNames(), fromKept.areaNames());
        assertEquals(bits(searched.certificate().upperBound()), bits(fromKept.certificate().upperBound()));
        assertEquals(searched.certificate().optimal(), fromKept.certificate().optimal());
        assertArrayEquals(searched.baselines().random(), fromKept.baselines().random());
        assertThrows(IllegalArgumentException.class, () -> PlanBuilder.of(p, o, 0,
                new Clusterer.Result(new int[99], 8, new int[8], List.of(), 0, 1)), "a clustering of other blocks");
    }

    @Test
    void damagedOrForeignBytesAreRefused() {
        byte[] bytes = ClusteringCodec.encode(odd());
        for (int n = 0; n < bytes.length; n += Math.max(1, n / 8)) {
            int cut = n;
            assertThrows(IllegalArgumentException.class, () -> ClusteringCodec.decode(Arrays.copyOf(bytes, cut)), "cut at " + cut);
        }
        assertThrows(IllegalArgumentException.class, () -> ClusteringCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)),
                "a byte after the end");
        byte[] otherMagic = bytes.clone();
        otherMagic[0] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> ClusteringCodec.decode(otherMagic));
        byte[] otherFormat = bytes.clone();
        otherFormat[7] = (byte) (ClusteringCodec.FORMAT + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusteringCodec.decode(otherFormat));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
        // a block put in an area past the plan's areas: bytes that parse but cannot be a plan
        byte[] pastTheAreas = ClusteringCodec.encode(new Clusterer.Result(new int[] {0, 3}, 3, new int[3], List.of(), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ClusteringCodec.decode(pastTheAreas));
        // a length that claims more than the bytes hold fails on the length, not in a huge allocation
        byte[] hugeLength = bytes.clone();
        hugeLength[8] = 0x7f;
        assertThrows(IllegalArgumentException.class, () -> ClusteringCodec.decode(hugeLength));
    }
}
