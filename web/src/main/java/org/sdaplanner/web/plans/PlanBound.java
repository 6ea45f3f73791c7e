package org.sdaplanner.web.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sdaplanner.core.cluster.Certificate;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.web.http.ApiJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proven bound a plan was built under, kept with its options and read back for its answers.
 * The bound is of the <em>rules</em> (areas per group, population limits, nesting, contiguity), not
 * of one assignment: it still holds after hand edits, which only change the plan's own alignment and
 * so its gap. A plan imported from a file, or stored before bounds were proven, has none.
 *
 * <p>Stored under {@value #KEY} of the plan's options JSON (no migration: the options travel with a
 * copy, whose rules are the same); {@link #shownOptions} leaves it out, so the options still say what
 * was asked.
 */
final class PlanBound {
    static final String KEY = "certificate";
    /** Alignments this close are the same plan's (the figures are sums of the same numbers). */
    private static final double SAME = 1e-9;

    private PlanBound() {
    }

    /** The options to store: those asked for, and the certificate the build proved. */
    static Map<String, Object> withCertificate(Map<String, Object> asked, Certificate c) {
        Map<String, Object> out = new LinkedHashMap<>(asked);
        if (c != null && Double.isFinite(c.upperBound())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alignment_upper_bound", c.upperBound());
            m.put("alignment", c.alignment());
            m.put("optimal", c.optimal());
            out.put(KEY, m);
        }
        return out;
    }

    /** The stored plan's certificate for its assignment now ({@code alignment}), or null when it has none. */
    static Certificate certificate(String optionsJson, double alignment) {
        JsonNode c = read(optionsJson).path(KEY);
        if (!c.path("alignment_upper_bound").isNumber()) {
            return null;
        }
        double bound = c.path("alignment_upper_bound").asDouble();
        boolean asBuilt = Math.abs(c.path("alignment").asDouble(Double.NaN) - alignment) <= SAME;
        boolean optimal = asBuilt ? c.path("optimal").asBoolean(false) : alignment >= bound - SAME;
        return new Certificate(alignment, bound, optimal, List.of());
    }

    /** Whether the stored plan's alignment is still the one it was built with. */
    static boolean edited(String optionsJson, double alignment) {
        JsonNode c = read(optionsJson).path(KEY);
        return c.path("alignment").isNumber() && Math.abs(c.path("alignment").asDouble() - alignment) > SAME;
    }

    /**
     * The bound, the gap and whether the plan is optimal (as in summary.json), and {@code bound_note}:
     * in plain words why there is no bound or what it means for an edited plan (null for a plan as built).
     */
    static Map<String, Object> properties(Certificate c, boolean edited) {
        Map<String, Object> m = PlanFiles.certificateProperties(c);
        String note = null;
        if (c == null) {
            note = "No bound was proven for this plan: it was imported from a file, or built before the planner proved"
                    + " bounds. Build a plan to see how close it comes to the best possible.";
        } else if (c.alignment() > c.upperBound() + SAME) {
            m.put("optimality_gap", null);
            m.put("optimal", false);
            note = "This plan aligns more than the bound of the rules it was built with: hand edits have taken it outside"
                    + " those rules (such as its population limits), so the bound does not apply to it.";
        } else if (edited) {
            note = "The bound is of the rules the plan was built with (its areas per district, population limits and"
                    + " contiguity), not of one plan, so it still holds after hand edits: the gap is the edited plan's.";
        }
        m.put("bound_note", note);
        return m;
    }

    /** The options as asked for, without the certificate kept beside them. */
    static JsonNode shownOptions(String optionsJson) {
        JsonNode n = read(optionsJson);
        if (n instanceof ObjectNode o) {
            o.remove(KEY);
        }
        return n;
    }

    private static JsonNode read(String json) {
        try {
            JsonNode n = ApiJson.MAPPER.readTree(json == null ? "{}" : json);
            return n == null ? ApiJson.MAPPER.createObjectNode() : n;
        } catch (JsonProcessingException e) {
            return ApiJson.MAPPER.createObjectNode();
        }
    }
}
