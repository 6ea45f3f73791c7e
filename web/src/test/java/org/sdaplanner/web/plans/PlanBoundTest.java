package org.sdaplanner.web.plans;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.cluster.Certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound in a plan's answers: as built, after hand edits, above the bound, and absent (the stored form and
 * the assignment digest are covered on the real data by MapServerApiTest.BoundsAndLimits).
 */
class PlanBoundTest {
    @Test
    void asBuiltTheGapIsRoundedUpAndNeedsNoNote() {
        Map<String, Object> p = PlanBound.properties(new Certificate(0.6603, 0.6626, false, List.of()), false);
        assertEquals(0.6626, (double) p.get("alignment_upper_bound"), 1e-9);
        assertEquals(0.0023, (double) p.get("optimality_gap"), 1e-9);
        assertEquals(false, p.get("optimal"));
        assertNull(p.get("bound_note"));
    }

    @Test
    void afterHandEditsTheBoundOfTheRulesHoldsWithTheEditedPlansGap() {
        Map<String, Object> p = PlanBound.properties(new Certificate(0.6501, 0.6626, false, List.of()), true);
        assertEquals(0.0125, (double) p.get("optimality_gap"), 1e-9);
        assertTrue(((String) p.get("bound_note")).contains("hand edits"), p.toString());
    }

    @Test
    void aPlanEditedAboveTheBoundIsOutsideTheRulesAndAPlanWithoutOneSaysSo() {
        Map<String, Object> above = PlanBound.properties(new Certificate(0.67, 0.6626, false, List.of()), true);
        assertNull(above.get("optimality_gap"), "no gap for a plan the bound does not apply to");
        assertEquals(false, above.get("optimal"));
        assertTrue(((String) above.get("bound_note")).contains("outside"), above.toString());

        Map<String, Object> none = PlanBound.properties(null, false);
        assertNull(none.get("alignment_upper_bound"));
        assertNull(none.get("optimality_gap"));
        assertTrue(((String) none.get("bound_note")).contains("imported"), none.toString());
    }

    @Test
    void theOptionsShownAreThoseAskedWithoutTheCertificate() {
        JsonNode shown = PlanBound.shownOptions("{\"areas\":28,\"seed\":1,\"certificate\":{\"alignment_upper_bound\":0.66}}");
        List<String> fields = new ArrayList<>();
        shown.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("areas", "seed"), fields);
        assertEquals(0, PlanBound.shownOptions("not json").size(), "unreadable options show as {}");
    }
}
