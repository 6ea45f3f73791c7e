package org.sdaplanner.core.dominance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DominanceRuleTest {

    @Test
    void parsesTheThreeForms() {
        assertSame(DominanceRule.PLURALITY, DominanceRule.parse("plurality"));
        assertSame(DominanceRule.MAJORITY, DominanceRule.parse(" Majority "));
        assertEquals(new DominanceRule.MinShare(0.05), DominanceRule.parse("min-share=0.05"));
        assertEquals(new DominanceRule.MinShare(0.0), DominanceRule.parse("min-share=0"));
        assertEquals(new DominanceRule.MinShare(1.0), DominanceRule.parse("min-share=1"));
    }

    @Test
    void textFormRoundTrips() {
        assertEquals("plurality", DominanceRule.PLURALITY.toString());
        assertEquals("majority", DominanceRule.MAJORITY.toString());
        assertEquals("min-share=0.05", DominanceRule.minShare(0.05).toString());
        assertEquals("min-share=0.0001", DominanceRule.minShare(0.0001).toString());
        for (DominanceRule r : new DominanceRule[] {DominanceRule.PLURALITY, DominanceRule.MAJORITY,
                DominanceRule.minShare(0.05), DominanceRule.minShare(0.0001), DominanceRule.minShare(1)}) {
            assertEquals(r, DominanceRule.parse(r.toString()));
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "plural", "min-share", "min-share=", "min-share=abc", "min-share=1.5",
            "min-share=-0.1", "min-share=NaN", "minshare=0.05", "majority=0.6"})
    void rejectsAnythingElseNamingTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DominanceRule.parse(text));
        assertTrue(e.getMessage().contains("'plurality', 'majority', 'min-share=<share between 0 and 1>'"),
                e.getMessage());
    }

    @Test
    void majorityIsStrictlyAboveOneHalf() {
        assertTrue(DominanceRule.MAJORITY.accepts(51, 100));
        assertTrue(!DominanceRule.MAJORITY.accepts(50, 100));
        assertTrue(DominanceRule.MAJORITY.accepts(2, 3));
    }

    @Test
    void minShareKeepsAShareEqualToTheThreshold() {
        DominanceRule r = DominanceRule.minShare(0.05);
        assertTrue(r.eligible(5, 100));
        assertTrue(!r.eligible(4, 100));
        assertTrue(!r.eligible(0, 100));
        assertThrows(IllegalArgumentException.class, () -> DominanceRule.minShare(1.01));
    }
}
